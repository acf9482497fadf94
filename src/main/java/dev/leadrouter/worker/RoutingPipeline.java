package dev.leadrouter.worker;

import dev.leadrouter.capture.ChangeEvent;
import dev.leadrouter.capture.ChangeEventSource;
import dev.leadrouter.capture.ReconciliationRequest;
import dev.leadrouter.lead.Lead;
import dev.leadrouter.store.DeadLetters;
import dev.leadrouter.store.StoreException;
import dev.leadrouter.write.OwnerWriter;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The routing thread: takes change events in stream order, decides each new lead, makes the
 * decision durable, acknowledges the event (so its checkpoint may move) and hands the owner update
 * to the writer. One thread, so team rotations move in the order leads arrived.
 *
 * <p>Contracts: an event is acknowledged only once every lead it names has a durable decision (or
 * the event is parked as a dead letter); a lead that already has a decision is not routed again;
 * our own changes coming back are ignored; an event that cannot be routed goes to the dead letters
 * and the stream goes on.
 */
public final class RoutingPipeline implements Runnable {

  private static final Logger log = LoggerFactory.getLogger(RoutingPipeline.class);
  private static final Duration POLL = Duration.ofMillis(100);

  private final ChangeEventSource source;
  private final LeadRouting routing;
  private final OwnerWriter writer;
  private final DeadLetters deadLetters;
  private final ReconciliationQueue reconciliations;
  private final String clientId;
  private final MeterRegistry meters;
  private final EventJson eventJson = new EventJson();
  private final Retry storeRetry;
  private volatile boolean running = true;

  public RoutingPipeline(
      ChangeEventSource source,
      LeadRouting routing,
      OwnerWriter writer,
      DeadLetters deadLetters,
      ReconciliationQueue reconciliations,
      String clientId,
      MeterRegistry meters) {
    this.source = source;
    this.routing = routing;
    this.writer = writer;
    this.deadLetters = deadLetters;
    this.reconciliations = reconciliations;
    this.clientId = clientId;
    this.meters = meters;
    // A store that hiccups (a failover, a full pool) gets a few chances before the event is parked.
    this.storeRetry =
        Retry.of(
            "routing-store",
            RetryConfig.custom()
                .maxAttempts(4)
                .intervalFunction(IntervalFunction.ofExponentialBackoff(Duration.ofMillis(200), 2))
                .retryExceptions(StoreException.class)
                .build());
  }

  /** Asks the loop to stop after the event in hand; events not yet taken come again next start. */
  public void stop() {
    running = false;
  }

  @Override
  public void run() {
    while (running) {
      try {
        ReconciliationRequest request = reconciliations.poll();
        if (request != null) {
          park(request);
        }
        ChangeEvent event = source.poll(POLL);
        if (event != null) {
          handle(event);
        }
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException unexpected) {
        // The event in hand stays unacknowledged and comes again after a restart.
        log.error("routing loop failed on an event; going on with the next", unexpected);
      }
    }
  }

  /** Routes one event, acknowledging it once its effect is durable. */
  void handle(ChangeEvent event) throws InterruptedException {
    WorkerMeters.eventsIn(
            meters,
            event.header().entityName(),
            event.header().changeType().name().toLowerCase(Locale.ROOT))
        .increment();
    if (event.header().changeOrigin().isFrom(clientId)) {
      WorkerMeters.skipped(meters, "own_change").increment();
      source.acknowledge(event);
      return;
    }
    if (!LeadEvents.isLeadCreation(event)) {
      WorkerMeters.skipped(meters, "not_a_new_lead").increment();
      source.acknowledge(event);
      return;
    }
    List<Lead> leads;
    try {
      leads = LeadEvents.leads(event);
    } catch (LeadEvents.UnroutableEvent unroutable) {
      parkAndAcknowledge(event, unroutable.getMessage(), "unroutable");
      return;
    }
    for (Lead lead : leads) {
      MDC.put("leadId", lead.id());
      try {
        LeadRouting.Outcome outcome =
            storeRetry.executeSupplier(() -> routing.route(lead, event.header().commitTimestamp()));
        if (outcome instanceof LeadRouting.Routed routed && routed.update().isPresent()) {
          writer.submit(routed.update().get());
        }
      } catch (StoreException storeDown) {
        // Earlier leads of this event are durable and will be skipped on a replay; parking the
        // whole event loses none of the others.
        parkAndAcknowledge(
            event, "could not record a decision: " + storeDown.getMessage(), "store");
        return;
      } finally {
        MDC.remove("leadId");
      }
    }
    source.acknowledge(event);
  }

  private void parkAndAcknowledge(ChangeEvent event, String reason, String cause) {
    try {
      long id = deadLetters.add(event.channel(), reason, eventJson.write(event));
      WorkerMeters.deadLetters(meters, cause).increment();
      log.warn(
          "event {} on {} (records {}) parked as dead letter {}: {}",
          event.replayId(),
          event.channel(),
          event.header().recordIds(),
          id,
          reason);
      source.acknowledge(event);
    } catch (StoreException alsoDown) {
      // Not acknowledged: the event comes again after a restart, so nothing is lost.
      log.error(
          "event {} on {} could be neither routed nor parked ({}); it is replayed after a restart",
          event.replayId(),
          event.channel(),
          alsoDown.getMessage());
    }
  }

  private void park(ReconciliationRequest request) {
    String records =
        request.trigger().map(e -> e.header().recordIds().toString()).orElse("unknown records");
    String reason =
        switch (request.reason()) {
          case GAP_EVENT ->
              "gap event: Salesforce sent no field values for "
                  + records
                  + "; `lead-router dlq replay` reads them again and routes them";
          case REPLAY_ID_INVALID ->
              "the checkpoint's replay id had expired: leads created since "
                  + request.lastCheckpoint().map(c -> c.committedAt().toString()).orElse("?")
                  + " may have been missed";
        };
    String payload = request.trigger().map(eventJson::write).orElse("{}");
    try {
      long id = deadLetters.add(request.channel(), reason, payload);
      WorkerMeters.deadLetters(meters, "reconcile").increment();
      log.warn("reconciliation parked as dead letter {}: {}", id, reason);
      request.trigger().ifPresent(source::acknowledge);
    } catch (StoreException storeDown) {
      log.error("reconciliation could not be parked ({}): {}", storeDown.getMessage(), reason);
    }
  }
}
