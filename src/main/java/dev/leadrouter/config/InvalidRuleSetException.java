package dev.leadrouter.config;

import java.util.List;
import java.util.stream.Collectors;

/** A rule set that cannot be used, with every problem found (not just the first). */
public final class InvalidRuleSetException extends RuntimeException {

  private final transient List<RuleSetProblem> problems;

  public InvalidRuleSetException(String source, List<RuleSetProblem> problems) {
    super(
        "rule set "
            + source
            + " is invalid ("
            + problems.size()
            + (problems.size() == 1 ? " problem" : " problems")
            + "):\n"
            + problems.stream().map(p -> "  - " + p).collect(Collectors.joining("\n")));
    this.problems = List.copyOf(problems);
  }

  public List<RuleSetProblem> problems() {
    return problems;
  }
}
