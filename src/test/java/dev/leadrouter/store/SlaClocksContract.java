package dev.leadrouter.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** SLA clocks and their escalation steps, on every database. */
abstract class SlaClocksContract extends StoreContract {

  private static final Instant ROUTED = Instant.parse("2026-11-24T15:00:00Z");
  private static final Instant DUE = ROUTED.plus(Duration.ofMinutes(5));
  private static final String ALICE = "005000000000001";
  private static final String BOB = "005000000000002";

  private static NewSlaClock clock(long decisionId, String owner, Instant startedAt) {
    return SlaClockFixtures.hotWebLead(Decisions.LEAD, decisionId, owner, startedAt);
  }

  @Test
  void anOpenedClockIsStoredWithEverythingTheReportNeeds() {
    SlaClocks clocks = new SlaClocks(database);

    SlaClock opened = clocks.open(clock(11, ALICE, ROUTED));

    assertThat(opened.status()).isEqualTo(SlaClockStatus.OPEN);
    assertThat(opened.leadId()).isEqualTo(Decisions.LEAD);
    assertThat(opened.ownerId()).isEqualTo(ALICE);
    assertThat(opened.team()).isEqualTo("emea");
    assertThat(opened.rule()).isEqualTo("EMEA inbound");
    assertThat(opened.leadSource()).isEqualTo("Web");
    assertThat(opened.startedAt()).isEqualTo(ROUTED);
    assertThat(opened.dueAt()).isEqualTo(DUE);
    assertThat(opened.recycleAt()).isEqualTo(ROUTED.plus(Duration.ofHours(48)));
    assertThat(opened.taskKey()).isEqualTo("lead-router-sla-11");
    assertThat(opened.taskId()).isNull();
    assertThat(clocks.openFor(Decisions.LEAD)).contains(opened);
  }

  @Test
  void openingTheSameDecisionAgainAfterARestartAddsNothing() {
    SlaClock first = new SlaClocks(database).open(clock(11, ALICE, ROUTED));

    SlaClocks afterRestart = new SlaClocks(database);
    SlaClock again = afterRestart.open(clock(11, ALICE, ROUTED.plusSeconds(30)));

    assertThat(again).isEqualTo(first);
    assertThat(afterRestart.forLead(Decisions.LEAD)).hasSize(1);
  }

  @Test
  void aNewOwnersClockStopsThePreviousOneAsReassigned() {
    SlaClocks clocks = new SlaClocks(database);
    SlaClock alices = clocks.open(clock(11, ALICE, ROUTED));

    SlaClock bobs = clocks.open(clock(12, BOB, ROUTED.plus(Duration.ofMinutes(35))));

    assertThat(clocks.find(alices.id()).orElseThrow().status())
        .isEqualTo(SlaClockStatus.REASSIGNED);
    assertThat(clocks.find(alices.id()).orElseThrow().closedAt()).isEqualTo(bobs.startedAt());
    assertThat(clocks.openFor(Decisions.LEAD)).contains(bobs);
  }

  @Test
  void aTouchOneSecondBeforeTheDueTimeMeetsTheSla() {
    SlaClocks clocks = new SlaClocks(database);
    clocks.open(clock(11, ALICE, ROUTED));

    SlaClock touched =
        clocks.touch(Decisions.LEAD, DUE.minusSeconds(1), TouchKind.STATUS).orElseThrow();

    assertThat(touched.status()).isEqualTo(SlaClockStatus.MET);
    assertThat(touched.touchKind()).isEqualTo(TouchKind.STATUS);
    assertThat(touched.speedToLead()).contains(Duration.ofSeconds(299));
    assertThat(clocks.openFor(Decisions.LEAD)).isEmpty();
  }

  @Test
  void aTouchExactlyAtTheDueTimeStillMeetsIt() {
    SlaClocks clocks = new SlaClocks(database);
    clocks.open(clock(11, ALICE, ROUTED));

    assertThat(clocks.touch(Decisions.LEAD, DUE, TouchKind.ACTIVITY).orElseThrow().status())
        .isEqualTo(SlaClockStatus.MET);
  }

  @Test
  void aTouchOneSecondAfterTheDueTimeIsLate() {
    SlaClocks clocks = new SlaClocks(database);
    clocks.open(clock(11, ALICE, ROUTED));

    assertThat(clocks.touch(Decisions.LEAD, DUE.plusSeconds(1), TouchKind.CONVERTED).orElseThrow())
        .satisfies(
            late -> {
              assertThat(late.status()).isEqualTo(SlaClockStatus.LATE);
              assertThat(late.touchKind()).isEqualTo(TouchKind.CONVERTED);
            });
  }

  @Test
  void onlyTheFirstTouchCounts() {
    SlaClocks clocks = new SlaClocks(database);
    clocks.open(clock(11, ALICE, ROUTED));
    clocks.touch(Decisions.LEAD, ROUTED.plusSeconds(60), TouchKind.STATUS);

    assertThat(clocks.touch(Decisions.LEAD, ROUTED.plusSeconds(90), TouchKind.ACTIVITY)).isEmpty();
    assertThat(clocks.forLead(Decisions.LEAD).get(0).touchedAt()).isEqualTo(ROUTED.plusSeconds(60));
  }

  @Test
  void aBreachIsNotedOnceAndOnlyWhileOpen() {
    SlaClocks clocks = new SlaClocks(database);
    SlaClock open = clocks.open(clock(11, ALICE, ROUTED));
    SlaClock other = clocks.open(clock(12, BOB, ROUTED));

    assertThat(clocks.markBreached(open.id(), DUE)).as("reassigned, no longer open").isFalse();
    assertThat(clocks.openDueBefore(DUE)).isEmpty();
    assertThat(clocks.openDueBefore(DUE.plusSeconds(1)))
        .extracting(SlaClock::id)
        .containsExactly(other.id());
    assertThat(clocks.markBreached(other.id(), DUE.plusSeconds(1))).isTrue();
    assertThat(clocks.markBreached(other.id(), DUE.plusSeconds(2))).isFalse();
    assertThat(clocks.find(other.id()).orElseThrow().breachedAt()).isEqualTo(DUE.plusSeconds(1));
    assertThat(clocks.find(open.id()).orElseThrow().breachedAt()).isNull();
  }

