package dev.leadrouter.store;

import static dev.leadrouter.store.Decisions.ALICE;
import static dev.leadrouter.store.Decisions.BOB;
import static dev.leadrouter.store.Decisions.LEAD;
import static dev.leadrouter.store.Decisions.TEAM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.leadrouter.config.Mode;
import dev.leadrouter.route.StateChange;
import dev.leadrouter.route.TeamRotation;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A decision and its state changes land together or not at all, and a lead is routed once, on every
 * database: whatever fails part-way, and however two workers race.
 */
abstract class RoutingLogAtomicityContract extends StoreContract {

  private static final Instant DECIDED = Instant.parse("2026-05-04T09:15:30.123456Z");

  private RoutingLog log;
  private JdbcRoutingState state;

  @BeforeEach
  void repositories() {
    log = new RoutingLog(database);
    state = new JdbcRoutingState(database);
  }

  @Test
  void aFailureInTheMiddleLeavesNeitherTheDecisionNorTheStateMoved() {
    state.apply(List.of(new StateChange.RotationMoved(TEAM, BOB, Map.of(BOB, 1.0))));
    // The third change names a team longer than the column allows: the database refuses it after
    // the decision row and the first two changes were already written in the transaction.
    StateChange refused = new StateChange.RotationMoved("t".repeat(300), ALICE, Map.of());

    assertThatThrownBy(() -> log.record(Decisions.toAlice(LEAD, DECIDED, refused), Mode.LIVE))
        .isInstanceOf(StoreException.class)
        .isNotInstanceOf(AlreadyRoutedException.class);

    assertThat(log.findByLead(LEAD)).isEmpty();
    assertThat(log.hasDecision(LEAD)).isFalse();
    assertThat(state.rotation(TEAM)).isEqualTo(new TeamRotation(BOB, Map.of(BOB, 1.0)));
    assertThat(state.openLoad(ALICE)).isZero();
  }

  @Test
  void aConnectionLostAfterTheDecisionRowLeavesNothingBehind() {
    // Statement 1 inserts the decision; statement 2, the first state change, never gets there.
    RoutingLog failing =
        new RoutingLog(FailingConnections.failingOnStatement(database.dataSource(), 2));

    assertThatThrownBy(() -> failing.record(Decisions.toAlice(LEAD, DECIDED), Mode.LIVE))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("connection lost");

    assertThat(log.hasDecision(LEAD)).isFalse();
    assertThat(state.rotation(TEAM)).isEqualTo(TeamRotation.START);
    assertThat(state.openLoad(ALICE)).isZero();
  }

  @Test
  void aCommitThatFailsLeavesNothingBehind() {
    RoutingLog failing = new RoutingLog(FailingConnections.failingOnCommit(database.dataSource()));

    assertThatThrownBy(() -> failing.record(Decisions.toAlice(LEAD, DECIDED), Mode.LIVE))
        .isInstanceOf(StoreException.class);

    assertThat(log.findByLead(LEAD)).isEmpty();
    assertThat(state.rotation(TEAM)).isEqualTo(TeamRotation.START);
    assertThat(state.openLoad(ALICE)).isZero();
  }

  @Test
  void routingTheSameLeadTwiceIsRefusedAndMovesNothing() {
    log.record(Decisions.toAlice(LEAD, DECIDED), Mode.LIVE);

    assertThatThrownBy(
            () -> log.record(Decisions.to(BOB, "Bob", LEAD, DECIDED.plusSeconds(5)), Mode.LIVE))
        .isInstanceOfSatisfying(
            AlreadyRoutedException.class, refused -> assertThat(refused.leadId()).isEqualTo(LEAD));

    assertThat(log.findByLead(LEAD)).hasSize(1);
    assertThat(state.rotation(TEAM).lastAssigned()).isEqualTo(ALICE);
    assertThat(state.openLoad(BOB)).isZero();
  }

  @Test
  void twoWorkersRacingToRouteTheSameLeadRecordItOnce() throws Exception {
    var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      for (int lead = 1; lead <= 5; lead++) {
        String leadId = "00Q00000000001" + lead;
        var start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<Long>> attempts =
            List.of(
                pool.submit(
                    () -> {
                      start.await();
                      return log.record(Decisions.toAlice(leadId, DECIDED), Mode.LIVE);
                    }),
                pool.submit(
                    () -> {
                      start.await();
                      return log.record(Decisions.to(BOB, "Bob", leadId, DECIDED), Mode.LIVE);
                    }));
        start.countDown();

        int recorded = 0;
        for (var attempt : attempts) {
          try {
            attempt.get();
            recorded++;
          } catch (java.util.concurrent.ExecutionException refused) {
            assertThat(refused.getCause()).isInstanceOf(AlreadyRoutedException.class);
          }
        }
        assertThat(recorded).as(leadId).isEqualTo(1);
        LoggedDecision winner = log.findByLead(leadId).get(0);
        assertThat(log.findByLead(leadId)).hasSize(1);
        assertThat(state.rotation(TEAM).lastAssigned()).isEqualTo(winner.owner().id());
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
