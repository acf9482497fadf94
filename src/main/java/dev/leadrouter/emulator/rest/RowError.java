package dev.leadrouter.emulator.rest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One record's failure, as sObject Collections report it: {@code statusCode, message, fields}. */
final class RowError extends RuntimeException {

  private final String statusCode;
  private final List<String> fields;

  RowError(String statusCode, String message, List<String> fields) {
    super(message);
    this.statusCode = statusCode;
    this.fields = List.copyOf(fields);
  }

  String statusCode() {
    return statusCode;
  }

  List<String> fields() {
    return fields;
  }

  Map<String, Object> toJson() {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("statusCode", statusCode);
    error.put("message", getMessage());
    error.put("fields", fields);
    return error;
  }

  /** The same failure for a single-record call, in the REST error envelope. */
  RestError asRestError() {
    return new RestError(400, statusCode, getMessage(), fields);
  }
}
