package dev.leadrouter.write;

import dev.leadrouter.salesforce.BulkClient;
import dev.leadrouter.salesforce.ErrorKind;
import dev.leadrouter.salesforce.RestClient;
import dev.leadrouter.salesforce.SalesforceException;
import dev.leadrouter.salesforce.SaveResult;
import dev.leadrouter.store.Fence;
import dev.leadrouter.store.FencedException;
import dev.leadrouter.store.RoutingLog;
import dev.leadrouter.store.StoreException;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Writes one batch of owner updates to Salesforce (sObject Collections, or the Bulk API for a
 * burst) and records each outcome in the routing log: written, failed for good with the reason, or
 * left planned when Salesforce stayed unavailable, to be written at the next start.
 */
public final class BatchWriter {

  /** How a batch travels. */
  public enum Path {
    COLLECTIONS,
    BULK
  }

  private static final Logger log = LoggerFactory.getLogger(BatchWriter.class);
  private static final String LEAD = "Lead";
  private static final DateTimeFormatter SALESFORCE_DATE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  private final RestClient rest;
  private final BulkClient bulk;
  private final RoutingLog routingLog;
  private final BudgetPacer pacer;
  private final Clock clock;
  private final Retry retry;
  private final MeterRegistry meters;
  private final Timer speedToLead;
  private final WriteListener listener;
  private final Fence fence;

  /**
   * A writer that lets {@code listener} add Lead fields and hear of the outcomes ({@link
   * WriteListener#NONE} for none), and sends each batch only while {@code fence} says this worker
   * is the active one ({@link Fence#NONE} alone), so a worker that lost its lease stops writing
   * owners the moment it learns so.
   */
  public BatchWriter(
      RestClient rest,
      BulkClient bulk,
      RoutingLog routingLog,
      dev.leadrouter.salesforce.ApiBudget budget,
      WriterSettings settings,
      MeterRegistry meters,
      Clock clock,
      WriteListener listener,
      Fence fence) {
    this.fence = fence;
    this.listener = listener;
    this.rest = rest;
    this.bulk = bulk;
    this.routingLog = routingLog;
    this.pacer = new BudgetPacer(budget, settings.budgetSlowdownAt(), settings.budgetPause());
    this.clock = clock;
    this.meters = meters;
    // The client already retries a call a few times; this retries the batch once the client gave
    // up (Salesforce down for longer, the budget spent), and the rows still locked.
    this.retry =
        Retry.of(
            "owner-writes",
            RetryConfig.<PendingUpdates>custom()
                .maxAttempts(settings.attempts())
                .intervalFunction(IntervalFunction.ofExponentialBackoff(settings.retryWait(), 2.0))
                .retryOnException(
                    e ->
                        e instanceof SalesforceException s
                            && (s.kind() == ErrorKind.RETRYABLE || s.kind() == ErrorKind.BUDGET))
                .retryOnResult(PendingUpdates::hasRetryable)
                .build());
    this.speedToLead =
        Timer.builder("leadrouter.lag.write")
            .description("change event commit to owner written in Salesforce")
            .publishPercentiles(0.5, 0.99)
            .register(meters);
  }

  /**
   * Writes the batch; never throws for Salesforce's failures, which end up in the routing log.
   *
   * @return the updates Salesforce still refused transiently after every retry (it was down, the
   *     budget spent, the rows locked): they stay planned, for the caller to try again later
   */
  public List<OwnerUpdate> write(List<OwnerUpdate> updates, Path path) {
    if (updates.isEmpty()) {
      return List.of();
    }
    try {
      fence.checkHeld();
    } catch (StoreException notActive) {
      // Fenced, or the lease cannot be confirmed: the updates stay planned. The worker that holds
      // the lease writes them; this one tries again later, in case the store only blinked.
      log.error("not writing {} owner updates: {}", updates.size(), notActive.getMessage());
      return updates;
    }
    log.debug("writing {} owner updates through {}", updates.size(), path);
    PendingUpdates pending = new PendingUpdates(updates);
    boolean leaseRanOut = false;
    try {
      retry.executeSupplier(() -> pending.attempt(batch -> send(batch, path)));
    } catch (SalesforceException failed) {
      log.error(
          "writing {} owner updates failed ({})",
          pending.stillPending().size(),
          failed.getMessage());
    } catch (FencedException ranOut) {
      // The lease ran out just before sending: what was not sent stays planned, for the worker
      // that holds the lease now.
      leaseRanOut = true;
      log.error(
          "not sending {} owner updates: {}", pending.stillPending().size(), ranOut.getMessage());
    }
    record(pending, path, leaseRanOut);
    return pending.stillPending();
  }

