package dev.leadrouter.sla;

import com.google.inject.Inject;
import dev.leadrouter.config.SlaEscalationSettings;
import dev.leadrouter.lead.SalesforceId;
import dev.leadrouter.route.Decision;
import dev.leadrouter.route.RoutingState;
import dev.leadrouter.route.SlaReassigner;
import dev.leadrouter.salesforce.RestClient;
import dev.leadrouter.salesforce.SaveResult;
import dev.leadrouter.score.LeadScore;
import dev.leadrouter.store.ClaimedStep;
import dev.leadrouter.store.DecisionStatus;
import dev.leadrouter.store.EscalationStep;
import dev.leadrouter.store.LoggedDecision;
import dev.leadrouter.store.RoutingLog;
import dev.leadrouter.store.SlaClock;
import dev.leadrouter.store.SlaClockStatus;
import dev.leadrouter.store.SlaClocks;
import dev.leadrouter.write.OwnerUpdate;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The escalation ladder, driven from the durable clocks: at the breach the owner and manager are
 * told; {@code reassign-after} later the lead goes to the next available rep of the same team (a
 * new decision with reason SLA_REASSIGN, the old Task closed); at {@code recycle-after} without
 * contact it goes to the nurture queue.
 *
 * <p><b>Restarts neither lose nor repeat a step.</b> Each step is claimed in the store before it is
 * carried out and marked done after; a step claimed but not done (the worker stopped in between) is
 * carried out at the next tick, and every step's action checks what is already done (a reassignment
 * already recorded is not recorded again).
 */
public final class SlaEscalations {

  private static final Logger log = LoggerFactory.getLogger(SlaEscalations.class);

  private final SlaClocks clocks;
  private final SlaEscalationSettings settings;
  private final BreachNotifier notifier;
  private final RoutingLog routingLog;
  private final RoutingState liveState;
  private final RuleSetSource rules;
  private final OwnerUpdateSink writer;
  private final RestClient rest;
  private final Clock clock;
  private final MeterRegistry meters;

  @Inject
  public SlaEscalations(
      SlaClocks clocks,
      SlaPolicy policy,
      BreachNotifier notifier,
      RoutingLog routingLog,
      RoutingState liveState,
      RuleSetSource rules,
      OwnerUpdateSink writer,
      RestClient rest,
      MeterRegistry meters,
      Clock clock) {
    this.clocks = clocks;
    this.settings = policy.settings().escalation();
    this.notifier = notifier;
    this.routingLog = routingLog;
    this.liveState = liveState;
    this.rules = rules;
    this.writer = writer;
    this.rest = rest;
    this.meters = meters;
    this.clock = clock;
  }

  /**
   * One pass over the clocks: finishes steps a previous run claimed, then takes every step now due.
   * A step whose action fails stays claimed and is tried again at the next pass.
   */
  public void runOnce() throws InterruptedException {
    for (ClaimedStep unfinished : clocks.unfinishedSteps()) {
      Optional<SlaClock> clockOfStep = clocks.find(unfinished.clockId());
      if (clockOfStep.isPresent()) {
        log.info(
            "finishing escalation step {} of lead {} claimed before a restart",
            unfinished.step(),
            clockOfStep.get().leadId());
        carryOut(clockOfStep.get(), unfinished.step());
      }
    }
    Instant now = clock.instant();
    for (SlaClock open : clocks.openDueBefore(now)) {
      if (now.isAfter(open.dueAt()) && clocks.markBreached(open.id(), now)) {
        count("breached");
      }
      if (!now.isBefore(open.recycleAt())) {
        step(open, EscalationStep.RECYCLE);
        continue;
      }
      if (!now.isAfter(open.dueAt())) {
        continue;
      }
      if (settings.notifyAtBreach()) {
        step(open, EscalationStep.NOTIFY);
      }
      if (settings.reassignAfter().isPresent()
          && !now.isBefore(open.dueAt().plus(settings.reassignAfter().get()))
          && reassignmentsOf(open.leadId()) < settings.maxReassignments()) {
        step(open, EscalationStep.REASSIGN);
      }
    }
  }

