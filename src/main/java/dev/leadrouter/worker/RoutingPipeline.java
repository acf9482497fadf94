package dev.leadrouter.worker;

import dev.leadrouter.capture.ChangeEvent;
import dev.leadrouter.capture.ChangeEventSource;
import dev.leadrouter.capture.ReconciliationRequest;
import dev.leadrouter.config.Mode;
import dev.leadrouter.enrich.Enricher;
import dev.leadrouter.enrich.EnrichmentResult;
import dev.leadrouter.enrich.HoldUntilEnriched;
import dev.leadrouter.enrich.Release;
import dev.leadrouter.lead.Lead;
import dev.leadrouter.store.DeadLetters;
import dev.leadrouter.store.StoreException;
import dev.leadrouter.write.OwnerWriter;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 *
 * <p>Before routing, Account, Contact and Lead events keep the match indexes fresh; a new lead
 * missing the fields an enrichment tool fills waits in {@link HoldUntilEnriched} until a Lead
 * update brings them or it times out, and its create event stays unacknowledged meanwhile, so the
 * checkpoint never passes a lead that exists only in memory; then the {@link Enricher} fills blank
 * fields from the provider.
 */
public final class RoutingPipeline implements Runnable {

  private static final Logger log = LoggerFactory.getLogger(RoutingPipeline.class);
  private static final Duration POLL = Duration.ofMillis(100);
  private static final Duration RECONCILE_RETRY = Duration.ofSeconds(5);

  private final ChangeEventSource source;
  private final LeadRouting routing;
  private final OwnerWriter writer;
  private final DeadLetters deadLetters;
  private final ReconciliationQueue reconciliations;
  private final String clientId;
  private final MeterRegistry meters;
  private final MatchIndexes indexes;
  private final Enricher enricher;
  private final HoldUntilEnriched hold;
  // The create event of each held lead, and how many of each event's leads are still held: the
  // event is acknowledged when the last one is routed.
  private final Map<String, ChangeEvent> heldBy = new HashMap<>();
  private final Map<ChangeEvent, Integer> stillHeld = new IdentityHashMap<>();
  private volatile boolean storeFailing;
  private final EventJson eventJson = new EventJson();
  private final Retry storeRetry;
  private final java.util.function.Consumer<ChangeEvent> otherEvents;
  private volatile boolean running = true;
  private final ExpiredReplayReconciler expiredReplays;

