package dev.leadrouter.sla;

import com.google.inject.Inject;
import dev.leadrouter.capture.ChangeEvent;
import dev.leadrouter.capture.ChangeType;
import dev.leadrouter.config.Mode;
import dev.leadrouter.config.SlaSettings;
import dev.leadrouter.lead.SalesforceId;
import dev.leadrouter.route.OwnerType;
import dev.leadrouter.store.DecisionStatus;
import dev.leadrouter.store.LoggedDecision;
import dev.leadrouter.store.Misroute;
import dev.leadrouter.store.Misroutes;
import dev.leadrouter.store.RoutingLog;
import dev.leadrouter.store.SlaClock;
import dev.leadrouter.store.SlaClocks;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The feedback loop: a person who gives a lead we routed to a rep another owner soon after (within
 * {@link SlaSettings#misrouteWindow()}) tells us the rule that placed it chose wrong. Only events
 * that are not ours reach {@link #onEvent}, so every owner change seen here is someone else's.
 *
 * <p>Leads we gave a queue are left out: a rep taking a lead from the queue is how queues work, not
 * a correction.
 */
public final class MisrouteFeedback {

  private static final Logger log = LoggerFactory.getLogger(MisrouteFeedback.class);

  private final RoutingLog routingLog;
  private final SlaClocks clocks;
  private final Misroutes misroutes;
  private final Duration window;
  private final MeterRegistry meters;

  @Inject
  public MisrouteFeedback(
      RoutingLog routingLog,
      SlaClocks clocks,
      Misroutes misroutes,
      SlaSettings settings,
      MeterRegistry meters,
      Clock clock) {
    this.routingLog = routingLog;
    this.clocks = clocks;
    this.misroutes = misroutes;
    this.window = settings.misrouteWindow();
    this.meters = meters;
    Gauge.builder(
            "leadrouter.sla.misroutes.window",
            misroutes,
            store -> store.changedSince(clock.instant().minus(window)))
        .description("leads whose owner a person changed soon after our routing, in the window")
        .register(meters);
  }

  /**
   * Applies one change event that is not ours.
   *
   * @return the misroutes it recorded (none for most events)
   */
  public List<Misroute> onEvent(ChangeEvent event) {
    if (!"Lead".equals(event.header().entityName())
        || event.header().changeType() != ChangeType.UPDATE
        || !event.has("OwnerId")) {
      return List.of();
    }
    Optional<SalesforceId> newOwner = SalesforceId.parse(event.fields().get("OwnerId"));
    Instant changedAt = event.header().commitTimestamp();
    List<Misroute> recorded = new ArrayList<>();
    for (String recordId : event.header().recordIds()) {
      Optional<String> leadId = SalesforceId.parse(recordId).map(SalesforceId::value);
      leadId
          .flatMap(this::ourLastOwner)
          .filter(ours -> newOwner.map(id -> !id.equals(ours.owner().id())).orElse(true))
          .filter(ours -> within(routedAt(ours), changedAt))
          .map(ours -> misroute(ours, newOwner, changedAt))
          .filter(misroutes::record)
          .ifPresent(
              misroute -> {
                recorded.add(misroute);
                log.info(
                    "lead {} given another owner {} after routing by rule '{}': misroute",
                    misroute.leadId(),
                    misroute.kept(),
                    misroute.rule() == null ? "(catch-all)" : misroute.rule());
                Counter.builder("leadrouter.sla.misroutes")
                    .description("leads whose owner a person changed soon after our routing")
                    .tag("rule", misroute.rule() == null ? "(catch-all)" : misroute.rule())
                    .register(meters)
                    .increment();
              });
    }
    return recorded;
  }

  /** The latest owner we wrote to the lead, if it was a rep. */
  private Optional<LoggedDecision> ourLastOwner(String leadId) {
    return routingLog.findByLead(leadId).stream()
        .filter(d -> d.mode() == Mode.LIVE && d.status() == DecisionStatus.WRITTEN)
        .max(Comparator.comparing(LoggedDecision::id))
        .filter(d -> d.owner().type() == OwnerType.USER);
  }

  private boolean within(Instant routedAt, Instant changedAt) {
    return !changedAt.isBefore(routedAt)
        && Duration.between(routedAt, changedAt).compareTo(window) <= 0;
  }

  private Misroute misroute(
      LoggedDecision ours, Optional<SalesforceId> newOwner, Instant changedAt) {
    String team = clocks.forDecision(ours.id()).map(SlaClock::team).orElse(null);
    return new Misroute(
        ours.id(),
        ours.leadId(),
        ours.rule(),
        team,
        ours.owner().id().value(),
        newOwner.map(SalesforceId::value).orElse(null),
        routedAt(ours),
        changedAt);
  }

  private static Instant routedAt(LoggedDecision decision) {
    return decision.writtenAt() != null ? decision.writtenAt() : decision.decidedAt();
  }
}
