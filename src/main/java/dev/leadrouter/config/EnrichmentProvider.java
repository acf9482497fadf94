package dev.leadrouter.config;

/** Where firmographics come from besides the matched account ({@code enrich.provider}). */
public enum EnrichmentProvider {
  /** No outside provider. */
  NONE,
  /** An HTTP API, configured under {@code enrich.http}. */
  HTTP
}
