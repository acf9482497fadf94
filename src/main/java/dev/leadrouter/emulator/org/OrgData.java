package dev.leadrouter.emulator.org;

import dev.leadrouter.lead.SalesforceId;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The emulated org's records: per sObject type, records in creation order, each an ordered map of
 * field name to a JSON-compatible value. Ids carry the type's key prefix and the 18-character
 * checksum; the org stamps CreatedDate, LastModifiedDate and SystemModstamp from its clock. All
 * methods are atomic (one lock: an org this size never needs finer), and hand out copies.
 */
public final class OrgData {

  /** Salesforce's REST DateTime format, always in UTC: {@code 2024-04-26T17:49:40.000+0000}. */
  public static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  private final Clock clock;
  private final Map<SObjectType, Map<String, Map<String, Object>>> records =
      new EnumMap<>(SObjectType.class);
  private final Map<SObjectType, Set<String>> fields = new EnumMap<>(SObjectType.class);
  private final Map<SObjectType, Long> issued = new EnumMap<>(SObjectType.class);

  public OrgData(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    for (SObjectType type : SObjectType.values()) {
      records.put(type, new LinkedHashMap<>());
      Set<String> known = new LinkedHashSet<>(SObjectType.SYSTEM_FIELDS);
      known.addAll(type.standardFields());
      fields.put(type, known);
    }
  }

  /** Lets records of this type carry a field beyond the standard ones, as a custom field does. */
  public synchronized void defineField(SObjectType type, String field) {
    fields.get(type).add(field);
  }

  /** Whether the type has this field; Salesforce matches field names case-insensitively. */
  public synchronized Optional<String> field(SObjectType type, String name) {
    return fields.get(type).stream().filter(f -> f.equalsIgnoreCase(name)).findFirst();
  }

  /**
   * Creates a record with a new id.
   *
   * @param values field values; system fields other than OwnerId are ignored, as the org sets them
   * @param userId the acting user, recorded as creator and owner unless OwnerId is given
   * @throws UnknownFieldException when a field is not one of the type's
   */
  public synchronized RecordChange insert(
      SObjectType type, Map<String, Object> values, String userId) {
    Map<String, Object> canonical = canonical(type, values);
    String id = newId(type);
    String now = now();
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("Id", id);
    canonical.forEach(
        (field, value) -> {
          if (!SObjectType.SYSTEM_FIELDS.contains(field) || field.equals("OwnerId")) {
            record.put(field, value);
          }
        });
    record.putIfAbsent("OwnerId", userId);
    record.put("CreatedDate", now);
    record.put("CreatedById", userId);
    record.put("LastModifiedDate", now);
    record.put("LastModifiedById", userId);
    record.put("SystemModstamp", now);
    derive(type, record);
    records.get(type).put(id, record);
    return new RecordChange(type, id, record, record);
  }

  /** Loads a seed record as it is, keeping its Id if it has one; its fields become known. */
  synchronized String seed(SObjectType type, Map<String, Object> values) {
    values.keySet().forEach(field -> fields.get(type).add(field));
    String id =
        Optional.ofNullable((String) values.get("Id"))
            .map(given -> new SalesforceId(given).value())
            .orElseGet(() -> newId(type));
    String now = now();
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("Id", id);
    record.putAll(values);
    record.put("Id", id);
    record.putIfAbsent("CreatedDate", now);
    record.putIfAbsent("LastModifiedDate", now);
    record.putIfAbsent("SystemModstamp", now);
    derive(type, record);
    records.get(type).put(id, record);
    return id;
  }

  /**
   * Changes fields of a record; LastModifiedDate and SystemModstamp move even when no value did, as
   * in an org.
   *
   * @return the change, or empty when there is no such record
   * @throws UnknownFieldException when a field is not one of the type's
   */
  public synchronized Optional<RecordChange> update(
      SObjectType type, String id, Map<String, Object> values, String userId) {
    Map<String, Object> canonical = canonical(type, values);
    Map<String, Object> record = records.get(type).get(id);
    if (record == null) {
      return Optional.empty();
    }
    Map<String, Object> changed = new LinkedHashMap<>();
    canonical.forEach(
        (field, value) -> {
          boolean settable = !SObjectType.SYSTEM_FIELDS.contains(field) || field.equals("OwnerId");
          if (settable && !Objects.equals(record.get(field), value)) {
            record.put(field, value);
            changed.put(field, value);
          }
        });
    String now = now();
    if (!Objects.equals(record.get("LastModifiedById"), userId)) {
      record.put("LastModifiedById", userId);
      changed.put("LastModifiedById", userId);
    }
    record.put("LastModifiedDate", now);
    changed.put("LastModifiedDate", now);
    record.put("SystemModstamp", now);
    derive(type, record);
    return Optional.of(new RecordChange(type, id, record, changed));
  }

  /** Deletes a record; the change holds its last state and no changed fields. */
  public synchronized Optional<RecordChange> delete(SObjectType type, String id) {
    Map<String, Object> removed = records.get(type).remove(id);
    return Optional.ofNullable(removed).map(r -> new RecordChange(type, id, r, Map.of()));
  }

  /** A copy of the record with this 18-character id. */
  public synchronized Optional<Map<String, Object>> find(SObjectType type, String id) {
    return Optional.ofNullable(records.get(type).get(id)).map(LinkedHashMap::new);
  }

  /** Copies of every record of the type, oldest first. */
  public synchronized List<Map<String, Object>> all(SObjectType type) {
    List<Map<String, Object>> copies = new ArrayList<>();
    records.get(type).values().forEach(r -> copies.add(new LinkedHashMap<>(r)));
    return copies;
  }

  /** The id of the record whose {@code field} equals {@code value}, e.g. a user by Username. */
  public synchronized Optional<String> idWhere(SObjectType type, String field, Object value) {
    return records.get(type).values().stream()
        .filter(r -> Objects.equals(r.get(field), value))
        .map(r -> (String) r.get("Id"))
        .findFirst();
  }

  private Map<String, Object> canonical(SObjectType type, Map<String, Object> values) {
    Map<String, Object> canonical = new LinkedHashMap<>();
    values.forEach(
        (name, value) ->
            canonical.put(
                field(type, name).orElseThrow(() -> new UnknownFieldException(type, name)), value));
    return canonical;
  }

  /** Fields the org computes: a person's Name is "FirstName LastName". */
  private static void derive(SObjectType type, Map<String, Object> record) {
    if (type == SObjectType.LEAD) {
      // An org never leaves the checkbox empty: a new lead is unconverted.
      record.putIfAbsent("IsConverted", false);
    }
    if (type.hasPersonName()) {
      String name =
          Stream.of(record.get("FirstName"), record.get("LastName"))
              .filter(part -> part != null && !part.toString().isBlank())
              .map(Object::toString)
              .collect(Collectors.joining(" "));
      record.put("Name", name.isEmpty() ? null : name);
    }
  }

  private String newId(SObjectType type) {
    long number = issued.merge(type, 1L, Long::sum);
    // 3 prefix + 2 fixed ("Em", for emulator: upper and lower case exercise the checksum) + 10.
    String fifteen = type.keyPrefix() + "Em" + String.format(Locale.ROOT, "%010d", number);
    return new SalesforceId(fifteen).value();
  }

  private String now() {
    return DATE_TIME.format(clock.instant());
  }
}
