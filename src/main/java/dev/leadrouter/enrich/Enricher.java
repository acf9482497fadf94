package dev.leadrouter.enrich;

import dev.leadrouter.lead.Lead;

/**
 * The enrich stage: adds what it knows about the lead's company to the fields the lead leaves
 * blank; the lead's own values always win.
 *
 * <p>Enrichment is best effort. An implementation never throws for a provider problem and never
 * waits longer than its configured timeouts; when it cannot help, the lead goes on unchanged and
 * the {@link EnrichmentResult#outcome()} says why.
 */
public interface Enricher {

  /** The lead with enrichment fields added, and which fields those were. Thread-safe. */
  EnrichmentResult enrich(Lead lead);

  /**
   * Whether the provider is being asked now; false while it is skipped after repeated failures (an
   * open circuit). For the worker's health report: enrichment off counts as available.
   */
  default boolean available() {
    return true;
  }
}
