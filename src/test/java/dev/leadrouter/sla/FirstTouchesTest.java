package dev.leadrouter.sla;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leadrouter.capture.ChangeEvent;
import dev.leadrouter.capture.ChangeEventHeader;
import dev.leadrouter.capture.ChangeOrigin;
import dev.leadrouter.capture.ChangeType;
import dev.leadrouter.config.StoreSettings;
import dev.leadrouter.lead.SalesforceId;
import dev.leadrouter.store.Database;
import dev.leadrouter.store.NewSlaClock;
import dev.leadrouter.store.SlaClock;
import dev.leadrouter.store.SlaClockStatus;
import dev.leadrouter.store.SlaClocks;
import dev.leadrouter.store.TouchKind;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** First touches read from Lead and Task change events, against a real (H2) store. */
class FirstTouchesTest {

  private static final String LEAD = new SalesforceId("00QWk000000000A").value();
  private static final String ANN = new SalesforceId("005Wk0000000002").value();
  private static final String BO = new SalesforceId("005Wk0000000003").value();
  private static final String TASK = new SalesforceId("00TWk0000000001").value();
  private static final String OTHER_TASK = new SalesforceId("00TWk0000000009").value();
  private static final Instant ROUTED = Instant.parse("2026-11-24T15:00:00Z");
  private static final Instant DUE = ROUTED.plus(Duration.ofMinutes(5));

  @TempDir Path scratch;
  private Database database;
  private SlaClocks clocks;
  private SimpleMeterRegistry meters;
  private FirstTouches touches;

  @BeforeEach
  void open() {
    database =
        Database.open(
            new StoreSettings(
                "jdbc:h2:file:" + scratch.resolve("store").toAbsolutePath() + ";MODE=PostgreSQL",
                Optional.empty(),
                Optional.empty(),
                2));
    clocks = new SlaClocks(database);
    meters = new SimpleMeterRegistry();
    touches = new FirstTouches(clocks, new SlaPolicy(SlaAssignmentsTest.settings()), meters);
    SlaClock clock =
        clocks.open(
            new NewSlaClock(
                LEAD,
                1,
                ANN,
                "emea",
                "Inbound",
                "Web",
                "hot",
                false,
                ROUTED,
                DUE,
                ROUTED.plus(Duration.ofHours(48))));
    clocks.recordTask(clock.id(), TASK);
  }

  @AfterEach
  void close() {
    database.close();
  }

  private static ChangeEvent event(
      String entity, ChangeType type, String recordId, Instant at, Map<String, String> fields) {
    return new ChangeEvent(
        "/data/" + entity + "ChangeEvent",
        1,
        "schema",
        new ChangeEventHeader(
            entity,
            List.of(recordId),
            type,
            ChangeOrigin.NONE,
            "tx",
            1,
            at,
            1,
            ANN,
            List.copyOf(fields.keySet())),
        new LinkedHashMap<>(fields));
  }

  private SlaClock clock() {
    return clocks.forLead(LEAD).get(0);
  }

