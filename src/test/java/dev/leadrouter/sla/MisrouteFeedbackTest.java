package dev.leadrouter.sla;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leadrouter.capture.ChangeEvent;
import dev.leadrouter.capture.ChangeEventHeader;
import dev.leadrouter.capture.ChangeOrigin;
import dev.leadrouter.capture.ChangeType;
import dev.leadrouter.config.Mode;
import dev.leadrouter.config.SlaSettings;
import dev.leadrouter.config.StoreSettings;
import dev.leadrouter.lead.SalesforceId;
import dev.leadrouter.route.Decision;
import dev.leadrouter.route.Owner;
import dev.leadrouter.score.LeadScore;
import dev.leadrouter.store.Database;
import dev.leadrouter.store.Misroute;
import dev.leadrouter.store.Misroutes;
import dev.leadrouter.store.NewSlaClock;
import dev.leadrouter.store.RoutingLog;
import dev.leadrouter.store.SlaClocks;
import dev.leadrouter.testing.MutableClock;
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

/** Owner changes by people, read as misroutes of the rule that placed the lead. */
class MisrouteFeedbackTest {

  private static final SalesforceId LEAD = new SalesforceId("00QWk000000000A");
  private static final SalesforceId ANN = new SalesforceId("005Wk0000000002");
  private static final SalesforceId BO = new SalesforceId("005Wk0000000003");
  private static final SalesforceId QUEUE = new SalesforceId("00GWk0000000001");
  private static final Instant ROUTED = Instant.parse("2026-11-24T15:00:00Z");
  private static final Duration WINDOW = SlaSettings.DEFAULT_MISROUTE_WINDOW;

  @TempDir Path scratch;
  private Database database;
  private RoutingLog routingLog;
  private Misroutes misroutes;
  private SimpleMeterRegistry meters;
  private MutableClock clock;
  private MisrouteFeedback feedback;

  @BeforeEach
  void open() {
    database =
        Database.open(
            new StoreSettings(
                "jdbc:h2:file:" + scratch.resolve("store").toAbsolutePath() + ";MODE=PostgreSQL",
                Optional.empty(),
                Optional.empty(),
                2));
    routingLog = new RoutingLog(database);
    misroutes = new Misroutes(database);
    meters = new SimpleMeterRegistry();
    clock = new MutableClock(ROUTED);
    SlaClocks clocks = new SlaClocks(database);
    feedback =
        new MisrouteFeedback(
            routingLog, clocks, misroutes, SlaAssignmentsTest.settings(), meters, clock);
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void anOwnerChangeByAPersonWithinTheWindowIsAMisrouteOfTheRule() {
    long decision = routed(Owner.user(ANN, "Ann Lee"));
    new SlaClocks(database)
        .open(
            new NewSlaClock(
                LEAD.value(),
                decision,
                ANN.value(),
                "emea",
                "Inbound",
                "Web",
                "hot",
                false,
                ROUTED,
                ROUTED.plusSeconds(300),
                ROUTED.plus(Duration.ofHours(48))));
    Instant changed = ROUTED.plus(Duration.ofDays(2));

    List<Misroute> recorded = feedback.onEvent(ownerChange(BO, changed));

    assertThat(recorded)
        .containsExactly(
            new Misroute(
                decision,
                LEAD.value(),
                "Inbound",
                "emea",
                ANN.value(),
                BO.value(),
                ROUTED,
                changed));
    assertThat(misroutes.routedSince(ROUTED)).isEqualTo(recorded);
    assertThat(meters.get("leadrouter.sla.misroutes").tag("rule", "Inbound").counter().count())
        .isEqualTo(1.0);
    clock.advance(Duration.ofDays(3));
    assertThat(meters.get("leadrouter.sla.misroutes.window").gauge().value()).isEqualTo(1.0);
    clock.advance(WINDOW);
    assertThat(meters.get("leadrouter.sla.misroutes.window").gauge().value()).isZero();
  }

  @Test
  void aChangeOneSecondAfterTheWindowIsNotAMisroute() {
    routed(Owner.user(ANN, "Ann Lee"));

    assertThat(feedback.onEvent(ownerChange(BO, ROUTED.plus(WINDOW).plusSeconds(1)))).isEmpty();
    assertThat(feedback.onEvent(ownerChange(BO, ROUTED.plus(WINDOW)))).hasSize(1);
  }

  @Test
  void theSameEventSeenAgainAndASecondChangeCountOnce() {
    routed(Owner.user(ANN, "Ann Lee"));

    feedback.onEvent(ownerChange(BO, ROUTED.plusSeconds(60)));
    assertThat(feedback.onEvent(ownerChange(BO, ROUTED.plusSeconds(60)))).isEmpty();
    assertThat(feedback.onEvent(ownerChange(ANN, ROUTED.plusSeconds(90)))).isEmpty();

    assertThat(misroutes.routedSince(ROUTED)).hasSize(1);
  }

  @Test
  void aRepTakingALeadFromOurQueueIsNoMisroute() {
    routed(Owner.queue(QUEUE, "Inbound queue"));

    assertThat(feedback.onEvent(ownerChange(BO, ROUTED.plusSeconds(60)))).isEmpty();
  }

  @Test
  void otherChangesAndLeadsWeNeverRoutedAreIgnored() {
    assertThat(feedback.onEvent(ownerChange(BO, ROUTED.plusSeconds(60)))).isEmpty();
    routed(Owner.user(ANN, "Ann Lee"));

    assertThat(
            feedback.onEvent(
                event(ROUTED.plusSeconds(60), Map.of("Status", "Working - Contacted"))))
        .isEmpty();
    assertThat(misroutes.routedSince(ROUTED)).isEmpty();
  }

  private long routed(Owner owner) {
    long id =
        routingLog.record(
            new Decision(
                LEAD.value(),
                owner,
                "Inbound",
                List.of(),
                List.of(),
                List.of(),
                Map.of("LeadSource", "Web"),
                new LeadScore(10, 10, "hot", null, List.of()),
                null,
                null,
                false,
                ROUTED.minusSeconds(1),
                "v1",
                List.of()),
            Mode.LIVE);
    routingLog.markWritten(id, ROUTED);
    return id;
  }

  private static ChangeEvent ownerChange(SalesforceId newOwner, Instant at) {
    return event(at, Map.of("OwnerId", newOwner.value()));
  }

  private static ChangeEvent event(Instant at, Map<String, String> fields) {
    return new ChangeEvent(
        "/data/LeadChangeEvent",
        1,
        "schema",
        new ChangeEventHeader(
            "Lead",
            List.of(LEAD.value()),
            ChangeType.UPDATE,
            ChangeOrigin.NONE,
            "tx",
            1,
            at,
            1,
            BO.value(),
            List.copyOf(fields.keySet())),
        new LinkedHashMap<>(fields));
  }
}
