package dev.leadrouter.lead;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A Salesforce Lead as the pipeline receives it: its id and its field values by API name.
 *
 * <p>Values are kept as the strings Salesforce sends (numbers, booleans and dates included) because
 * admins write rules against any standard or custom field; the criteria parse them when they
 * compare. Keys are matched case-insensitively; blank values are dropped on the way in.
 */
public record Lead(String id, Map<String, String> fields) implements FieldSource {

  public Lead {
    Objects.requireNonNull(fields, "fields");
    Map<String, String> byLowerName = new LinkedHashMap<>();
    fields.forEach(
        (name, value) -> {
          if (name != null && value != null && !value.isBlank()) {
            byLowerName.put(name.toLowerCase(Locale.ROOT), value);
          }
        });
    fields = Collections.unmodifiableMap(byLowerName);
  }

  public static Lead of(String id, Map<String, String> fields) {
    return new Lead(id, fields);
  }

  @Override
  public String get(String fieldName) {
    return fieldName == null ? null : fields.get(fieldName.toLowerCase(Locale.ROOT));
  }

  /** A copy with one field set (or removed when {@code value} is blank). */
  public Lead with(String fieldName, String value) {
    Map<String, String> copy = new LinkedHashMap<>(fields);
    copy.put(fieldName.toLowerCase(Locale.ROOT), value);
    return new Lead(id, copy);
  }
}
