package dev.leadrouter.enrich;

import com.google.inject.Inject;
import dev.leadrouter.config.EnrichmentHoldSettings;
import dev.leadrouter.lead.Lead;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Lets a new lead wait for an enrichment tool in the org to fill named fields (say Industry and
 * NumberOfEmployees, written seconds after the lead is created), so that rules see them.
 *
 * <p>The worker calls {@link #hold} for a created lead, {@link #update} for each later Lead UPDATE
 * change event, and {@link #expired} on a timer (at {@link #nextExpiry()}); it routes every {@link
 * Release} these return, with {@link Release#inputReasons()} in the decision. Waiting is bounded in
 * time ({@code maxWait}) and in number ({@code maxHeld}: beyond it the lead waiting longest goes
 * first), so a tool that never writes cannot stall routing or fill memory.
 *
 * <p>Held leads live in memory only. The worker must therefore not checkpoint past the create event
 * of a lead still held; after a restart the replayed event holds the lead again. Thread-safe.
 */
public final class HoldUntilEnriched {

  private final List<String> fields;
  private final Duration maxWait;
  private final int maxHeld;
  private final Clock clock;
  // Insertion order is arrival order, so the first entry is always the one waiting longest.
  private final LinkedHashMap<String, Held> held = new LinkedHashMap<>();

  @Inject
  public HoldUntilEnriched(EnrichmentHoldSettings settings, Clock clock) {
    this.fields = settings.fields();
    this.maxWait = settings.maxWait();
    this.maxHeld = settings.maxHeld();
    this.clock = clock;
  }

  /**
   * Takes a newly created lead. Returns it at once ({@link Release.Why#COMPLETE}) when it already
   * has the fields or holding is off; otherwise holds it and returns what had to make room (at most
   * the one lead waiting longest). A lead already held is updated instead, as a replayed event.
   */
  public synchronized List<Release> hold(String leadId, Lead lead) {
    if (held.containsKey(leadId)) {
      return update(leadId, lead.fields());
    }
    if (complete(lead)) {
      return List.of(new Release(leadId, lead, Release.Why.COMPLETE, Duration.ZERO));
    }
    List<Release> released = new ArrayList<>(1);
    Instant now = clock.instant();
    while (held.size() >= maxHeld) {
      Iterator<Map.Entry<String, Held>> oldest = held.entrySet().iterator();
      Map.Entry<String, Held> first = oldest.next();
      oldest.remove();
      released.add(release(first.getKey(), first.getValue(), Release.Why.EVICTED, now));
    }
    held.put(leadId, new Held(lead, now));
    return released;
  }

  /**
   * Merges fields from a later change event into a held lead and releases it ({@link
   * Release.Why#ENRICHED}) once every awaited field is there. Empty when the lead is not held (it
   * was routed already, or never waited) or still misses a field.
   *
   * @param changedFields the event's changed field values by API name
   */
  public synchronized List<Release> update(String leadId, Map<String, String> changedFields) {
    Held waiting = held.get(leadId);
    if (waiting == null) {
      return List.of();
    }
    Lead merged = waiting.lead();
    for (Map.Entry<String, String> field : changedFields.entrySet()) {
      merged = merged.with(field.getKey(), field.getValue());
    }
    if (!complete(merged)) {
      held.put(leadId, new Held(merged, waiting.since()));
      return List.of();
    }
    held.remove(leadId);
    return List.of(
        release(leadId, new Held(merged, waiting.since()), Release.Why.ENRICHED, clock.instant()));
  }

  /** Releases, oldest first, every lead that has waited {@code maxWait} or longer. */
  public synchronized List<Release> expired() {
    Instant now = clock.instant();
    List<Release> released = new ArrayList<>();
    Iterator<Map.Entry<String, Held>> oldestFirst = held.entrySet().iterator();
    while (oldestFirst.hasNext()) {
      Map.Entry<String, Held> entry = oldestFirst.next();
      if (entry.getValue().since().plus(maxWait).isAfter(now)) {
        break; // later entries arrived later still
      }
      oldestFirst.remove();
      released.add(release(entry.getKey(), entry.getValue(), Release.Why.TIMED_OUT, now));
    }
    return released;
  }

  /** When the lead waiting longest runs out of time; empty when none waits. */
  public synchronized Optional<Instant> nextExpiry() {
    return held.values().stream().findFirst().map(first -> first.since().plus(maxWait));
  }

  /** Leads waiting now, for metrics and health. */
  public synchronized int size() {
    return held.size();
  }

  /** Whether the lead is waiting. */
  public synchronized boolean isHeld(String leadId) {
    return held.containsKey(leadId);
  }

  private boolean complete(Lead lead) {
    return fields.stream().allMatch(field -> lead.get(field) != null);
  }

  private static Release release(String leadId, Held held, Release.Why why, Instant now) {
    return new Release(leadId, held.lead(), why, Duration.between(held.since(), now));
  }

  private record Held(Lead lead, Instant since) {}
}
