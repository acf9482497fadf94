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
}
