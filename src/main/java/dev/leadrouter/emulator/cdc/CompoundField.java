package dev.leadrouter.emulator.cdc;

import dev.leadrouter.emulator.org.SObjectType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A compound field as change events carry it: a nested object ({@code "Name":{"FirstName":…}})
 * built from record fields, whose component names may differ from the fields ({@code BillingStreet}
 * is {@code BillingAddress.Street}). See
 * https://developer.salesforce.com/docs/atlas.en-us.change_data_capture.meta/change_data_capture/cdc_field_conversion_compound.htm
 *
 * @param components record field name to component name, in the event's order
 */
record CompoundField(String name, Map<String, String> components) {

  private static final List<String> NAME = List.of("Salutation", "FirstName", "LastName");
  private static final List<String> ADDRESS =
      List.of("Street", "City", "State", "PostalCode", "Country", "StateCode", "CountryCode");

  /** The compound a record field belongs to, if any. */
  static Optional<CompoundField> of(SObjectType type, String field) {
    return of(type).stream().filter(c -> c.components.containsKey(field)).findFirst();
  }

  /** A compound whose name is also a derived field of the record (Lead.Name) hides that field. */
  static boolean hides(SObjectType type, String field) {
    return of(type).stream().anyMatch(c -> c.name.equals(field));
  }

  private static List<CompoundField> of(SObjectType type) {
    return switch (type) {
      case LEAD -> List.of(same("Name", NAME), same("Address", ADDRESS));
      case CONTACT, USER -> List.of(same("Name", NAME));
      case ACCOUNT -> List.of(prefixed("BillingAddress", "Billing"));
      default -> List.of();
    };
  }

  private static CompoundField same(String name, List<String> fields) {
    Map<String, String> components = new LinkedHashMap<>();
    fields.forEach(f -> components.put(f, f));
    return new CompoundField(name, components);
  }

  private static CompoundField prefixed(String name, String prefix) {
    Map<String, String> components = new LinkedHashMap<>();
    ADDRESS.forEach(f -> components.put(prefix + f, f));
    return new CompoundField(name, components);
  }
}