  private List<SaveResult> send(List<OwnerUpdate> batch, Path path) {
    try {
      pacer.beforeCall();
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
    List<Map<String, Object>> records = batch.stream().map(this::record).toList();
    // As late as this process can look, right before each request goes out (each Collections
    // chunk and retry; a Bulk job before it is opened): a worker paused since the epoch check
    // finds here, without a round trip, that a standby may have taken over.
    fence.checkUnexpired();
    Counter.builder("leadrouter.write.batches")
        .description("sObject Collections requests (up to 200 records) or Bulk API jobs sent")
        .tag("path", path.name().toLowerCase(Locale.ROOT))
        .register(meters)
        .increment(path == Path.BULK ? 1 : (records.size() + 199) / 200);
    return path == Path.BULK
        ? bulk.update(LEAD, records)
        : rest.update(LEAD, records, fence::checkUnexpired);
  }

  private void record(PendingUpdates pending, Path path, boolean leaseRanOut) {
    Instant now = clock.instant();
    int written = 0;
    int failed = 0;
    List<OwnerUpdate> writtenUpdates = new java.util.ArrayList<>();
    List<OwnerUpdate> failedUpdates = new java.util.ArrayList<>();
    for (PendingUpdates.Outcome outcome : pending.done()) {
      OwnerUpdate update = outcome.update();
      MDC.put("leadId", update.leadId());
      try {
        if (outcome.result().success()) {
          routingLog.markWritten(update.decisionId(), now);
          writtenUpdates.add(update);
          written++;
          if (update.committedAt() != null) {
            speedToLead.record(Duration.between(update.committedAt(), now));
          }
        } else {
          String reason =
              outcome.result().errors().stream()
                  .map(Object::toString)
                  .collect(Collectors.joining("; "));
          log.warn("owner of lead {} not written: {}", update.leadId(), reason);
          routingLog.markFailed(update.decisionId(), reason);
          failedUpdates.add(update);
          failed++;
        }
      } catch (StoreException storeFailed) {
        // Salesforce has the owner; the log says planned, so the next start writes it again,
        // which is harmless.
        log.error(
            "could not note the write of lead {}: {}", update.leadId(), storeFailed.getMessage());
      } finally {
        MDC.remove("leadId");
      }
    }
    if (leaseRanOut) {
      // Said above: not sent at all, which is not Salesforce refusing them.
      count(path, "fenced", pending.stillPending().size());
    } else if (!pending.stillPending().isEmpty()) {
      log.error(
          "{} owner updates still failed transiently after retries; they stay planned and are"
              + " tried again later",
          pending.stillPending().size());
      count(path, "deferred", pending.stillPending().size());
    }
    count(path, "written", written);
    count(path, "failed", failed);
    tellListener(writtenUpdates, failedUpdates, path);
  }

  private void tellListener(List<OwnerUpdate> written, List<OwnerUpdate> failed, Path path) {
    try {
      if (!written.isEmpty()) {
        listener.written(written, path);
      }
      if (!failed.isEmpty()) {
        listener.failed(failed);
      }
    } catch (RuntimeException listenerFailed) {
      // The owners are written; what the listener adds (SLA tasks) recovers at the next start.
      log.error("after-write step failed for {} leads", written.size(), listenerFailed);
    }
  }

  private void count(Path path, String outcome, int amount) {
    if (amount > 0) {
      Counter.builder("leadrouter.writes")
          .description("owner updates by path and outcome")
          .tag("path", path.name().toLowerCase(Locale.ROOT))
          .tag("outcome", outcome)
          .register(meters)
          .increment(amount);
    }
  }

  private Map<String, Object> record(OwnerUpdate update) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("Id", update.leadId());
    fields.put("OwnerId", update.ownerId());
    fields.put("Routing_Rule__c", update.rule());
    fields.put("Routing_Reason__c", update.reason());
    fields.put("Routed_At__c", SALESFORCE_DATE_TIME.format(update.routedAt()));
    try {
      listener.extraLeadFields(update).forEach(fields::putIfAbsent);
    } catch (RuntimeException listenerFailed) {
      // The owner matters more than the extra fields: send it without them.
      log.error("extra fields for lead {} failed", update.leadId(), listenerFailed);
    }
    return fields;
  }
}
