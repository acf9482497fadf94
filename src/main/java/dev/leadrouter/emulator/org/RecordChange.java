package dev.leadrouter.emulator.org;

import java.util.Map;

/**
 * What one write did to a record: the record as it now is, and the fields whose value changed
 * (system fields included), in the order the record holds them. A create reports every field.
 */
public record RecordChange(
    SObjectType type, String id, Map<String, Object> record, Map<String, Object> changed) {

  public RecordChange {
    record = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(record));
    changed = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(changed));
  }
}
