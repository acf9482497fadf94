package dev.leadrouter.salesforce;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads Salesforce error lists: the REST envelope {@code [{"message","errorCode","fields"}]} and
 * the {@code errors} array of an sObject Collections result, whose entries use {@code statusCode}.
 * Tolerant: a body that is not an error list (an HTML maintenance page, say) yields no errors, and
 * the HTTP status alone then decides the kind.
 */
final class ErrorEnvelope {

  private final ObjectMapper json;

  ErrorEnvelope(ObjectMapper json) {
    this.json = json;
  }

  /** The errors in a response body; empty when the body is not a JSON error list. */
  List<SalesforceError> parse(String body) {
    if (body == null || body.isBlank()) {
      return List.of();
    }
    try {
      return errors(json.readTree(body));
    } catch (JsonProcessingException notJson) {
      return List.of();
    }
  }

  /** The errors in an already parsed array; anything else yields none. */
  static List<SalesforceError> errors(JsonNode array) {
    if (array == null || !array.isArray()) {
      return List.of();
    }
    List<SalesforceError> errors = new ArrayList<>();
    for (JsonNode node : array) {
      if (!node.isObject()) {
        continue;
      }
      String code = node.path("errorCode").asText(node.path("statusCode").asText(""));
      List<String> fields = new ArrayList<>();
      node.path("fields").forEach(field -> fields.add(field.asText()));
      errors.add(new SalesforceError(code, node.path("message").asText(""), fields));
    }
    return List.copyOf(errors);
  }
}
