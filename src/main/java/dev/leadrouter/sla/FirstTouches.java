package dev.leadrouter.sla;

import com.google.inject.Inject;
import dev.leadrouter.capture.ChangeEvent;
import dev.leadrouter.capture.ChangeType;
import dev.leadrouter.lead.SalesforceId;
import dev.leadrouter.store.SlaClock;
import dev.leadrouter.store.SlaClockStatus;
import dev.leadrouter.store.SlaClocks;
import dev.leadrouter.store.TouchKind;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops SLA clocks at the first touch, from Lead and Task change events: the lead's Status leaves
 * the "untouched" values, the lead is converted, the owner logs an activity on the lead, or the
 * follow-up Task is completed. The touch time is the change's commit time in Salesforce, so a
 * replayed event records the same speed to lead, and only the first touch of a clock counts.
 */
public final class FirstTouches {

  /** The channel Task changes arrive on. */
  public static final String TASK_CHANNEL = "/data/TaskChangeEvent";

  private static final Logger log = LoggerFactory.getLogger(FirstTouches.class);

  private final SlaClocks clocks;
  private final Set<String> untouchedStatuses;
  private final MeterRegistry meters;

  @Inject
  public FirstTouches(SlaClocks clocks, SlaPolicy policy, MeterRegistry meters) {
    this.clocks = clocks;
    this.untouchedStatuses = Set.copyOf(policy.settings().untouchedStatuses());
    this.meters = meters;
  }

  /**
   * Applies one change event that is not ours.
   *
   * @return the clocks it stopped (none for most events)
   */
  public List<SlaClock> onEvent(ChangeEvent event) {
    String entity = event.header().entityName();
    ChangeType type = event.header().changeType();
    List<SlaClock> stopped = new ArrayList<>();
    if ("Lead".equals(entity) && type == ChangeType.UPDATE) {
      Optional<TouchKind> touch = leadTouch(event);
      if (touch.isPresent()) {
        for (String leadId : ids(event.header().recordIds())) {
          clocks
              .touch(leadId, event.header().commitTimestamp(), touch.get())
              .ifPresent(stopped::add);
        }
      }
    } else if ("Task".equals(entity) && type == ChangeType.CREATE) {
      ownerActivity(event).ifPresent(stopped::add);
    } else if ("Task".equals(entity) && type == ChangeType.UPDATE && completes(event)) {
      for (String taskId : ids(event.header().recordIds())) {
        Optional<SlaClock> open = clocks.openForTask(taskId);
        if (open.isPresent()) {
          clocks
              .touch(open.get().leadId(), event.header().commitTimestamp(), TouchKind.ACTIVITY)
              .ifPresent(stopped::add);
        }
      }
    }
    if ("Lead".equals(entity) && type == ChangeType.UPDATE && event.has("OwnerId")) {
      // Someone else gave the lead another owner (our own writes never get here), without touching
      // it in the same change (a touch above already stopped the clock): the promise
      // was ours to track, not theirs, and escalating now would overrule them.
      for (String leadId : ids(event.header().recordIds())) {
        clocks
            .openFor(leadId)
            .filter(open -> !ownerIs(open, event.fields().get("OwnerId")))
            .ifPresent(
                open -> {
                  clocks.stop(open.id(), SlaClockStatus.CLOSED, event.header().commitTimestamp());
                  log.info(
                      "lead {} given to another owner by someone else; SLA clock closed", leadId);
                });
      }
    }
    stopped.forEach(this::measure);
    return stopped;
  }

  private Optional<TouchKind> leadTouch(ChangeEvent event) {
    if (event.has("IsConverted") && "true".equalsIgnoreCase(event.fields().get("IsConverted"))) {
      return Optional.of(TouchKind.CONVERTED);
    }
    String status = event.fields().get("Status");
    if (event.has("Status") && status != null && !untouchedStatuses.contains(status)) {
      return Optional.of(TouchKind.STATUS);
    }
    return Optional.empty();
  }

  /** A Task the lead's owner logged on the lead (a call, an e-mail) counts as a touch. */
  private Optional<SlaClock> ownerActivity(ChangeEvent event) {
    Optional<String> lead =
        SalesforceId.parse(event.fields().get("WhoId"))
            .filter(id -> SalesforceId.LEAD_PREFIX.equals(id.keyPrefix()))
            .map(SalesforceId::value);
    Optional<String> owner =
        SalesforceId.parse(event.fields().get("OwnerId")).map(SalesforceId::value);
    if (lead.isEmpty() || owner.isEmpty()) {
      return Optional.empty();
    }
    Optional<SlaClock> open = clocks.openFor(lead.get());
    if (open.isEmpty() || !open.get().ownerId().equals(owner.get())) {
      return Optional.empty();
    }
    return clocks.touch(lead.get(), event.header().commitTimestamp(), TouchKind.ACTIVITY);
  }

  private static boolean ownerIs(SlaClock open, String ownerId) {
    return SalesforceId.parse(ownerId).map(id -> id.value().equals(open.ownerId())).orElse(false);
  }

  private static boolean completes(ChangeEvent event) {
    return "Completed".equalsIgnoreCase(event.fields().get("Status"))
        || "true".equalsIgnoreCase(event.fields().get("IsClosed"));
  }

  private static List<String> ids(List<String> recordIds) {
    return recordIds.stream()
        .map(SalesforceId::parse)
        .flatMap(Optional::stream)
        .map(SalesforceId::value)
        .toList();
  }

  private void measure(SlaClock clock) {
    boolean met = clock.status() == SlaClockStatus.MET;
    log.info(
        "lead {} touched by {} ({}) {} after routing: SLA {}",
        clock.leadId(),
        clock.ownerId(),
        clock.touchKind(),
        clock.speedToLead().orElseThrow(),
        met ? "met" : "missed");
    Timer.builder("leadrouter.sla.speed_to_lead")
        .description("routing to first touch (wall-clock time)")
        .tag("tier", clock.tier())
        .publishPercentiles(0.5, 0.9)
        .register(meters)
        .record(clock.speedToLead().orElseThrow());
    Counter.builder("leadrouter.sla.first_touch")
        .description("first touches by whether the SLA was met")
        .tag("outcome", met ? "met" : "late")
        .register(meters)
        .increment();
  }
}
