package dev.leadrouter.capture;

import java.time.Instant;
import java.util.List;

/**
 * The {@code ChangeEventHeader} of a change event, as documented in Salesforce's "Change Event
 * Header Fields".
 *
 * @param recordIds usually one id; several when Salesforce merged identical changes in one
 *     transaction, a wildcard such as {@code 001*} for some field type conversions, and the empty
 *     id {@code 000000000000000AAA} for an overflow event. Kept as text for that reason.
 * @param sequenceNumber 1-based order within the transaction
 * @param commitNumber the system change number, for diagnostics only
 */
public record ChangeEventHeader(
    String entityName,
    List<String> recordIds,
    ChangeType changeType,
    ChangeOrigin changeOrigin,
    String transactionKey,
    int sequenceNumber,
    Instant commitTimestamp,
    long commitNumber,
    String commitUser,
    List<String> changedFields) {

  public ChangeEventHeader {
    recordIds = List.copyOf(recordIds);
    changedFields = List.copyOf(changedFields);
  }
}
