package dev.leadrouter.worker;

import dev.leadrouter.config.Mode;
import dev.leadrouter.engine.DecisionEngine;
import dev.leadrouter.engine.LeadInput;
import dev.leadrouter.lead.Lead;
import dev.leadrouter.route.Decision;
import dev.leadrouter.route.ReasonCode;
import dev.leadrouter.route.RoutingState;
import dev.leadrouter.route.RuleSet;
import dev.leadrouter.store.AlreadyRoutedException;
import dev.leadrouter.store.RoutingLog;
import dev.leadrouter.write.OwnerUpdate;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides one lead and makes the decision durable: the routing log records it, with its rotation
 * and load changes, in one transaction. A lead that already has a decision is not routed again.
 *
 * <p><b>Shadow decisions keep rotation and load of their own.</b> In shadow mode, and for rules
 * marked shadow-only, the decision is taken against the shadow state and moves only the shadow
 * state: live reps keep their turns and load, and the shadow decisions still rotate through a team
 * as live ones would, so the shadow report shows a realistic spread rather than one rep. A lead
 * that a shadow-only rule takes in live mode is decided again against the shadow state; should the
 * shadow state send it elsewhere (a shadow rep at capacity), the first decision is kept, without
 * state changes.
 */
public final class LeadRouting {

  /** What routing one lead came to. */
  public sealed interface Outcome {}

  /** Recorded; {@code update} is what to write, empty for a shadow decision. */
  public record Routed(long decisionId, Decision decision, Mode mode, Optional<OwnerUpdate> update)
      implements Outcome {}

  /** The lead had a decision already (a replay, a duplicated event): nothing was recorded. */
  public record AlreadyRouted(String leadId) implements Outcome {}

  private static final Logger log = LoggerFactory.getLogger(LeadRouting.class);

  private final DecisionEngine engine;
  private final RoutingLog routingLog;
  private final RoutingState liveState;
  private final RoutingState shadowState;
  private final Supplier<RuleSet> rules;
  private final Mode mode;
  private final MeterRegistry meters;
  private final Clock clock;
  private final Timer decisionLag;

  public LeadRouting(
      DecisionEngine engine,
      RoutingLog routingLog,
      RoutingState liveState,
      RoutingState shadowState,
      Supplier<RuleSet> rules,
      Mode mode,
      MeterRegistry meters,
      Clock clock) {
    this.engine = engine;
    this.routingLog = routingLog;
    this.liveState = liveState;
    this.shadowState = shadowState;
    this.rules = rules;
    this.mode = mode;
    this.meters = meters;
    this.clock = clock;
    this.decisionLag =
        Timer.builder("leadrouter.lag.decision")
            .description("change event commit to decision recorded")
            .publishPercentiles(0.5, 0.99)
            .register(meters);
  }

  public Mode mode() {
    return mode;
  }

  /** The rules in force. */
  public RuleSet ruleSet() {
    return rules.get();
  }

  /**
   * Routes the lead unless it already has a decision.
   *
   * @param committedAt when Salesforce committed the lead, or null when unknown
   * @throws dev.leadrouter.store.StoreException when the store cannot record; nothing was recorded
   */
  public Outcome route(Lead lead, Instant committedAt) {
    return route(lead, committedAt, List.of());
  }

  /**
   * Routes the lead unless it already has a decision, with reasons from the stages before routing
   * (e.g. {@link ReasonCode#ENRICHMENT_TIMEOUT}) in its decision.
   */
  public Outcome route(Lead lead, Instant committedAt, List<ReasonCode> inputReasons) {
    // No look-up first: the log refuses a second active decision for a lead, and a replayed lead
    // is rare enough that deciding it in vain costs less than asking about every lead.
    RuleSet ruleSet = rules.get();
    Decision decision = decide(ruleSet, LeadInput.of(lead).withInputReasons(inputReasons));
    Mode effective = decision.shadow() ? Mode.SHADOW : mode;
    long id;
    try {
      id = routingLog.record(decision, effective, lead);
    } catch (AlreadyRoutedException raced) {
      return already(lead.id());
    }
    if (committedAt != null) {
      decisionLag.record(Duration.between(committedAt, clock.instant()));
    }
    count(decision, effective);
    log.info(
        "lead {} {} {} ({}) by rule {}: {}",
        lead.id(),
        effective == Mode.SHADOW ? "would go to" : "goes to",
        decision.owner().name(),
        decision.owner().id().value(),
        decision.rule() == null ? "catch-all" : decision.rule(),
        decision.reasons());
    Optional<OwnerUpdate> update =
        effective == Mode.LIVE
            ? Optional.of(OwnerUpdate.of(id, decision, committedAt))
            : Optional.empty();
    return new Routed(id, decision, effective, update);
  }

  private Decision decide(RuleSet ruleSet, LeadInput input) {
    if (mode == Mode.SHADOW) {
      return engine.decide(ruleSet, input, shadowState);
    }
    Decision live = engine.decide(ruleSet, input, liveState);
    if (!live.shadow()) {
      return live;
    }
    Decision shadow = engine.decide(ruleSet, input, shadowState);
    return shadow.shadow() ? shadow : withoutStateChanges(live);
  }

  private static Decision withoutStateChanges(Decision d) {
    return new Decision(
        d.leadId(),
        d.owner(),
        d.rule(),
        d.reasons(),
        d.path(),
        d.strategies(),
        d.inputs(),
        d.score(),
        d.account(),
        d.slaMinutes(),
        d.shadow(),
        d.decidedAt(),
        d.ruleSetVersion(),
        List.of());
  }

  private void count(Decision decision, Mode effective) {
    WorkerMeters.decisions(
            meters,
            decision.rule() == null ? "catch-all" : decision.rule(),
            effective.name().toLowerCase(Locale.ROOT))
        .increment();
    for (ReasonCode reason : decision.reasons()) {
      WorkerMeters.reasons(meters, reason.name()).increment();
    }
  }

  private Outcome already(String leadId) {
    log.info("lead {} already has a decision; not routed again", leadId);
    WorkerMeters.skipped(meters, "already_routed").increment();
    return new AlreadyRouted(leadId);
  }
}
