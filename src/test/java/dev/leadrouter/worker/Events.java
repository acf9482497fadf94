package dev.leadrouter.worker;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Lead change events as Salesforce sends them, for events a test makes up. */
final class Events {

  private Events() {}

  static Map<String, Object> leadCreated(List<String> recordIds, String company) {
    Map<String, Object> header = new LinkedHashMap<>();
    header.put("entityName", "Lead");
    header.put("recordIds", recordIds);
    header.put("changeType", "CREATE");
    header.put("changeOrigin", "com/salesforce/api/rest/62.0");
    header.put("transactionKey", "0001a2b3-test");
    header.put("sequenceNumber", 1);
    header.put("commitTimestamp", 1_764_000_000_000L);
    header.put("commitNumber", 1L);
    header.put("commitUser", "005Wk0000000001");
    header.put("changedFields", List.of());
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("ChangeEventHeader", header);
    payload.put("LastName", "Made Up");
    payload.put("Company", company);
    return Map.of("schema", "test-schema", "payload", payload);
  }

  /** A gap event on the account channel: Salesforce names the account but sends no values. */
  static Map<String, Object> accountGap(String accountId) {
    Map<String, Object> header = new LinkedHashMap<>();
    header.put("entityName", "Account");
    header.put("recordIds", List.of(accountId));
    header.put("changeType", "GAP_UPDATE");
    header.put("changeOrigin", "");
    header.put("transactionKey", "0001a2b3-gap");
    header.put("sequenceNumber", 1);
    header.put("commitTimestamp", 1_764_000_000_000L);
    header.put("commitNumber", 2L);
    header.put("commitUser", "005Wk0000000001");
    header.put("changedFields", List.of());
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("ChangeEventHeader", header);
    return Map.of("schema", "test-schema", "payload", payload);
  }

  /**
   * A gap event for created leads: Salesforce names the leads but sends no values, so the worker
   * must read them again.
   */
  static Map<String, Object> leadGapCreated(List<String> recordIds) {
    Map<String, Object> event = leadCreated(recordIds, "ignored");
    @SuppressWarnings("unchecked")
    Map<String, Object> payload = (Map<String, Object>) event.get("payload");
    @SuppressWarnings("unchecked")
    Map<String, Object> header = (Map<String, Object>) payload.get("ChangeEventHeader");
    header.put("changeType", "GAP_CREATE");
    payload.remove("LastName");
    payload.remove("Company");
    return event;
  }
}
