package dev.leadrouter.enrich;

/** What one enrichment attempt came to; the worker counts these in its metrics. */
public enum EnrichmentOutcome {
  /** The provider knew the company and at least one blank field was filled. */
  ENRICHED,
  /** The provider knew the company, or the lead already had every field it could give. */
  NOTHING_NEW,
  /** The provider does not know the company's domain (answered 404). */
  NOT_FOUND,
  /** The lead has no usable company domain (none, or a free-mail address). */
  NO_DOMAIN,
  /** The provider failed or its circuit is open; the lead went on without enrichment. */
  UNAVAILABLE,
  /** No provider is configured. */
  OFF
}
