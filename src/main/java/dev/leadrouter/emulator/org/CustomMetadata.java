package dev.leadrouter.emulator.org;

import dev.leadrouter.lead.SalesforceId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Custom Metadata records of any {@code X__mdt} type the seed brings, e.g. {@code
 * Routing_Rule__mdt}: free-form field maps, readable by SOQL like any sObject but never written
 * through the API (an org changes them only by a metadata deploy). Each record gets the standard
 * fields Id, DeveloperName, MasterLabel, Label, QualifiedApiName, NamespacePrefix and Language,
 * filled from DeveloperName when the seed leaves them out.
 */
public final class CustomMetadata {

  private static final List<String> STANDARD_FIELDS =
      List.of(
          "Id",
          "DeveloperName",
          "MasterLabel",
          "Label",
          "QualifiedApiName",
          "NamespacePrefix",
          "Language");

  /** One type: its API name as seeded, its known fields and its records in seed order. */
  public record Type(String apiName, Set<String> fields, List<Map<String, Object>> records) {}

  private final Map<String, Type> types = new LinkedHashMap<>();

  synchronized void add(String apiName, Map<String, Object> values) {
    if (!apiName.toLowerCase(Locale.ROOT).endsWith("__mdt")) {
      throw new IllegalArgumentException(
          "custom_metadata type " + apiName + " must end in __mdt, as Custom Metadata types do");
    }
    if (!(values.get("DeveloperName") instanceof String developerName)) {
      throw new IllegalArgumentException("a " + apiName + " record has no DeveloperName");
    }
    Type type =
        types.computeIfAbsent(
            apiName.toLowerCase(Locale.ROOT),
            key -> new Type(apiName, new LinkedHashSet<>(STANDARD_FIELDS), new ArrayList<>()));
    Map<String, Object> record = new LinkedHashMap<>();
    // Custom Metadata record ids start with m plus two characters per type, e.g. m005w000000XyZ.
    String prefix = "m0" + Character.forDigit(types.size() % 36, 36);
    String fifteen = prefix + "Em" + String.format(Locale.ROOT, "%010d", type.records().size() + 1);
    record.put("Id", new SalesforceId(fifteen).value());
    record.put("DeveloperName", developerName);
    record.put("MasterLabel", developerName.replace('_', ' '));
    record.put("Label", developerName.replace('_', ' '));
    record.put("QualifiedApiName", developerName);
    record.put("NamespacePrefix", null);
    record.put("Language", "en_US");
    record.putAll(values);
    type.fields().addAll(values.keySet());
    type.records().add(record);
  }

  /**
   * Serves these records as all records of their type, in place of the seed's: e.g. the records of
   * an SFDX project's {@code customMetadata} folder, as a deploy would leave them.
   *
   * @param fields the type's custom fields, so that they can be queried even when no record has
   *     them (a deployed type has its fields whether or not it has records)
   * @param records field maps, each with its DeveloperName (and MasterLabel, when not derived)
   */
  public synchronized void replace(
      String apiName, Collection<String> fields, List<Map<String, Object>> records) {
    if (!apiName.toLowerCase(Locale.ROOT).endsWith("__mdt")) {
      throw new IllegalArgumentException(apiName + " is not a Custom Metadata type (__mdt)");
    }
    Type type = new Type(apiName, new LinkedHashSet<>(STANDARD_FIELDS), new ArrayList<>());
    type.fields().addAll(fields);
    types.put(apiName.toLowerCase(Locale.ROOT), type);
    for (Map<String, Object> record : records) {
      add(apiName, record);
    }
  }

  /** The type with this API name, matched case-insensitively as Salesforce does. */
  public synchronized Optional<Type> type(String apiName) {
    return Optional.ofNullable(types.get(apiName.toLowerCase(Locale.ROOT)))
        .map(t -> new Type(t.apiName(), Set.copyOf(t.fields()), copies(t.records())));
  }

  private static List<Map<String, Object>> copies(List<Map<String, Object>> records) {
    return records.stream().map(r -> (Map<String, Object>) new LinkedHashMap<>(r)).toList();
  }
}
