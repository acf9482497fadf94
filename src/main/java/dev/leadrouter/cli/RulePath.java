package dev.leadrouter.cli;

import dev.leadrouter.route.Decision;
import dev.leadrouter.route.RuleTrace;
import java.util.stream.Collectors;

/**
 * A decision's path as one line: {@code -A ~B +C} (criteria not met, matched but moved on,
 * applied).
 */
final class RulePath {

  static final String LEGEND =
      "Path: -rule = criteria not met, ~rule = matched but could not place the lead, +rule = decided";

  private RulePath() {}

  static String of(Decision decision) {
    String path = decision.path().stream().map(RulePath::step).collect(Collectors.joining(" "));
    if (decision.rule() == null) {
      path = (path + " +catch-all").trim();
    }
    return path;
  }

  private static String step(RuleTrace trace) {
    return (trace.applied() ? "+" : trace.matched() ? "~" : "-") + trace.rule();
  }
}
