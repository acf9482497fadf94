package dev.leadrouter.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.leadrouter.engine.LeadInput;
import dev.leadrouter.lead.Lead;
import dev.leadrouter.lead.SalesforceId;
import dev.leadrouter.route.AccountMatch;
import dev.leadrouter.route.DuplicateMatch;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads leads from JSON or YAML files. A lead is either {@code {id, fields: {...}, account,
 * duplicate}} or a flat record as Salesforce's REST API returns it ({@code {"attributes": ...,
 * "Id": ..., "Company": ...}}), with compound fields such as {@code Address} flattened.
 */
final class LeadDocuments {

  private static final Set<String> NOT_FIELDS =
      Set.of("id", "attributes", "account", "duplicate", "fields");

  private final ObjectMapper mapper = new ObjectMapper(new YAMLFactory());

  JsonNode readTree(Path file) {
    try {
      JsonNode tree = mapper.readTree(file.toFile());
      if (tree == null || tree.isMissingNode()) {
        throw new InputException(file + " is empty");
      }
      return tree;
    } catch (IOException unreadable) {
      throw new InputException(
          "cannot read " + file + ": " + firstLine(unreadable.getMessage()), unreadable);
    }
  }

  /** One lead from a file holding one lead. */
  LeadInput readOne(Path file) {
    JsonNode tree = readTree(file);
    if (!tree.isObject()) {
      throw new InputException(file + " should hold one lead as an object");
    }
    return toInput(tree, file.toString());
  }

  /** Every lead from a file holding a list of leads (or {@code leads: [...]}). */
  List<LeadInput> readMany(Path file) {
    JsonNode tree = readTree(file);
    JsonNode list = tree.has("leads") ? tree.get("leads") : tree;
    if (!list.isArray()) {
      throw new InputException(file + " should hold a list of leads");
    }
    List<LeadInput> leads = new ArrayList<>();
    int index = 0;
    for (JsonNode node : list) {
      index++;
      leads.add(toInput(node, file + " lead #" + index));
    }
    return leads;
  }

  LeadInput toInput(JsonNode node, String where) {
    if (!node.isObject()) {
      throw new InputException(where + ": a lead must be an object");
    }
    String id = text(node.has("id") ? node.get("id") : node.get("Id"));
    Map<String, String> fields = new LinkedHashMap<>();
    JsonNode source = node.has("fields") ? node.get("fields") : node;
    Iterator<Map.Entry<String, JsonNode>> entries = source.fields();
    while (entries.hasNext()) {
      Map.Entry<String, JsonNode> entry = entries.next();
      if (source == node
          && NOT_FIELDS.contains(entry.getKey().toLowerCase(java.util.Locale.ROOT))) {
        continue;
      }
      addField(fields, entry.getKey(), entry.getValue());
    }
    return new LeadInput(
        new Lead(id, fields),
        account(node.get("account"), where),
        duplicate(node.get("duplicate"), where));
  }

  private static void addField(Map<String, String> fields, String name, JsonNode value) {
    if (value == null || value.isNull() || value.isMissingNode()) {
      return;
    }
    if (value.isObject()) {
      // Compound fields (Address, Name) arrive nested; their components are fields of their own.
      value
          .fields()
          .forEachRemaining(part -> fields.putIfAbsent(part.getKey(), text(part.getValue())));
      return;
    }
    if (value.isArray()) {
      List<String> parts = new ArrayList<>();
      value.forEach(v -> parts.add(text(v)));
      fields.put(name, String.join(";", parts));
      return;
    }
    fields.put(name, text(value));
  }

  private static AccountMatch account(JsonNode node, String where) {
    if (node == null || node.isNull()) {
      return null;
    }
    return new AccountMatch(
        id(node.get("id"), where + " account.id"),
        text(node.get("name")),
        id(node.get("ownerId"), where + " account.ownerId"),
        !node.has("ownerActive") || node.get("ownerActive").asBoolean(),
        text(node.get("type")),
        node.has("confidence") ? node.get("confidence").asDouble() : 1.0,
        node.has("method") ? text(node.get("method")) : "given");
  }

  private static DuplicateMatch duplicate(JsonNode node, String where) {
    if (node == null || node.isNull()) {
      return null;
    }
    return new DuplicateMatch(
        id(node.get("id"), where + " duplicate.id"),
        id(node.get("ownerId"), where + " duplicate.ownerId"),
        !node.has("ownerActive") || node.get("ownerActive").asBoolean());
  }

  private static SalesforceId id(JsonNode node, String where) {
    String text = text(node);
    if (text == null) {
      return null;
    }
    return SalesforceId.parse(text)
        .orElseThrow(() -> new InputException(where + ": '" + text + "' is not a Salesforce id"));
  }

  private static String text(JsonNode node) {
    return node == null || node.isNull() || node.isMissingNode() ? null : node.asText();
  }

  static String firstLine(String message) {
    if (message == null) {
      return "unknown error";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
