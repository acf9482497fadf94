package dev.leadrouter.emulator.rest;

import dev.leadrouter.emulator.org.Org;
import dev.leadrouter.emulator.org.RecordChange;
import dev.leadrouter.emulator.org.SObjectType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code sobjects/<type>[/<id>]}: read, create, update and delete one record
 * (https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_sobject_retrieve.htm).
 * An id that is not an id of the type reads as an external id lookup in an org, hence NOT_FOUND.
 */
final class SObjectResource {

  private final Org org;
  private final Writes writes;

  SObjectResource(Org org, Writes writes) {
    this.org = org;
    this.writes = writes;
  }

  Reply get(Call call, String typeName, String rawId) {
    SObjectType type = Records.type(typeName);
    Map<String, Object> record =
        org.data().find(type, id(type, rawId)).orElseThrow(RestError::notFound);
    return Reply.ok(Records.view(call, type, record, new ArrayList<>(record.keySet())));
  }

  Reply create(Call call, String typeName, Map<String, Object> body) {
    SObjectType type = Records.type(typeName);
    Map<String, Object> values = fields(type, body);
    try {
      RecordChange change = writes.begin(call).create(type, values);
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("id", change.id());
      result.put("success", true);
      result.put("errors", List.of());
      return new Reply(201, result);
    } catch (RowError e) {
      throw e.asRestError();
    }
  }

  Reply update(Call call, String typeName, String rawId, Map<String, Object> body) {
    SObjectType type = Records.type(typeName);
    String id = id(type, rawId);
    Map<String, Object> values = fields(type, body);
    try {
      writes.begin(call).update(type, id, values);
      return Reply.noContent();
    } catch (RowError e) {
      throw e.asRestError();
    }
  }

  Reply delete(Call call, String typeName, String rawId) {
    SObjectType type = Records.type(typeName);
    writes.begin(call).delete(type, id(type, rawId));
    return Reply.noContent();
  }

  /** Fields of a request body, named as the org spells them; INVALID_FIELD for unknown ones. */
  Map<String, Object> fields(SObjectType type, Map<String, Object> body) {
    Map<String, Object> values = new LinkedHashMap<>();
    body.forEach(
        (name, value) -> {
          if (!name.equals("attributes") && !name.equalsIgnoreCase("id")) {
            values.put(Records.field(org, type, name), value);
          }
        });
    return values;
  }

  private String id(SObjectType type, String rawId) {
    try {
      return writes.existingId(type, rawId);
    } catch (RowError e) {
      if (e.statusCode().equals("MALFORMED_ID")) {
        throw new RestError(
            404,
            "NOT_FOUND",
            "Provided external ID field does not exist or is not accessible: " + rawId);
      }
      throw RestError.notFound();
    }
  }
}