  @Test
  void aStatusLeavingTheUntouchedValuesOneSecondBeforeTheDeadlineMeetsTheSla() {
    List<SlaClock> stopped =
        touches.onEvent(
            event(
                "Lead",
                ChangeType.UPDATE,
                LEAD,
                DUE.minusSeconds(1),
                Map.of("Status", "Working - Contacted")));

    assertThat(stopped)
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.status()).isEqualTo(SlaClockStatus.MET);
              assertThat(c.touchKind()).isEqualTo(TouchKind.STATUS);
              assertThat(c.speedToLead()).contains(Duration.ofSeconds(299));
            });
    assertThat(meters.get("leadrouter.sla.speed_to_lead").timer().count()).isEqualTo(1);
    assertThat(meters.get("leadrouter.sla.first_touch").tag("outcome", "met").counter().count())
        .isEqualTo(1);
  }

  @Test
  void aStatusChangeOneSecondAfterTheDeadlineIsLate() {
    touches.onEvent(
        event(
            "Lead",
            ChangeType.UPDATE,
            LEAD,
            DUE.plusSeconds(1),
            Map.of("Status", "Working - Contacted")));

    assertThat(clock().status()).isEqualTo(SlaClockStatus.LATE);
  }

  @Test
  void changesThatAreNoTouchLeaveTheClockRunning() {
    touches.onEvent(
        event("Lead", ChangeType.UPDATE, LEAD, DUE, Map.of("Status", "Open - Not Contacted")));
    touches.onEvent(event("Lead", ChangeType.UPDATE, LEAD, DUE, Map.of("Phone", "+4930123")));
    touches.onEvent(
        event(
            "Task",
            ChangeType.CREATE,
            OTHER_TASK,
            DUE,
            Map.of("WhoId", LEAD, "OwnerId", BO, "Subject", "Call")));
    touches.onEvent(event("Task", ChangeType.UPDATE, TASK, DUE, Map.of("Priority", "Low")));

    assertThat(clock().status()).isEqualTo(SlaClockStatus.OPEN);
  }

  @Test
  void aConversionIsATouch() {
    touches.onEvent(
        event(
            "Lead",
            ChangeType.UPDATE,
            LEAD,
            DUE.plusSeconds(60),
            Map.of("IsConverted", "true", "Status", "Closed - Converted")));

    assertThat(clock().touchKind()).isEqualTo(TouchKind.CONVERTED);
    assertThat(clock().status()).isEqualTo(SlaClockStatus.LATE);
  }

  @Test
  void aCallTheOwnerLogsOnTheLeadIsATouch() {
    touches.onEvent(
        event(
            "Task",
            ChangeType.CREATE,
            OTHER_TASK,
            ROUTED.plusSeconds(90),
            Map.of("WhoId", LEAD, "OwnerId", ANN, "Subject", "Call", "Status", "Completed")));

    assertThat(clock().touchKind()).isEqualTo(TouchKind.ACTIVITY);
    assertThat(clock().speedToLead()).contains(Duration.ofSeconds(90));
  }

  @Test
  void completingTheFollowUpTaskIsATouch() {
    touches.onEvent(
        event(
            "Task",
            ChangeType.UPDATE,
            TASK,
            ROUTED.plusSeconds(120),
            Map.of("Status", "Completed")));

    assertThat(clock().status()).isEqualTo(SlaClockStatus.MET);
    assertThat(clock().touchedAt()).isEqualTo(ROUTED.plusSeconds(120));
  }

  @Test
  void aReplayedEventChangesNothingTheSecondTime() {
    ChangeEvent touch =
        event(
            "Lead",
            ChangeType.UPDATE,
            LEAD,
            ROUTED.plusSeconds(30),
            Map.of("Status", "Working - Contacted"));

    assertThat(touches.onEvent(touch)).hasSize(1);
    assertThat(touches.onEvent(touch)).isEmpty();
    assertThat(clock().touchedAt()).isEqualTo(ROUTED.plusSeconds(30));
    assertThat(meters.get("leadrouter.sla.speed_to_lead").timer().count()).isEqualTo(1);
  }

  @Test
  void anOwnerSomeoneElseSetsClosesTheClockSoNothingEscalates() {
    touches.onEvent(
        event("Lead", ChangeType.UPDATE, LEAD, ROUTED.plusSeconds(40), Map.of("OwnerId", BO)));

    assertThat(clock().status()).isEqualTo(SlaClockStatus.CLOSED);
    assertThat(clock().closedAt()).isEqualTo(ROUTED.plusSeconds(40));
    assertThat(clocks.openDueBefore(DUE.plusSeconds(60))).isEmpty();
  }

  @Test
  void theSameOwnerWrittenAgainLeavesTheClockRunning() {
    touches.onEvent(
        event("Lead", ChangeType.UPDATE, LEAD, ROUTED.plusSeconds(40), Map.of("OwnerId", ANN)));

    assertThat(clock().status()).isEqualTo(SlaClockStatus.OPEN);
  }

  @Test
  void aTouchThatAlsoMovesTheOwnerStillCountsAsTheTouch() {
    // An API update without Sforce-Auto-Assign: FALSE runs the org's assignment rule again.
    touches.onEvent(
        event(
            "Lead",
            ChangeType.UPDATE,
            LEAD,
            ROUTED.plusSeconds(40),
            Map.of("Status", "Working - Contacted", "OwnerId", BO)));

    assertThat(clock().status()).isEqualTo(SlaClockStatus.MET);
    assertThat(clock().touchKind()).isEqualTo(TouchKind.STATUS);
  }
}
