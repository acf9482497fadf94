package dev.leadrouter.config;

import java.util.Objects;
import java.util.Optional;

/**
 * Enrichment ({@code lead-router.enrich}): an optional HTTP firmographics provider, and waiting for
 * an enrichment tool in the org to fill named fields before routing.
 *
 * @param hold which fields to wait for and how long; waits for nothing by default
 * @param http the HTTP provider, when {@code provider = http}
 */
public record EnrichSettings(EnrichmentHoldSettings hold, Optional<HttpEnrichmentSettings> http) {

  public EnrichSettings {
    Objects.requireNonNull(hold, "hold");
    Objects.requireNonNull(http, "http");
  }

  /** No provider and no waiting: what a configuration without an enrich section gets. */
  public static EnrichSettings disabled() {
    return new EnrichSettings(EnrichmentHoldSettings.disabled(), Optional.empty());
  }
}
