package dev.leadrouter.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leadrouter.route.ReasonCode;
import dev.leadrouter.store.LoggedDecision;
import java.io.IOException;
import java.util.Locale;
import java.util.TreeMap;

/**
 * A decision from the routing log in plain words: who got the lead, by which rule, what each rule
 * tried said, the reasons, the account, score and inputs; what an admin asks "why" for.
 */
final class LoggedDecisionWords {

  private final ObjectMapper json = new ObjectMapper();

  String explain(LoggedDecision d) {
    StringBuilder text = new StringBuilder();
    text.append("Lead ")
        .append(d.leadId())
        .append(" went to ")
        .append(d.owner())
        .append(d.rule() == null ? ", from the catch-all" : ", by rule " + d.rule())
        .append(", decided ")
        .append(d.decidedAt())
        .append(" (")
        .append(d.mode())
        .append(", ")
        .append(d.status().name().toLowerCase(Locale.ROOT))
        .append(d.writtenAt() == null ? "" : " to Salesforce at " + d.writtenAt())
        .append(").\n");
    if (d.accountId() != null) {
      text.append("Matched account: ").append(d.accountId()).append('\n');
    }
    text.append("\nWhy:\n");
    for (ReasonCode reason : d.reasons()) {
      text.append("  ")
          .append(reason.name())
          .append(": ")
          .append(reason.explanation())
          .append('\n');
    }
    text.append("\nRules tried, in order:\n");
    path(d.pathJson(), text);
    if (d.score() != null) {
      text.append("\nScore: ").append(d.score());
      if (d.scoreTier() != null) {
        text.append(" (").append(d.scoreTier()).append(')');
      }
      text.append('\n');
    }
    if (d.slaMinutes() != null) {
      text.append("Follow up within ").append(d.slaMinutes()).append(" minutes.\n");
    }
    text.append("\nInputs routing worked from:\n");
    new TreeMap<>(d.inputs())
        .forEach(
            (key, value) -> text.append("  ").append(key).append(" = ").append(value).append('\n'));
    text.append("\nRule set ").append(d.ruleSetVersion()).append('\n');
    return text.toString();
  }

  private void path(String pathJson, StringBuilder text) {
    JsonNode rules;
    try {
      rules = pathJson == null ? null : json.readTree(pathJson);
    } catch (IOException unreadable) {
      rules = null;
    }
    if (rules == null || !rules.isArray() || rules.isEmpty()) {
      text.append("  (none)\n");
      return;
    }
    for (JsonNode rule : rules) {
      boolean applied = rule.path("applied").asBoolean();
      boolean matched = rule.path("matched").asBoolean();
      text.append("  ")
          .append(applied ? "[applied] " : matched ? "[matched] " : "[skipped] ")
          .append(rule.path("rule").asText())
          .append(": ")
          .append(rule.path("note").asText())
          .append('\n');
      for (JsonNode criterion : rule.path("criteria")) {
        JsonNode c = criterion.path("criterion");
        text.append("      ")
            .append(c.path("number").asText())
            .append(". ")
            .append(c.path("field").asText())
            .append(' ')
            .append(c.path("operator").asText().toLowerCase(Locale.ROOT).replace('_', ' '))
            .append(c.path("values").isEmpty() ? "" : " " + values(c.path("values")))
            .append(" -> ")
            .append(criterion.path("result").asBoolean() ? "yes" : "no")
            .append(
                criterion.path("actual").isNull() || criterion.path("actual").isMissingNode()
                    ? ""
                    : " (was " + criterion.path("actual").asText() + ")")
            .append('\n');
      }
    }
  }

  private static String values(JsonNode values) {
    StringBuilder joined = new StringBuilder();
    for (JsonNode value : values) {
      joined.append(joined.length() == 0 ? "" : ", ").append(value.asText());
    }
    return joined.toString();
  }
}
