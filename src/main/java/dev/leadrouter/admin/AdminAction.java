package dev.leadrouter.admin;

/**
 * Something an operator can ask the worker to do now, as {@code POST <path>} on the admin endpoint
 * (token-protected like every page but {@code /health}). Stages contribute theirs with a Guice
 * multibinder, as they do {@link HealthIndicator}s.
 */
public interface AdminAction {

  /** The path it answers, e.g. {@code /rules/reload}; unique among actions. */
  String path();

  /** Does it, on the admin server's thread, and says how it went. */
  Result run();

  /**
   * @param status the HTTP status: 200 when done, 4xx/5xx when not
   * @param body a JSON-serialisable answer (maps, lists, strings, numbers)
   */
  record Result(int status, Object body) {}
}
