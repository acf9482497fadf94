package dev.leadrouter.enrich;

/**
 * The enrichment provider did not answer usefully. {@link #retriable()} failures (timeouts, lost
 * connections, 429 and 5xx) are tried again; others (a rejected key, an answer that is not JSON)
 * are not, as the same request would fail the same way. Both count against the circuit breaker.
 * Messages name the domain and status, never the API key.
 */
final class ProviderFailure extends RuntimeException {

  private final boolean retriable;

  ProviderFailure(String message, boolean retriable) {
    super(message);
    this.retriable = retriable;
  }

  ProviderFailure(String message, boolean retriable, Throwable cause) {
    super(message, cause);
    this.retriable = retriable;
  }

  boolean retriable() {
    return retriable;
  }
}