  public RoutingPipeline(
      ChangeEventSource source,
      LeadRouting routing,
      OwnerWriter writer,
      DeadLetters deadLetters,
      ReconciliationQueue reconciliations,
      String clientId,
      MeterRegistry meters,
      MatchIndexes indexes,
      Enricher enricher,
      HoldUntilEnriched hold,
      java.util.function.Consumer<ChangeEvent> otherEvents,
      ExpiredReplayReconciler expiredReplays) {
    this.expiredReplays = expiredReplays;
    this.otherEvents = otherEvents;
    this.source = source;
    this.routing = routing;
    this.writer = writer;
    this.deadLetters = deadLetters;
    this.reconciliations = reconciliations;
    this.clientId = clientId;
    this.meters = meters;
    this.indexes = indexes;
    this.enricher = enricher;
    this.hold = hold;
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
        for (Release expired : hold.expired()) {
          routeRelease(expired, null);
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
    String entity = event.header().entityName();
    if (!"Lead".equals(entity)) {
      keepIndexesFresh(event);
      if (applyOther(event)) {
        source.acknowledge(event);
      }
      return;
    }
    keepIndexesFresh(event);
    if (!LeadEvents.isLeadCreation(event)) {
      releaseEnriched(event);
      if (!applyOther(event)) {
        return;
      }
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
    int held = 0;
    for (Lead lead : leads) {
      List<Release> released = hold.hold(lead.id(), lead);
      if (hold.isHeld(lead.id())) {
        heldBy.put(lead.id(), event);
        held++;
      }
      for (Release release : released) {
        if (!routeRelease(release, event)) {
          return;
        }
      }
    }
    if (held == 0) {
      source.acknowledge(event);
    } else {
      stillHeld.put(event, held);
    }
  }

  /**
   * Hands an event that is not a new lead to the side work (SLA first touches). False when the
   * store failed and the event was parked instead, so it must not be acknowledged again.
   */
  private boolean applyOther(ChangeEvent event) {
    try {
      storeRetry.executeRunnable(() -> otherEvents.accept(event));
      return true;
    } catch (StoreException storeDown) {
      parkAndAcknowledge(event, "could not apply: " + storeDown.getMessage(), "store");
      return false;
    }
  }

  /** A Lead update may bring the fields a held lead waits for. */
  private void releaseEnriched(ChangeEvent update) throws InterruptedException {
    for (String leadId : update.header().recordIds()) {
      for (Release release : hold.update(leadId, update.fields())) {
        routeRelease(release, null);
      }
    }
  }

  /**
   * Routes a lead {@link HoldUntilEnriched} let go. Its create event is the one it was held from,
   * acknowledged once none of its leads waits any more; or {@code current}, the event in hand, for
   * a lead never held (the caller acknowledges that one). Returns false when the store failed and
   * the event was parked.
   */
  private boolean routeRelease(Release release, ChangeEvent current) throws InterruptedException {
    ChangeEvent held = heldBy.remove(release.leadId());
    ChangeEvent event = held != null ? held : current;
    if (release.why() != Release.Why.COMPLETE) {
      WorkerMeters.held(meters, release.why().name().toLowerCase(Locale.ROOT)).increment();
    }
    MDC.put("leadId", release.leadId());
    try {
      EnrichmentResult enriched = enricher.enrich(release.lead());
      WorkerMeters.enrichment(meters, enriched.outcome().name().toLowerCase(Locale.ROOT))
          .increment();
      LeadRouting.Outcome outcome =
          storeRetry.executeSupplier(
              () ->
                  routing.route(
                      enriched.lead(),
                      event == null ? null : event.header().commitTimestamp(),
                      release.inputReasons()));
      storeFailing = false;
      if (outcome instanceof LeadRouting.Routed routed) {
        if (routed.mode() == Mode.LIVE) {
          indexes.routed(release.leadId(), routed.decision().owner());
        }
        if (routed.update().isPresent()) {
          writer.submit(routed.update().get());
        }
      }
    } catch (StoreException storeDown) {
      storeFailing = true;
      // Earlier leads of this event are durable and will be skipped on a replay; parking the
      // whole event loses none of the others.
      if (event != null) {
        stillHeld.remove(event);
        parkAndAcknowledge(
            event, "could not record a decision: " + storeDown.getMessage(), "store");
      }
      return false;
    } finally {
      MDC.remove("leadId");
    }
    if (held != null) {
      Integer left = stillHeld.computeIfPresent(held, (e, n) -> n - 1);
      if (left != null && left == 0) {
        stillHeld.remove(held);
        source.acknowledge(held);
      }
    }
    return true;
  }

  /**
   * A stale index costs match quality, not the stream: failures are logged and the event goes on.
   */
  private void keepIndexesFresh(ChangeEvent event) {
    try {
      indexes.apply(event);
    } catch (RuntimeException queryFailed) {
      log.warn(
          "{} event {} could not be applied to the match indexes: {}",
          event.header().entityName(),
          event.replayId(),
          queryFailed.getMessage());
    }
  }

  /** Whether the last attempt to record a decision failed. */
  public boolean storeFailing() {
    return storeFailing;
  }

  /** Leads waiting for enrichment now. */
  public int held() {
    return hold.size();
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

  private void park(ReconciliationRequest request) throws InterruptedException {
    if (request.reason() == ReconciliationRequest.Reason.REPLAY_ID_INVALID) {
      reconcileExpired(request);
      return;
    }
    try {
      if (indexes.reconcile(request)) {
        request.trigger().ifPresent(source::acknowledge);
        return;
      }
      request.trigger().ifPresent(this::keepIndexesFresh);
    } catch (RuntimeException queryFailed) {
      log.warn("match indexes could not be reconciled: {}", queryFailed.getMessage());
      if (!WorkerModule.LEAD_CHANNEL.equals(request.channel())) {
        request.trigger().ifPresent(source::acknowledge);
        return;
      }
    }
    String records =
        request.trigger().map(e -> e.header().recordIds().toString()).orElse("unknown records");
    String reason =
        "gap event: Salesforce sent no field values for "
            + records
            + "; `lead-router dlq replay` reads them again and routes them";
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

  /**
   * Re-reads a channel whose replay id expired; only once that is durable may its checkpoint move.
   * A failure (the org or the store down) is tried again shortly, the checkpoint held meanwhile.
   */
  private void reconcileExpired(ReconciliationRequest request) throws InterruptedException {
    try {
      expiredReplays.reconcile(request);
      source.reconciled(request.channel());
    } catch (RuntimeException failed) {
      log.warn(
          "{} could not be reconciled ({}); trying again in {} s",
          request.channel(),
          failed.getMessage(),
          RECONCILE_RETRY.toSeconds());
      WorkerMeters.skipped(meters, "reconciliation_failed").increment();
      reconciliations.retryLater(request, RECONCILE_RETRY);
    }
  }
}
