package dev.leadrouter.store;

import static dev.leadrouter.store.Decisions.ALICE;
import static dev.leadrouter.store.Decisions.BOB;
import static dev.leadrouter.store.Decisions.LEAD;
import static dev.leadrouter.store.Decisions.TEAM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.leadrouter.config.Mode;
import dev.leadrouter.lead.SalesforceId;
import dev.leadrouter.route.Decision;
import dev.leadrouter.route.Owner;
import dev.leadrouter.route.ReasonCode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The routing log's promises, on every database. */
abstract class RoutingLogContract extends StoreContract {

  private static final Instant DECIDED = Instant.parse("2026-05-04T09:15:30.123456Z");

  private RoutingLog log;
  private JdbcRoutingState state;

  @BeforeEach
  void repositories() {
    log = new RoutingLog(database);
    state = new JdbcRoutingState(database);
  }

  @Test
  void recordsTheDecisionWithItsExplanationAndItsStateChanges() {
    long id = log.record(Decisions.toAlice(LEAD, DECIDED), Mode.LIVE);

    assertThat(log.findByLead(LEAD))
        .singleElement()
        .satisfies(
            logged -> {
              assertThat(logged.id()).isEqualTo(id);
              assertThat(logged.owner().id()).isEqualTo(ALICE);
              assertThat(logged.owner().name()).isEqualTo("Alice");
              assertThat(logged.rule()).isEqualTo("EMEA inbound");
              assertThat(logged.reasons())
                  .containsExactly(ReasonCode.TEAM_ROUND_ROBIN, ReasonCode.FREE_MAIL_DOMAIN);
              assertThat(logged.inputs()).containsEntry("Country", "DE");
              assertThat(logged.pathJson()).contains("\"rule\":\"EMEA inbound\"", "\"DE\"");
              assertThat(logged.strategiesJson()).contains("OUT_OF_OFFICE", ALICE.value());
              assertThat(logged.score()).isEqualTo(65);
              assertThat(logged.scoreTier()).isEqualTo("hot");
              assertThat(logged.accountId()).isEqualTo(Decisions.ACCOUNT);
              assertThat(logged.slaMinutes()).isEqualTo(15);
              assertThat(logged.mode()).isEqualTo(Mode.LIVE);
              assertThat(logged.status()).isEqualTo(DecisionStatus.PLANNED);
              assertThat(logged.ruleSetVersion()).isEqualTo("rules-v7");
              assertThat(logged.decidedAt()).isEqualTo(DECIDED);
              assertThat(logged.writtenAt()).isNull();
            });
    assertThat(log.hasDecision(LEAD)).isTrue();
    assertThat(state.rotation(TEAM).lastAssigned()).isEqualTo(ALICE);
    assertThat(state.openLoad(ALICE)).isEqualTo(1);
  }

  @Test
  void aFailedDecisionFreesTheLeadToBeRoutedAgain() {
    long first = log.record(Decisions.toAlice(LEAD, DECIDED), Mode.LIVE);
    log.markFailed(first);

    assertThat(log.hasDecision(LEAD)).isFalse();
    long second = log.record(Decisions.to(BOB, "Bob", LEAD, DECIDED.plusSeconds(60)), Mode.LIVE);

    assertThat(log.findByLead(LEAD))
        .extracting(LoggedDecision::id, LoggedDecision::status)
        .containsExactly(
            tuple(first, DecisionStatus.FAILED), tuple(second, DecisionStatus.PLANNED));
    assertThat(log.hasDecision(LEAD)).isTrue();
  }

  @Test
  void markWrittenKeepsTheFirstTimeAndRefusesAFailedDecision() {
    long id = log.record(Decisions.toAlice(LEAD, DECIDED), Mode.LIVE);
    Instant written = DECIDED.plusMillis(850);

    log.markWritten(id, written);
    log.markWritten(id, written.plusSeconds(30));

    LoggedDecision logged = log.findByLead(LEAD).get(0);
    assertThat(logged.status()).isEqualTo(DecisionStatus.WRITTEN);
    assertThat(logged.writtenAt()).isEqualTo(written);
    assertThatThrownBy(() -> log.markFailed(id)).isInstanceOf(StoreException.class);
  }

