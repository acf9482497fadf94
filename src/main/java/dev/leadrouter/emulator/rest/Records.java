package dev.leadrouter.emulator.rest;

import dev.leadrouter.emulator.org.Org;
import dev.leadrouter.emulator.org.SObjectType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Records as the REST API shows them: {@code attributes} first, then the fields asked for. */
final class Records {

  private Records() {}

  static Map<String, Object> view(
      Call call, SObjectType type, Map<String, Object> record, List<String> fields) {
    return view(call, type.apiName(), record, fields);
  }

  static Map<String, Object> view(
      Call call, String apiName, Map<String, Object> record, List<String> fields) {
    Map<String, Object> attributes = new LinkedHashMap<>();
    attributes.put("type", apiName);
    attributes.put("url", call.recordUrl(apiName, (String) record.get("Id")));
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("attributes", attributes);
    fields.forEach(field -> view.put(field, record.get(field)));
    return view;
  }

  static SObjectType type(String name) {
    return SObjectType.named(name)
        .orElseThrow(
            () -> new RestError(404, "NOT_FOUND", "The requested resource does not exist"));
  }

  /** The field's name as the org spells it, or INVALID_FIELD. */
  static String field(Org org, SObjectType type, String name) {
    return org.data().field(type, name).orElseThrow(() -> invalidField(type.apiName(), name));
  }

  static RestError invalidField(String apiName, String name) {
    return new RestError(
        400,
        "INVALID_FIELD",
        "No such column '"
            + name
            + "' on entity '"
            + apiName
            + "'. If you are attempting to use a custom field, be sure to append the"
            + " '__c' after the custom field name. Please reference your WSDL or the"
            + " describe call for the appropriate names.");
  }
}
