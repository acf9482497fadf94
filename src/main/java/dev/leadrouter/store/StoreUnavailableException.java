package dev.leadrouter.store;

import dev.leadrouter.config.UrlRedaction;

/**
 * The store could not be opened. Its message and those of its causes are the originals with
 * credentials in the JDBC URL hidden ({@code jdbc:postgresql://***@db/x}); each cause keeps the
 * original's class name and stack trace, so nothing useful for debugging is lost.
 */
public final class StoreUnavailableException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private StoreUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }

  static StoreUnavailableException redacted(Throwable failure, String url) {
    StoreUnavailableException redacted =
        new StoreUnavailableException(
            "the store at "
                + UrlRedaction.redact(url)
                + " cannot be opened: "
                + UrlRedaction.redactIn(String.valueOf(failure.getMessage()), url),
            RedactedCause.of(failure, url));
    redacted.setStackTrace(failure.getStackTrace());
    return redacted;
  }

  /** A copy of one cause with its message redacted, printed under the original class name. */
  private static final class RedactedCause extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private static final int MAX_DEPTH = 20;

    private final String originalClass;

    private RedactedCause(String originalClass, String message, Throwable cause) {
      super(message, cause);
      this.originalClass = originalClass;
    }

    static Throwable of(Throwable original, String url) {
      return of(original, url, 0);
    }

    private static Throwable of(Throwable original, String url, int depth) {
      if (original == null || depth > MAX_DEPTH) {
        return null;
      }
      Throwable next = original.getCause() == original ? null : original.getCause();
      RedactedCause copy =
          new RedactedCause(
              original.getClass().getName(),
              UrlRedaction.redactIn(original.getMessage(), url),
              of(next, url, depth + 1));
      copy.setStackTrace(original.getStackTrace());
      for (Throwable suppressed : original.getSuppressed()) {
        Throwable redacted = of(suppressed, url, depth + 1);
        if (redacted != null) {
          copy.addSuppressed(redacted);
        }
      }
      return copy;
    }

    @Override
    public String toString() {
      String message = getLocalizedMessage();
      return message == null ? originalClass : originalClass + ": " + message;
    }
  }
}
