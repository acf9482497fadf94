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
