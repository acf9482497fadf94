package dev.leadrouter.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leadrouter.engine.GoldenCase;
import dev.leadrouter.lead.SalesforceId;
import dev.leadrouter.route.Rep;
import dev.leadrouter.route.RuleSet;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads golden test files:
 *
 * <pre>
 * at: 2026-11-25T15:00:00Z          # when the cases are routed, unless a case says otherwise
 * cases:
 *   - name: Enterprise lead goes to the Enterprise team
 *     at: 2026-11-25T15:00:00Z
 *     openLoads: { Hana Hoffmann: 20 }   # open leads per user (name or id) before routing
 *     lead: { id: 00Q..., fields: { Company: Acme, ... }, account: {...}, duplicate: {...} }
 *     expect: { owner: Alice Archer, rule: Enterprise_Team, reasons: [TEAM_WEIGHTED] }
 * </pre>
 *
 * Use {@code rule: catch-all} to expect that no rule decides.
 */
final class GoldenFiles {

  private static final Set<String> CASE_KEYS = Set.of("name", "at", "openLoads", "lead", "expect");
  private static final Set<String> EXPECT_KEYS = Set.of("owner", "rule", "reasons");

  private final LeadDocuments leads = new LeadDocuments();

  List<GoldenCase> read(Path file, RuleSet ruleSet) {
    JsonNode tree = leads.readTree(file);
    Instant defaultAt = tree.has("at") ? instant(tree.get("at"), file + " at") : null;
    JsonNode cases = tree.get("cases");
    if (cases == null || !cases.isArray() || cases.isEmpty()) {
      throw new InputException(file + " has no cases: expected 'cases:' with a list");
    }
    List<GoldenCase> golden = new ArrayList<>();
    int index = 0;
    for (JsonNode node : cases) {
      index++;
      String name = node.has("name") ? node.get("name").asText() : "case #" + index;
      String where = file + " case '" + name + "'";
      Instant at = node.has("at") ? instant(node.get("at"), where + " at") : defaultAt;
      if (at == null) {
        throw new InputException(where + ": needs 'at' (or a file-wide 'at') to fix the moment");
      }
      if (!node.has("lead")) {
        throw new InputException(where + ": needs a 'lead'");
      }
      JsonNode expect = node.get("expect");
      if (expect == null || !expect.isObject()) {
        throw new InputException(where + ": needs 'expect' with owner and/or rule");
      }
      onlyKnownKeys(node, CASE_KEYS, where);
      onlyKnownKeys(expect, EXPECT_KEYS, where + " expect");
      boolean expectsSomething =
          expect.hasNonNull("owner")
              || expect.hasNonNull("rule")
              || (expect.has("reasons") && !expect.get("reasons").isEmpty());
      if (!expectsSomething) {
        // A case that expects nothing would always pass and prove nothing.
        throw new InputException(where + ": 'expect' must name an owner, a rule or reasons");
      }
      List<String> reasons = new ArrayList<>();
      if (expect.has("reasons")) {
        expect.get("reasons").forEach(r -> reasons.add(r.asText()));
      }
      golden.add(
          new GoldenCase(
              name,
              leads.toInput(node.get("lead"), where),
              at,
              loads(node.get("openLoads"), ruleSet, where),
              expect.has("owner") ? expect.get("owner").asText() : null,
              expect.has("rule") ? expect.get("rule").asText() : null,
              reasons));
    }
    return golden;
  }

  private static void onlyKnownKeys(JsonNode node, Set<String> known, String where) {
    node.fieldNames()
        .forEachRemaining(
            key -> {
              if (!known.contains(key)) {
                throw new InputException(
                    where
                        + ": unknown key '"
                        + key
                        + "' (known: "
                        + String.join(", ", known)
                        + ")");
              }
            });
  }

  private static Map<SalesforceId, Integer> loads(JsonNode node, RuleSet ruleSet, String where) {
    Map<SalesforceId, Integer> loads = new HashMap<>();
    if (node == null) {
      return loads;
    }
    node.fields()
        .forEachRemaining(
            entry -> {
              SalesforceId user = user(entry.getKey(), ruleSet, where);
              loads.put(user, entry.getValue().asInt());
            });
    return loads;
  }

  private static SalesforceId user(String reference, RuleSet ruleSet, String where) {
    for (Rep rep : ruleSet.reps().values()) {
      if (rep.name().equalsIgnoreCase(reference)) {
        return rep.id();
      }
    }
    return SalesforceId.parse(reference)
        .orElseThrow(
            () ->
                new InputException(
                    where + ": openLoads names '" + reference + "', not a known user"));
  }

  private static Instant instant(JsonNode node, String where) {
    try {
      return Instant.parse(node.asText());
    } catch (DateTimeParseException bad) {
      throw new InputException(
          where + ": '" + node.asText() + "' is not an instant like 2026-11-25T15:00:00Z");
    }
  }
}
