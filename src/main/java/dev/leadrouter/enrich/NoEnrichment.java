package dev.leadrouter.enrich;

import dev.leadrouter.lead.Lead;

/** The enricher when no provider is configured: every lead goes on as it came. */
final class NoEnrichment implements Enricher {

  @Override
  public EnrichmentResult enrich(Lead lead) {
    return EnrichmentResult.unchanged(lead, "none", EnrichmentOutcome.OFF);
  }
}
