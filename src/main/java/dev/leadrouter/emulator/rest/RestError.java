package dev.leadrouter.emulator.rest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A failed REST call, answered with Salesforce's error envelope {@code
 * [{"message","errorCode","fields"?}]}
 * (https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/errorcodes.htm).
 */
final class RestError extends RuntimeException {

  private final int status;
  private final String errorCode;
  private final List<String> fields;

  RestError(int status, String errorCode, String message, List<String> fields) {
    super(message);
    this.status = status;
    this.errorCode = errorCode;
    this.fields = List.copyOf(fields);
  }

  RestError(int status, String errorCode, String message) {
    this(status, errorCode, message, List.of());
  }

  static RestError notFound() {
    return new RestError(404, "NOT_FOUND", "The requested resource does not exist");
  }

  /**
   * HTTP 503, "the server is unavailable to handle the request ... down for maintenance or
   * currently overloaded" (errorcodes.htm); SERVER_UNAVAILABLE is the API's StatusCode for it.
   */
  static RestError unavailable() {
    return new RestError(
        503, "SERVER_UNAVAILABLE", "Server is temporarily unavailable. Please retry your request.");
  }

  /** The daily request limit, answered 403 as errorcodes.htm documents. */
  static RestError limitExceeded() {
    return new RestError(403, "REQUEST_LIMIT_EXCEEDED", "TotalRequests Limit exceeded.");
  }

  int status() {
    return status;
  }

  List<Map<String, Object>> envelope() {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("message", getMessage());
    error.put("errorCode", errorCode);
    if (!fields.isEmpty()) {
      error.put("fields", fields);
    }
    return List.of(error);
  }
}
