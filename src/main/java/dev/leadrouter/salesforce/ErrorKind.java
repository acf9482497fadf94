package dev.leadrouter.salesforce;

import java.util.List;
import java.util.Set;

/**
 * What the worker should do about a Salesforce failure, decided once where the failure is parsed so
 * that callers never look at HTTP statuses or error codes themselves.
 */
public enum ErrorKind {
  /** Transient: try again after a short, jittered backoff (lock contention, 5xx, timeouts). */
  RETRYABLE,
  /** The org's API request budget is spent: back off for much longer, or stop. */
  BUDGET,
  /** The session is invalid or sign-in failed: log in again (once), or stop. */
  AUTH,
  /** Retrying cannot help: bad data, bad configuration or an unknown failure. */
  PERMANENT;

  private static final Set<Integer> RETRYABLE_STATUSES = Set.of(429, 502, 503, 504);

  // Codes that say "do not retry" are listed so that they win over a retryable HTTP status; any
  // other unknown code falls back to the status and, failing that, to PERMANENT.
  private static final Set<String> PERMANENT_CODES =
      Set.of(
          "INVALID_FIELD",
          "FIELD_CUSTOM_VALIDATION_EXCEPTION",
          "ENTITY_IS_DELETED",
          "INVALID_CROSS_REFERENCE_KEY",
          "MALFORMED_ID",
          "REQUIRED_FIELD_MISSING",
          "DUPLICATES_DETECTED",
          "FIELD_INTEGRITY_EXCEPTION",
          "MALFORMED_QUERY");

  /**
   * Classifies a response by its HTTP status (200 for per-record results) and the error codes it
   * carried. Precedence: AUTH, then BUDGET, then a known permanent code, then retryable codes and
   * statuses; everything else is PERMANENT.
   */
  public static ErrorKind of(int httpStatus, List<SalesforceError> errors) {
    if (httpStatus == 401 || hasCode(errors, "INVALID_SESSION_ID")) {
      return AUTH;
    }
    if (hasCode(errors, "REQUEST_LIMIT_EXCEEDED")) {
      return BUDGET;
    }
    if (errors.stream().anyMatch(error -> PERMANENT_CODES.contains(error.code()))) {
      return PERMANENT;
    }
    if (hasCode(errors, "UNABLE_TO_LOCK_ROW") || RETRYABLE_STATUSES.contains(httpStatus)) {
      return RETRYABLE;
    }
    return PERMANENT;
  }

  private static boolean hasCode(List<SalesforceError> errors, String code) {
    return errors.stream().anyMatch(error -> code.equals(error.code()));
  }
}
