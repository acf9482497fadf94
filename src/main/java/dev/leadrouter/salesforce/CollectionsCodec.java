package dev.leadrouter.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON of sObject Collections ({@code /composite/sobjects}): records in, {@code
 * {"allOrNone":false,"records":[{"attributes":{"type":...},"id":...,...}]}} out, and the answer's
 * array read back into one {@link SaveResult} per record.
 */
final class CollectionsCodec {

  private final ObjectMapper json;

  CollectionsCodec(ObjectMapper json) {
    this.json = json;
  }

  /** One record as Collections want it; the id, when needed, from {@code Id} or {@code id}. */
  ObjectNode record(String sObject, Map<String, Object> fields, boolean withId) {
    ObjectNode node = json.createObjectNode();
    node.putObject("attributes").put("type", sObject);
    if (withId) {
      Object id = fields.containsKey("Id") ? fields.get("Id") : fields.get("id");
      if (id == null) {
        throw new IllegalArgumentException("a record to update has no Id: " + fields.keySet());
      }
      node.put("id", id.toString());
    }
    fields.forEach(
        (field, value) -> {
          if (!field.equalsIgnoreCase("id") && !field.equals("attributes")) {
            node.set(field, json.valueToTree(value));
          }
        });
    return node;
  }

  /**
   * The request body. allOrNone is false so that one bad record does not hold back the others; each
   * failure comes back as its own result.
   */
  ObjectNode request(List<JsonNode> records) {
    ObjectNode body = json.createObjectNode();
    body.put("allOrNone", false);
    body.putArray("records").addAll(records);
    return body;
  }

  /** The results, in request order; anything but an array yields none. */
  static List<SaveResult> results(JsonNode answer) {
    List<SaveResult> results = new ArrayList<>();
    if (!answer.isArray()) {
      return results;
    }
    for (JsonNode result : answer) {
      String id = result.path("id").asText("");
      results.add(
          new SaveResult(
              id.isEmpty() ? Optional.empty() : Optional.of(id),
              result.path("success").asBoolean(false),
              ErrorEnvelope.errors(result.path("errors"))));
    }
    return results;
  }
}