  @Test
  void aCatchAllDecisionWithoutRuleScoreAccountOrSlaRoundTrips() {
    var queue = new SalesforceId("00G000000000001");
    var decision =
        new Decision(
            LEAD,
            Owner.queue(queue, "Catch-all"),
            null,
            List.of(ReasonCode.NO_RULE_MATCHED, ReasonCode.CATCH_ALL),
            List.of(),
            List.of(),
            Map.of(),
            null,
            null,
            null,
            false,
            DECIDED,
            null,
            List.of());

    log.record(decision, Mode.SHADOW);

    LoggedDecision logged = log.findByLead(LEAD).get(0);
    assertThat(logged.owner()).isEqualTo(Owner.queue(queue, "Catch-all"));
    assertThat(logged.rule()).isNull();
    assertThat(logged.reasons()).containsExactly(ReasonCode.NO_RULE_MATCHED, ReasonCode.CATCH_ALL);
    assertThat(logged.score()).isNull();
    assertThat(logged.accountId()).isNull();
    assertThat(logged.slaMinutes()).isNull();
    assertThat(logged.pathJson()).isEqualTo("[]");
    assertThat(logged.mode()).isEqualTo(Mode.SHADOW);
  }

  @Test
  void unwrittenListsLivePlannedDecisionsOnly() {
    long planned = log.record(Decisions.toAlice(LEAD, DECIDED), Mode.LIVE);
    long written = log.record(Decisions.toAlice("00Q000000000002", DECIDED), Mode.LIVE);
    long failed = log.record(Decisions.toAlice("00Q000000000003", DECIDED), Mode.LIVE);
    log.record(Decisions.toAlice("00Q000000000004", DECIDED), Mode.SHADOW);
    log.markWritten(written, DECIDED.plusSeconds(1));
    log.markFailed(failed);

    assertThat(log.unwritten()).extracting(LoggedDecision::id).containsExactly(planned);
  }

  @Test
  void aShadowDecisionIsLoggedAsShadowWhateverTheGlobalMode() {
    var decision = Decisions.toAlice(LEAD, DECIDED);
    var shadow =
        new Decision(
            decision.leadId(),
            decision.owner(),
            decision.rule(),
            decision.reasons(),
            decision.path(),
            decision.strategies(),
            decision.inputs(),
            decision.score(),
            decision.account(),
            decision.slaMinutes(),
            true,
            decision.decidedAt(),
            decision.ruleSetVersion(),
            decision.stateChanges());

    log.record(shadow, Mode.LIVE);

    assertThat(log.findByLead(LEAD).get(0).mode()).isEqualTo(Mode.SHADOW);
  }

  @Test
  void shadowDecisionsSinceATimeAreListedOldestFirst() {
    Instant since = DECIDED.plusSeconds(60);
    log.record(Decisions.toAlice("00Q000000000011", DECIDED), Mode.SHADOW);
    log.record(Decisions.toAlice("00Q000000000012", since.plusSeconds(5)), Mode.SHADOW);
    log.record(Decisions.toAlice("00Q000000000013", since), Mode.SHADOW);
    log.record(Decisions.toAlice("00Q000000000014", since.plusSeconds(1)), Mode.LIVE);

    assertThat(log.shadowSince(since))
        .extracting(LoggedDecision::leadId, LoggedDecision::mode)
        .containsExactly(
            tuple("00Q000000000013", Mode.SHADOW), tuple("00Q000000000012", Mode.SHADOW));
  }

  @Test
  void aShadowDecisionMovesTheShadowStateOnly() {
    JdbcRoutingState shadow = new JdbcRoutingState(database, StateTables.SHADOW);

    log.record(Decisions.toAlice(LEAD, DECIDED), Mode.SHADOW);

    assertThat(shadow.rotation(Decisions.TEAM).lastAssigned()).isEqualTo(Decisions.ALICE);
    assertThat(shadow.openLoad(Decisions.ALICE)).isEqualTo(1);
    assertThat(state.rotation(Decisions.TEAM)).isEqualTo(dev.leadrouter.route.TeamRotation.START);
    assertThat(state.openLoad(Decisions.ALICE)).isZero();
  }

  @Test
  void aDecisionFailedWithItsWriteErrorFreesTheLead() {
    long id = log.record(Decisions.toAlice(LEAD, DECIDED), Mode.LIVE);

    log.markFailed(id, "ENTITY_IS_DELETED: entity is deleted");

    assertThat(log.findByLead(LEAD).get(0).status()).isEqualTo(DecisionStatus.FAILED);
    assertThat(log.hasDecision(LEAD)).isFalse();
  }
}
