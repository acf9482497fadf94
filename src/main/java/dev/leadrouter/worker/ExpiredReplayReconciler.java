package dev.leadrouter.worker;

import dev.leadrouter.capture.ChangeEvent;
import dev.leadrouter.capture.ChangeEventHeader;
import dev.leadrouter.capture.ChangeOrigin;
import dev.leadrouter.capture.ChangeType;
import dev.leadrouter.capture.ReconciliationRequest;
import dev.leadrouter.config.Mode;
import dev.leadrouter.enrich.Enricher;
import dev.leadrouter.lead.SalesforceId;
import dev.leadrouter.match.DuplicateIndexLoader;
import dev.leadrouter.match.Person;
import dev.leadrouter.route.ReasonCode;
import dev.leadrouter.salesforce.RestClient;
import dev.leadrouter.sla.FirstTouches;
import dev.leadrouter.store.RoutingLog;
import dev.leadrouter.write.OwnerWriter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Re-reads by query what a channel may have missed while the worker was away longer than the org
 * retains change events (its checkpoint's replay id expired). Lead channel: every lead created in
 * the {@link ReconciliationWindow} that has no decision is routed as a new lead would be, with
 * {@link ReasonCode#RECONCILED}; leads only changed there refresh the duplicate index and stop SLA
 * clocks they touched; leads that already have a decision are left alone. Account and Contact
 * channels: the match indexes are read again. Task channel: Tasks of the window are looked at for
 * first touches. Runs on the routing thread, so rotations stay in one order; throws when the org or
 * the store fails, and the caller tries again later (the checkpoint stays put meanwhile).
 */
final class ExpiredReplayReconciler {

  /** What one reconciliation did. */
  record Outcome(String channel, Instant since, int read, int routed, int alreadyRouted) {}

  private static final Logger log = LoggerFactory.getLogger(ExpiredReplayReconciler.class);

  private final RestClient rest;
  private final LeadReader reader;
  private final LeadRouting routing;
  private final RoutingLog routingLog;
  private final OwnerWriter writer;
  private final MatchIndexes indexes;
  private final DuplicateIndexLoader duplicates;
  private final Enricher enricher;
  private final Optional<FirstTouches> firstTouches;
  private final java.util.function.Predicate<String> followUpTask;
  private final MeterRegistry meters;
  private final Clock clock;
  private final Duration margin;

  ExpiredReplayReconciler(
      RestClient rest,
      LeadRouting routing,
      RoutingLog routingLog,
      OwnerWriter writer,
      MatchIndexes indexes,
      DuplicateIndexLoader duplicates,
      Enricher enricher,
      Optional<FirstTouches> firstTouches,
      java.util.function.Predicate<String> followUpTask,
      MeterRegistry meters,
      Clock clock,
      Duration margin) {
    this.rest = rest;
    this.reader = new LeadReader(rest);
    this.routing = routing;
    this.routingLog = routingLog;
    this.writer = writer;
    this.indexes = indexes;
    this.duplicates = duplicates;
    this.enricher = enricher;
    this.firstTouches = firstTouches;
    this.followUpTask = followUpTask;
    this.meters = meters;
    this.clock = clock;
    this.margin = margin;
  }

  /** Reconciles one channel; when it returns, every decision it took is durable. */
  Outcome reconcile(ReconciliationRequest request) throws InterruptedException {
    ReconciliationWindow window =
        ReconciliationWindow.after(request.lastCheckpoint(), margin, clock);
    long started = System.nanoTime();
    log.warn(
        "{}: the replay id had expired; reading records created or changed since {} by query",
        request.channel(),
        window.since());
    Outcome outcome =
        switch (request.channel()) {
          case WorkerModule.LEAD_CHANNEL -> leads(window);
          case FirstTouches.TASK_CHANNEL -> tasks(window);
          default -> {
            indexes.reconcile(request);
            yield new Outcome(request.channel(), window.since(), 0, 0, 0);
          }
        };
    log.info(
        "{} reconciled in {} ms: {} records read since {}, {} leads routed, {} already routed",
        outcome.channel(),
        (System.nanoTime() - started) / 1_000_000,
        outcome.read(),
        outcome.since(),
        outcome.routed(),
        outcome.alreadyRouted());
    Counter.builder("leadrouter.reconciliations")
        .description("channels re-read by query after their replay id expired")
        .tag("channel", outcome.channel())
        .register(meters)
        .increment();
    Counter.builder("leadrouter.reconciled.leads")
        .description("leads routed by reconciliation (their change event had expired)")
        .register(meters)
        .increment(outcome.routed());
    return outcome;
  }

  private Outcome leads(ReconciliationWindow window) throws InterruptedException {
    List<LeadReader.Found> found = reader.changedIn(window, routing.ruleSet());
    int routed = 0;
    int already = 0;
    List<SalesforceId> changed = new ArrayList<>();
    for (LeadReader.Found lead : found) {
      SalesforceId.parse(lead.lead().id()).ifPresent(changed::add);
      if (!window.createdWithin(lead.createdAt())) {
        // Older than the window: created before anything the worker could have missed.
        touched(lead);
        continue;
      }
      if (routingLog.hasDecision(lead.lead().id())) {
        already++;
        touched(lead);
        continue;
      }
      if (route(lead)) {
        routed++;
      } else {
        already++;
      }
    }
    if (!changed.isEmpty()) {
      duplicates.reload(Person.Kind.LEAD, changed);
    }
    return new Outcome(WorkerModule.LEAD_CHANNEL, window.since(), found.size(), routed, already);
  }

  private boolean route(LeadReader.Found found) throws InterruptedException {
    MDC.put("leadId", found.lead().id());
    try {
      LeadRouting.Outcome outcome =
          routing.route(
              enricher.enrich(found.lead()).lead(),
              found.createdAt(),
              List.of(ReasonCode.RECONCILED));
      if (!(outcome instanceof LeadRouting.Routed routed)) {
        return false;
      }
      if (routed.mode() == Mode.LIVE) {
        indexes.routed(found.lead().id(), routed.decision().owner());
      }
      if (routed.update().isPresent()) {
        writer.submit(routed.update().get());
      }
      return true;
    } finally {
      MDC.remove("leadId");
    }
  }

  /** A lead worked or converted while its events were lost stops its SLA clock. */
  private void touched(LeadReader.Found lead) {
    if (firstTouches.isEmpty() || lead.changedAt() == null) {
      return;
    }
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("Status", lead.lead().get("Status"));
    if (lead.converted()) {
      fields.put("IsConverted", "true");
    }
    firstTouches
        .get()
        .onEvent(event("Lead", lead.lead().id(), ChangeType.UPDATE, lead.changedAt(), fields));
  }

  private Outcome tasks(ReconciliationWindow window) {
    if (firstTouches.isEmpty()) {
      return new Outcome(FirstTouches.TASK_CHANNEL, window.since(), 0, 0, 0);
    }
    Consumer<ChangeEvent> touches = event -> firstTouches.get().onEvent(event);
    int read = 0;
    try (Stream<com.fasterxml.jackson.databind.JsonNode> records =
        rest.query(
            window.soql(
                "Task",
                List.of("Id", "WhoId", "OwnerId", "Status", "CreatedDate", "SystemModstamp")))) {
      for (com.fasterxml.jackson.databind.JsonNode task :
          (Iterable<com.fasterxml.jackson.databind.JsonNode>) records::iterator) {
        read++;
        String id = task.path("Id").asText();
        Instant created = SalesforceTimes.parse(task.path("CreatedDate").asText(null));
        Instant changed = SalesforceTimes.parse(task.path("SystemModstamp").asText(null));
        // Our own follow-up Task is no activity of the owner's; in the stream it is our echo.
        if (created != null && window.createdWithin(created) && !followUpTask.test(id)) {
          Map<String, String> fields = new LinkedHashMap<>();
          fields.put("WhoId", task.path("WhoId").asText(null));
          fields.put("OwnerId", task.path("OwnerId").asText(null));
          touches.accept(event("Task", id, ChangeType.CREATE, created, fields));
        }
        String status = task.path("Status").asText(null);
        if (changed != null && "Completed".equalsIgnoreCase(status)) {
          touches.accept(event("Task", id, ChangeType.UPDATE, changed, Map.of("Status", status)));
        }
      }
    }
    return new Outcome(FirstTouches.TASK_CHANNEL, window.since(), read, 0, 0);
  }

  /** A change event standing in for one that expired, so first touches are judged in one place. */
  private static ChangeEvent event(
      String entity, String id, ChangeType type, Instant at, Map<String, String> fields) {
    return new ChangeEvent(
        "reconciliation",
        -1,
        "",
        new ChangeEventHeader(
            entity,
            List.of(id),
            type,
            ChangeOrigin.NONE,
            "",
            1,
            at,
            0,
            "",
            List.copyOf(fields.keySet())),
        fields);
  }
}
