package dev.leadrouter.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Misroutes, on every database. */
abstract class MisroutesContract extends StoreContract {

  private static final Instant ROUTED = Instant.parse("2026-11-24T15:00:00Z");

  private static Misroute misroute(long decisionId, Instant routedAt, Duration kept) {
    return new Misroute(
        decisionId,
        Decisions.LEAD,
        "EMEA inbound",
        "emea",
        "005000000000001",
        "005000000000009",
        routedAt,
        routedAt.plus(kept));
  }

  @Test
  void aRecordedMisrouteIsReadBackWithEverythingTheReportNeeds() {
    Misroutes misroutes = new Misroutes(database);

    assertThat(misroutes.record(misroute(11, ROUTED, Duration.ofHours(3)))).isTrue();

    assertThat(misroutes.routedSince(ROUTED))
        .containsExactly(misroute(11, ROUTED, Duration.ofHours(3)));
    assertThat(misroutes.routedSince(ROUTED).get(0).kept()).isEqualTo(Duration.ofHours(3));
  }

  @Test
  void theSameDecisionIsCountedOnceEvenAfterARestart() {
    new Misroutes(database).record(misroute(11, ROUTED, Duration.ofHours(3)));

    Misroutes afterRestart = new Misroutes(database);

    assertThat(afterRestart.record(misroute(11, ROUTED, Duration.ofHours(5)))).isFalse();
    assertThat(afterRestart.routedSince(ROUTED)).hasSize(1);
    assertThat(afterRestart.routedSince(ROUTED).get(0).kept()).isEqualTo(Duration.ofHours(3));
  }

  @Test
  void reportsAndTheGaugeSeeOnlyTheirPeriod() {
    Misroutes misroutes = new Misroutes(database);
    misroutes.record(misroute(11, ROUTED.minus(Duration.ofDays(10)), Duration.ofDays(2)));
    misroutes.record(misroute(12, ROUTED, Duration.ofMinutes(30)));

    assertThat(misroutes.routedSince(ROUTED.minusSeconds(1)))
        .extracting(Misroute::decisionId)
        .containsExactly(12L);
    assertThat(misroutes.changedSince(ROUTED.minus(Duration.ofDays(8)))).isEqualTo(2);
    assertThat(misroutes.changedSince(ROUTED)).isEqualTo(1);
  }
}
