package dev.leadrouter.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.leadrouter.capture.ReplayCheckpoint;
import dev.leadrouter.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReconciliationWindowTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T12:00:00Z"));

  @Test
  void startsAtTheLastCheckpointLessTheMarginInWholeSeconds() {
    ReplayCheckpoint last =
        new ReplayCheckpoint(
            WorkerModule.LEAD_CHANNEL, 4711, Instant.parse("2026-11-23T08:15:30.750Z"));

    ReconciliationWindow window =
        ReconciliationWindow.after(Optional.of(last), Duration.ofMinutes(10), clock);

    assertThat(window.since()).isEqualTo(Instant.parse("2026-11-23T08:05:30Z"));
  }

  @Test
  void withoutACheckpointItGoesBackTheMarginFromNow() {
    ReconciliationWindow window =
        ReconciliationWindow.after(Optional.empty(), Duration.ofMinutes(10), clock);

    assertThat(window.since()).isEqualTo(Instant.parse("2026-11-27T11:50:00Z"));
  }

  @Test
  void queriesRecordsCreatedOrChangedSinceItsStartOldestFirst() {
    ReconciliationWindow window = new ReconciliationWindow(Instant.parse("2026-11-23T08:05:30Z"));

    assertThat(window.soql("Lead", List.of("Id", "Email", "CreatedDate")))
        .isEqualTo(
            "SELECT Id, Email, CreatedDate FROM Lead WHERE CreatedDate >= 2026-11-23T08:05:30Z"
                + " OR SystemModstamp >= 2026-11-23T08:05:30Z ORDER BY CreatedDate");
  }

  @Test
  void aLeadIsNewInTheWindowFromItsFirstSecondOn() {
    ReconciliationWindow window = new ReconciliationWindow(Instant.parse("2026-11-23T08:05:30Z"));

    assertThat(window.createdWithin(Instant.parse("2026-11-23T08:05:30Z"))).isTrue();
    assertThat(window.createdWithin(Instant.parse("2026-11-23T08:05:29.999Z"))).isFalse();
    assertThat(window.createdWithin(null)).as("unknown creation time").isFalse();
  }

  @Test
  void refusesANegativeMarginAndAnythingButAnObjectName() {
    assertThatThrownBy(
            () -> ReconciliationWindow.after(Optional.empty(), Duration.ofSeconds(-1), clock))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("margin");
    ReconciliationWindow window = new ReconciliationWindow(clock.instant());
    assertThatThrownBy(() -> window.soql("Lead WHERE Id != null", List.of("Id")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sObject");
  }
}
