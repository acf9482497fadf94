package dev.leadrouter.emulator.cdc;

import dev.leadrouter.emulator.org.SObjectType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The body fields of a change event in CometD, per
 * https://developer.salesforce.com/docs/atlas.en-us.change_data_capture.meta/change_data_capture/cdc_event_fields_body.htm:
 * CREATE carries every non-empty field, UPDATE only the changed ones (a field set to null as {@code
 * null}); IsDeleted and SystemModstamp never appear; compound fields are nested objects and
 * DateTimes are ISO text in UTC.
 */
final class EventBody {

  private static final List<String> NEVER_SENT = List.of("Id", "IsDeleted", "SystemModstamp");
  private static final Pattern REST_DATE_TIME =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}\\+0000");

  private final Map<String, Object> fields = new LinkedHashMap<>();
  private final List<String> changedFields;

  private EventBody(List<String> changedFields) {
    this.changedFields = changedFields;
  }

  /** CREATE: every non-empty field; changedFields stays empty. */
  static EventBody created(SObjectType type, Map<String, Object> record) {
    EventBody body = new EventBody(List.of());
    record.forEach(
        (field, value) -> {
          if (value != null && !"".equals(value)) {
            body.put(type, field, value);
          }
        });
    return body;
  }

  /** UPDATE: the changed fields, named in changedFields as {@code Compound.Component}. */
  static EventBody updated(SObjectType type, Map<String, Object> changed) {
    EventBody body = new EventBody(new java.util.ArrayList<>());
    changed.forEach(
        (field, value) -> {
          if (body.put(type, field, value)) {
            Optional<CompoundField> compound = CompoundField.of(type, field);
            body.changedFields.add(
                compound.map(c -> c.name() + "." + c.components().get(field)).orElse(field));
          }
        });
    return body;
  }

  Map<String, Object> fields() {
    return fields;
  }

  List<String> changedFields() {
    return List.copyOf(changedFields);
  }

  @SuppressWarnings("unchecked")
  private boolean put(SObjectType type, String field, Object value) {
    if (NEVER_SENT.contains(field) || CompoundField.hides(type, field)) {
      return false;
    }
    Object sent = isoDateTime(value);
    Optional<CompoundField> compound = CompoundField.of(type, field);
    if (compound.isPresent()) {
      Map<String, Object> nested =
          (Map<String, Object>)
              fields.computeIfAbsent(compound.get().name(), ignored -> new LinkedHashMap<>());
      nested.put(compound.get().components().get(field), sent);
    } else {
      fields.put(field, sent);
    }
    return true;
  }

  /** The REST form {@code …40.000+0000} becomes the form events use, {@code …40.000Z}. */
  private static Object isoDateTime(Object value) {
    if (value instanceof String text && REST_DATE_TIME.matcher(text).matches()) {
      return text.substring(0, text.length() - 5) + "Z";
    }
    return value;
  }
}
