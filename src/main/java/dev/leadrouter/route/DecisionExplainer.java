package dev.leadrouter.route;

import dev.leadrouter.criteria.CriterionResult;
import java.util.stream.Collectors;

/**
 * Tells the story of a decision in plain words, for admins asking "why did this lead go there?".
 */
public final class DecisionExplainer {

  public String explain(Decision decision) {
    StringBuilder text = new StringBuilder();
    text.append("Lead ")
        .append(decision.leadId() == null ? "(no id)" : decision.leadId())
        .append(" goes to ")
        .append(decision.owner())
        .append(
            decision.rule() == null
                ? ", from the catch-all.\n"
                : ", by rule " + decision.rule() + ".\n");
    if (decision.shadow()) {
      text.append("Shadow: this decision is logged, not written to Salesforce.\n");
    }
    text.append("\nRules tried, in order:\n");
    if (decision.path().isEmpty()) {
      text.append("  (none)\n");
    }
    for (RuleTrace rule : decision.path()) {
      text.append("  ")
          .append(rule.applied() ? "[applied] " : rule.matched() ? "[matched] " : "[skipped] ")
          .append(rule.rule())
          .append(": ")
          .append(rule.note())
          .append('\n');
      for (CriterionResult criterion : rule.criteria()) {
        text.append("      ")
            .append(criterion.criterion().number())
            .append(". ")
            .append(criterion.criterion().describe())
            .append(" -> ")
            .append(criterion.result() ? "yes" : "no")
            .append(" (value: ")
            .append(criterion.actual() == null ? "blank" : quote(criterion.actual()))
            .append(")\n");
      }
      if (!rule.criteria().isEmpty()) {
        text.append("      logic: ").append(rule.logic()).append('\n');
      }
    }
    for (StrategyTrace strategy : decision.strategies()) {
      text.append("\nTeam ")
          .append(strategy.team())
          .append(" (")
          .append(strategy.strategy().name().toLowerCase(java.util.Locale.ROOT))
          .append("), last lead went to ")
          .append(strategy.previous() == null ? "nobody yet" : strategy.previous())
          .append(":\n");
      for (MemberState member : strategy.members()) {
        text.append("  ")
            .append(member.userId().equals(strategy.chosen()) ? "* " : "  ")
            .append(member.name())
            .append(": ")
            .append(member.unavailable() == null ? "available" : member.unavailable().explanation())
            .append(
                String.format(
                    java.util.Locale.ROOT,
                    " (open leads %d%s, weight %d, effective %.2f, credit %.2f)",
                    member.openLoad(),
                    member.capacity() > 0 ? "/" + member.capacity() : "",
                    member.weight(),
                    member.effectiveWeight(),
                    member.credit()))
            .append('\n');
      }
    }
    text.append("\nReasons:\n");
    for (ReasonCode reason : decision.reasons()) {
      text.append("  ").append(reason).append(": ").append(reason.explanation()).append('\n');
    }
    text.append("\nScore: ")
        .append(decision.score().total())
        .append(" (fit ")
        .append(decision.score().fit())
        .append(", intent ")
        .append(decision.score().intent())
        .append(")")
        .append(decision.score().tier() == null ? "" : ", tier " + decision.score().tier())
        .append(
            decision.score().hits().isEmpty()
                ? ""
                : " from: " + String.join(", ", decision.score().hits()))
        .append('\n');
    if (decision.slaMinutes() != null) {
      text.append("First touch due within ").append(decision.slaMinutes()).append(" minutes.\n");
    }
    if (decision.account() != null) {
      AccountMatch account = decision.account();
      text.append("Matched account: ")
          .append(account.accountName() == null ? account.accountId() : account.accountName())
          .append(
              String.format(
                  java.util.Locale.ROOT,
                  " (%s, confidence %.2f)",
                  account.method(),
                  account.confidence()))
          .append('\n');
    }
    text.append("Inputs: ")
        .append(
            decision.inputs().entrySet().stream()
                .sorted(java.util.Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "=" + quote(e.getValue()))
                .collect(Collectors.joining(", ")))
        .append('\n');
    text.append("Decided at ")
        .append(decision.decidedAt())
        .append(" with rule set ")
        .append(decision.ruleSetVersion())
        .append(".\n");
    return text.toString();
  }

  private static String quote(String value) {
    if (value.length() <= 80) {
      return "\"" + value + "\"";
    }
    int end = Character.isHighSurrogate(value.charAt(79)) ? 79 : 80;
    String shown = value.substring(0, end) + "…";
    return "\"" + shown + "\"";
  }
}
