package dev.leadrouter.salesforce;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome for one record of an sObject Collections write, in request order. Salesforce answers
 * HTTP 200 even when records fail, so every caller must look at each result.
 *
 * @param id the record's id; empty when Salesforce gave none (a failed create, a malformed id)
 * @param success whether the record was saved
 * @param errors why it was not; empty on success
 */
public record SaveResult(Optional<String> id, boolean success, List<SalesforceError> errors) {

  public SaveResult {
    Objects.requireNonNull(id, "id");
    errors = List.copyOf(errors);
  }

  /** What to do about a failed record; empty when it was saved. */
  public Optional<ErrorKind> failureKind() {
    return success ? Optional.empty() : Optional.of(ErrorKind.of(200, errors));
  }
}
