package dev.leadrouter.emulator.rest;

import dev.leadrouter.emulator.org.Org;
import dev.leadrouter.emulator.org.SObjectType;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Child-to-parent fields in a SELECT, such as {@code Owner.IsActive} on Lead or {@code
 * Account.Name} on Contact: the relationship name is the lookup field without its {@code Id}
 * suffix, and the record shows the parent as a nested object with its own {@code attributes}, or
 * {@code null} when the lookup is empty, as
 * https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_soql_relationships_query_using.htm
 * shows. A polymorphic lookup (a Lead's owner may be a user or a queue) names the parent's type
 * from its id; a field the parent type lacks is null, as for Salesforce's {@code Name} entity.
 */
final class ParentFields {

  private ParentFields() {}

  /** Checks that {@code dotted} names a lookup of {@code type}; INVALID_FIELD otherwise. */
  static void validate(Org org, SObjectType type, String dotted) {
    String relationship = dotted.substring(0, dotted.indexOf('.'));
    if (org.data().field(type, relationship + "Id").isEmpty()
        || dotted.indexOf('.') != dotted.lastIndexOf('.')) {
      throw Records.invalidField(type.apiName(), dotted);
    }
  }

  /** The record as the REST API shows it, parents nested, fields in the order asked for. */
  static Map<String, Object> view(
      Org org, Call call, SObjectType type, Map<String, Object> record, List<String> columns) {
    Map<String, Object> view =
        Records.view(call, type, record, columns.stream().filter(c -> !c.contains(".")).toList());
    for (String column : columns) {
      int dot = column.indexOf('.');
      if (dot < 0) {
        continue;
      }
      String relationship = column.substring(0, dot);
      String lookup = org.data().field(type, relationship + "Id").orElseThrow();
      Object parentId = record.get(lookup);
      Optional<Map<String, Object>> parent = parent(org, parentId);
      if (parent.isEmpty()) {
        view.put(relationship, null);
        continue;
      }
      SObjectType parentType = typeOf((String) parentId).orElseThrow();
      @SuppressWarnings("unchecked")
      Map<String, Object> nested =
          view.get(relationship) instanceof Map<?, ?> existing
              ? (Map<String, Object>) existing
              : Records.view(call, parentType, parent.get(), List.of());
      String field = column.substring(dot + 1);
      String name = org.data().field(parentType, field).orElse(field);
      nested.put(name, parent.get().get(name));
      view.put(relationship, nested);
    }
    return view;
  }

  private static Optional<Map<String, Object>> parent(Org org, Object id) {
    if (!(id instanceof String text) || text.length() < 3) {
      return Optional.empty();
    }
    return typeOf(text).flatMap(type -> org.data().find(type, text));
  }

  private static Optional<SObjectType> typeOf(String id) {
    return Arrays.stream(SObjectType.values())
        .filter(type -> id.startsWith(type.keyPrefix()))
        .findFirst();
  }
}
