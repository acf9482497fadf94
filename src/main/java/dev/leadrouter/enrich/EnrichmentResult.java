package dev.leadrouter.enrich;

import dev.leadrouter.lead.Lead;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A lead after enrichment. {@link Lead} holds plain values, so which of them came from enrichment
 * is kept beside it, in {@link #added()}, for the decision's inputs and the "why" page.
 *
 * @param lead the lead with the added fields merged in
 * @param source who supplied the added fields, e.g. {@code http:api.enrichment.example}
 * @param added the fields enrichment set, by Lead API name; empty when nothing was added
 * @param outcome what the attempt came to
 */
public record EnrichmentResult(
    Lead lead, String source, Map<String, String> added, EnrichmentOutcome outcome) {

  public EnrichmentResult {
    Objects.requireNonNull(lead, "lead");
    Objects.requireNonNull(source, "source");
    added = Collections.unmodifiableMap(new LinkedHashMap<>(added));
    Objects.requireNonNull(outcome, "outcome");
  }

  /** The lead as it came, with the reason nothing was added. */
  public static EnrichmentResult unchanged(Lead lead, String source, EnrichmentOutcome outcome) {
    return new EnrichmentResult(lead, source, Map.of(), outcome);
  }

  /** Whether {@code field} (any case) was set by enrichment rather than by the org. */
  public boolean fromEnrichment(String field) {
    return added.keySet().stream().anyMatch(name -> name.equalsIgnoreCase(field));
  }
}