  private void step(SlaClock open, EscalationStep step) throws InterruptedException {
    if (clocks.claimStep(open.id(), step, clock.instant())) {
      carryOut(open, step);
    }
  }

  private void carryOut(SlaClock open, EscalationStep step) throws InterruptedException {
    String detail;
    try {
      detail =
          switch (step) {
            case NOTIFY -> notifier.breached(open);
            case REASSIGN -> reassign(open);
            case RECYCLE -> recycle(open);
          };
    } catch (RuntimeException failed) {
      log.error(
          "escalation step {} for lead {} failed; tried again at the next pass",
          step,
          open.leadId(),
          failed);
      return;
    }
    clocks.stepDone(open.id(), step, clock.instant(), detail);
    count(step.name().toLowerCase(java.util.Locale.ROOT));
    log.info("lead {}: escalation step {} done: {}", open.leadId(), step, detail);
  }

  private String reassign(SlaClock open) throws InterruptedException {
    List<LoggedDecision> decisions = routingLog.findByLead(open.leadId());
    Optional<LoggedDecision> previous =
        decisions.stream().filter(d -> d.id() == open.decisionId()).findFirst();
    if (previous.isEmpty()) {
      return "no decision " + open.decisionId() + " in the routing log; not reassigned";
    }
    if (previous.get().status() == DecisionStatus.SUPERSEDED) {
      // Recorded before a restart: the new owner's write is planned and resumes at start.
      closeTask(open);
      return "reassignment already recorded";
    }
    if (previous.get().status() != DecisionStatus.WRITTEN) {
      return "the owner is not written yet; not reassigned";
    }
    SalesforceId owner = new SalesforceId(open.ownerId());
    Optional<Decision> replacement =
        new SlaReassigner(rules.current(), liveState)
            .reassign(
                open.leadId(),
                open.team(),
                owner,
                open.rule(),
                new LeadScore(0, 0, previous.get().scoreTier(), null, List.of()),
                previous.get().slaMinutes(),
                clock.instant());
    if (replacement.isEmpty()) {
      return "nobody else in team " + open.team() + " is available; the lead stays";
    }
    long id = routingLog.recordReplacement(open.decisionId(), replacement.get());
    writer.submit(OwnerUpdate.of(id, replacement.get(), null));
    closeTask(open);
    return "reassigned to " + replacement.get().owner();
  }

  private void closeTask(SlaClock open) {
    if (open.taskId() == null) {
      return;
    }
    List<SaveResult> results =
        rest.update("Task", List.of(Map.of("Id", open.taskId(), "Status", "Completed")));
    if (!results.get(0).success()) {
      log.warn("follow-up task {} not closed: {}", open.taskId(), results.get(0).errors());
    }
  }

  private String recycle(SlaClock open) {
    Optional<String> queue = settings.nurtureQueueId();
    if (queue.isPresent()) {
      List<SaveResult> results =
          rest.update("Lead", List.of(Map.of("Id", open.leadId(), "OwnerId", queue.get())));
      if (!results.get(0).success()) {
        throw new IllegalStateException(
            "lead " + open.leadId() + " not moved to nurture: " + results.get(0).errors());
      }
    }
    closeTask(open);
    clocks.stop(open.id(), SlaClockStatus.RECYCLED, clock.instant());
    return queue.map(q -> "moved to nurture queue " + q).orElse("recycled (no nurture queue set)");
  }

  private long reassignmentsOf(String leadId) {
    return routingLog.findByLead(leadId).stream()
        .filter(d -> d.status() == DecisionStatus.SUPERSEDED)
        .count();
  }

  private void count(String event) {
    Counter.builder("leadrouter.sla.escalations")
        .description("SLA breaches and escalation steps taken")
        .tag("step", event)
        .register(meters)
        .increment();
  }
}
