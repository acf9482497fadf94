package dev.leadrouter.rules;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One Custom Metadata record, as an SFDX {@code .md-meta.xml} file or a SOQL row holds it.
 *
 * @param type the type's API name, e.g. {@code Routing_Rule__mdt}
 * @param developerName the record's API name, unique within its type
 * @param label the record's label (MasterLabel)
 * @param values custom field values by API name: {@link String}, {@link BigDecimal}, {@link
 *     Boolean} or {@code null}
 */
public record MetadataRecord(
    String type, String developerName, String label, Map<String, Object> values) {

  public MetadataRecord {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(developerName, "developerName");
    label = label == null ? developerName : label;
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  /** How problems name the record: {@code Routing_Rule__mdt.Enterprise_Team}. */
  public String qualifiedName() {
    return type + "." + developerName;
  }

  String text(String field) {
    Object value = values.get(field);
    if (value == null) {
      return null;
    }
    String text =
        value instanceof BigDecimal number
            ? number.stripTrailingZeros().toPlainString()
            : value.toString();
    return text.isBlank() ? null : text.trim();
  }

  Boolean flag(String field) {
    Object value = values.get(field);
    if (value instanceof Boolean bool) {
      return bool;
    }
    return value == null ? null : Boolean.parseBoolean(value.toString().trim());
  }

  BigDecimal number(String field) {
    Object value = values.get(field);
    if (value instanceof BigDecimal number) {
      return number;
    }
    if (value instanceof Number number) {
      return new BigDecimal(number.toString());
    }
    String text = text(field);
    return text == null ? null : new BigDecimal(text);
  }
}