  @Test
  void anEscalationStepIsClaimedOnceEvenAfterARestart() {
    SlaClock open = new SlaClocks(database).open(clock(11, ALICE, ROUTED));
    SlaClocks before = new SlaClocks(database);

    assertThat(before.claimStep(open.id(), EscalationStep.NOTIFY, DUE)).isTrue();
    assertThat(before.unfinishedSteps())
        .extracting(ClaimedStep::step)
        .containsExactly(EscalationStep.NOTIFY);

    SlaClocks afterRestart = new SlaClocks(database);
    assertThat(afterRestart.claimStep(open.id(), EscalationStep.NOTIFY, DUE.plusSeconds(5)))
        .isFalse();
    assertThat(afterRestart.unfinishedSteps()).hasSize(1);
    assertThat(afterRestart.stepDone(open.id(), EscalationStep.NOTIFY, DUE.plusSeconds(6), "told"))
        .isTrue();
    assertThat(afterRestart.stepDone(open.id(), EscalationStep.NOTIFY, DUE.plusSeconds(7), "again"))
        .isFalse();

    assertThat(afterRestart.unfinishedSteps()).isEmpty();
    assertThat(afterRestart.stepsOf(open.id()))
        .containsExactly(
            new ClaimedStep(open.id(), EscalationStep.NOTIFY, DUE, DUE.plusSeconds(6), "told"));
    assertThat(afterRestart.claimStep(open.id(), EscalationStep.REASSIGN, DUE)).isTrue();
  }

  @Test
  void aStepNeedsAClock() {
    assertThatThrownBy(() -> new SlaClocks(database).claimStep(999, EscalationStep.NOTIFY, DUE))
        .isInstanceOf(StoreException.class);
  }

  @Test
  void aTaskIdIsRecordedOnce() {
    SlaClocks clocks = new SlaClocks(database);
    SlaClock open = clocks.open(clock(11, ALICE, ROUTED));
    assertThat(clocks.openWithoutTask()).extracting(SlaClock::id).containsExactly(open.id());

    assertThat(clocks.recordTask(open.id(), "00T000000000001")).isTrue();
    assertThat(clocks.recordTask(open.id(), "00T000000000002")).isFalse();

    assertThat(clocks.find(open.id()).orElseThrow().taskId()).isEqualTo("00T000000000001");
    assertThat(clocks.openWithoutTask()).isEmpty();
  }

  @Test
  void recyclingStopsAnOpenClockOnly() {
    SlaClocks clocks = new SlaClocks(database);
    SlaClock open = clocks.open(clock(11, ALICE, ROUTED));
    Instant recycled = ROUTED.plus(Duration.ofHours(48));

    assertThat(clocks.stop(open.id(), SlaClockStatus.RECYCLED, recycled)).isTrue();
    assertThat(clocks.stop(open.id(), SlaClockStatus.CLOSED, recycled)).isFalse();

    SlaClock stopped = clocks.find(open.id()).orElseThrow();
    assertThat(stopped.status()).isEqualTo(SlaClockStatus.RECYCLED);
    assertThat(stopped.closedAt()).isEqualTo(recycled);
    assertThat(clocks.touch(Decisions.LEAD, recycled.plusSeconds(1), TouchKind.STATUS)).isEmpty();
    assertThatThrownBy(() -> clocks.stop(open.id(), SlaClockStatus.MET, recycled))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void reportsSeeClocksStartedSinceAGivenTime() {
    SlaClocks clocks = new SlaClocks(database);
    clocks.open(clock(11, ALICE, ROUTED.minus(Duration.ofDays(40))));
    SlaClock recent =
        clocks.open(
            new NewSlaClock(
                "00Q000000000002", 12, BOB, null, null, null, "default", true, ROUTED, DUE, DUE));

    assertThat(clocks.startedSince(ROUTED.minus(Duration.ofDays(30))))
        .extracting(SlaClock::id)
        .containsExactly(recent.id());
  }

  @Test
  void aReplacementSupersedesTheWrittenDecisionOnce() {
    RoutingLog log = new RoutingLog(database);
    long first =
        log.record(Decisions.toAlice(Decisions.LEAD, ROUTED), dev.leadrouter.config.Mode.LIVE);
    dev.leadrouter.route.Decision toBob =
        Decisions.to(Decisions.BOB, "Bob", Decisions.LEAD, ROUTED.plus(Duration.ofMinutes(35)));

    assertThatThrownBy(() -> log.recordReplacement(first, toBob))
        .as("a planned decision is not replaced")
        .isInstanceOf(StoreException.class);
    log.markWritten(first, ROUTED.plusSeconds(1));
    long second = log.recordReplacement(first, toBob);

    assertThat(log.findByLead(Decisions.LEAD))
        .extracting(LoggedDecision::id, LoggedDecision::status)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(first, DecisionStatus.SUPERSEDED),
            org.assertj.core.groups.Tuple.tuple(second, DecisionStatus.PLANNED));
    assertThat(log.hasDecision(Decisions.LEAD)).isTrue();
    assertThatThrownBy(() -> log.recordReplacement(first, toBob))
        .as("replaced once only")
        .isInstanceOf(StoreException.class);
    assertThat(log.findByLead(Decisions.LEAD)).hasSize(2);
  }
}
