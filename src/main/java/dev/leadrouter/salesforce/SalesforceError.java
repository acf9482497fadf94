package dev.leadrouter.salesforce;

import java.util.List;
import java.util.Objects;

/**
 * One error Salesforce reported, from a REST error envelope ({@code errorCode}) or a per-record
 * result of sObject Collections ({@code statusCode}).
 *
 * @param code the Salesforce code, e.g. {@code UNABLE_TO_LOCK_ROW}; never null, may be empty
 * @param message the text Salesforce gave
 * @param fields the fields the error is about, if any
 */
public record SalesforceError(String code, String message, List<String> fields) {

  public SalesforceError {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
    fields = List.copyOf(fields);
  }

  @Override
  public String toString() {
    return fields.isEmpty() ? code + ": " + message : code + ": " + message + " " + fields;
  }
}
