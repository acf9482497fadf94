package dev.leadrouter.emulator.rest;

import dev.leadrouter.emulator.cdc.ChangeEvents;
import dev.leadrouter.emulator.faults.Faults;
import dev.leadrouter.emulator.org.Org;
import dev.leadrouter.emulator.org.RecordChange;
import dev.leadrouter.emulator.org.SObjectType;
import dev.leadrouter.lead.SalesforceId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The org's DML as one REST call or Bulk batch performs it: checks ids and references as Salesforce
 * does, runs the active lead assignment rule unless the caller said {@code Sforce-Auto-Assign:
 * FALSE}, and publishes a change event for every record written, all in one transaction.
 */
final class Writes {

  private final Org org;
  private final ChangeEvents events;
  private final Faults faults;

  Writes(Org org, ChangeEvents events, Faults faults) {
    this.org = org;
    this.events = events;
    this.faults = faults;
  }

  Transaction begin(Call call) {
    return new Transaction(
        call.session().userId(),
        call.autoAssign(),
        events.restTransaction(call.session().userId(), call.client()));
  }

  /** The writes of one Bulk API 1.0 batch: one transaction, its events' origin the Bulk API's. */
  Transaction beginBulk(Call call) {
    return new Transaction(
        call.session().userId(),
        call.autoAssign(),
        events.bulkTransaction(call.session().userId(), call.version(), call.client()));
  }

  /**
   * An edit a user saves in the org's UI: no API origin, and the assignment rule does not run (the
   * edit page's "Assign using active assignment rule" box is unchecked by default).
   */
  Transaction beginUi(String userId) {
    return new Transaction(userId, false, events.uiTransaction(userId));
  }

  /**
   * The writes of one call. Each write and its event happen under the Writes lock, so events are
   * published in commit order, as an org's stream is.
   */
  final class Transaction {
    private final String userId;
    private final boolean autoAssign;
    private final ChangeEvents.Transaction cdc;

    private Transaction(String userId, boolean autoAssign, ChangeEvents.Transaction cdc) {
      this.userId = userId;
      this.autoAssign = autoAssign;
      this.cdc = cdc;
    }

    RecordChange create(SObjectType type, Map<String, Object> values) {
      Map<String, Object> fields = assigned(type, values);
      checkReferences(fields);
      synchronized (Writes.this) {
        RecordChange change = org.data().insert(type, fields, userId);
        cdc.created(change);
        return change;
      }
    }

    RecordChange update(SObjectType type, String rawId, Map<String, Object> values) {
      String id = existingId(type, rawId);
      Map<String, Object> fields = assigned(type, values);
      checkReferences(fields);
      lock(id);
      synchronized (Writes.this) {
        RecordChange change =
            org.data().update(type, id, fields, userId).orElseThrow(() -> deleted());
        cdc.updated(change);
        return change;
      }
    }

    RecordChange delete(SObjectType type, String rawId) {
      String id = existingId(type, rawId);
      lock(id);
      synchronized (Writes.this) {
        RecordChange change = org.data().delete(type, id).orElseThrow(() -> deleted());
        cdc.deleted(change);
        return change;
      }
    }

    /** With the lead assignment rule's owner, when the rule runs for this call. */
    private Map<String, Object> assigned(SObjectType type, Map<String, Object> values) {
      Map<String, Object> fields = new LinkedHashMap<>(values);
      if (type == SObjectType.LEAD && autoAssign) {
        org.leadAssignmentOwner().ifPresent(queue -> fields.put("OwnerId", queue));
      }
      return fields;
    }
  }

  /**
   * UNABLE_TO_LOCK_ROW when the fault plan says another transaction holds the row, with the text an
   * org reports per record ("unable to obtain exclusive access to this record or 1 records: <id>",
   * https://developer.salesforce.com/docs/atlas.en-us.api.meta/api/sforce_api_calls_concepts_core_data_objects.htm
   * lists UNABLE_TO_LOCK_ROW among the StatusCodes).
   */
  private void lock(String id) {
    if (faults.lockRow()) {
      throw new RowError(
          "UNABLE_TO_LOCK_ROW",
          "unable to obtain exclusive access to this record or 1 records: " + id,
          List.of());
    }
  }

  /** The 18-character id of an existing record of the type. */
  String existingId(SObjectType type, String rawId) {
    String id =
        SalesforceId.parse(rawId)
            .filter(parsed -> parsed.keyPrefix().equals(type.keyPrefix()))
            .map(SalesforceId::value)
            .orElseThrow(
                () -> new RowError("MALFORMED_ID", "malformed id " + rawId, List.of("Id")));
    if (org.data().find(type, id).isEmpty()) {
      throw deleted();
    }
    return id;
  }

  /** INVALID_CROSS_REFERENCE_KEY when OwnerId names no user or queue. */
  void checkReferences(Map<String, Object> fields) {
    fields.forEach(
        (field, value) -> {
          if (field.equalsIgnoreCase("OwnerId") && !ownerExists(value)) {
            throw new RowError(
                "INVALID_CROSS_REFERENCE_KEY", "invalid cross reference id", List.of("OwnerId"));
          }
        });
  }

  private boolean ownerExists(Object value) {
    return value instanceof String text
        && SalesforceId.parse(text)
            .filter(id -> id.isUser() || id.isQueue())
            .flatMap(
                id ->
                    org.data().find(id.isUser() ? SObjectType.USER : SObjectType.GROUP, id.value()))
            .isPresent();
  }

  // An id of the right shape that names no record: Salesforce cannot tell "never existed" from
  // "deleted and purged" and reports the latter.
  private static RowError deleted() {
    return new RowError("ENTITY_IS_DELETED", "entity is deleted", List.of());
  }
}
