package dev.leadrouter.lead;

/**
 * Read access to a lead's field values by Salesforce API name, as rule criteria see them.
 *
 * <p>Field names are case-insensitive, as they are in SOQL. A field that is absent or empty reads
 * as {@code null}; callers treat both the same way, like Salesforce's "is blank".
 */
@FunctionalInterface
public interface FieldSource {
  String get(String fieldName);

  /**
   * A field name in the form lookups are fastest with: lower case and interned, so sources can skip
   * case conversion and per-decision caches can compare names by identity. Configuration that names
   * fields converts them once, when it loads.
   */
  static String key(String fieldName) {
    return fieldName == null ? null : fieldName.trim().toLowerCase(java.util.Locale.ROOT).intern();
  }
}
