package dev.leadrouter.rules;

import dev.leadrouter.config.RuleSetProblem;
import java.util.List;
import java.util.Optional;

/**
 * How one read of the rules went.
 *
 * @param kind applied (a new version is in force), unchanged, rejected (invalid; the last good
 *     rules stay), or failed (could not be read; the last good rules stay)
 * @param version the version in force afterwards, empty when none is
 * @param diff what changed, when applied
 * @param problems why it was rejected
 * @param failure why it failed
 */
public record ReloadOutcome(
    Kind kind,
    Optional<String> version,
    Optional<RuleSetDiff> diff,
    List<RuleSetProblem> problems,
    Optional<String> failure) {

  /** The four ways a read can go. */
  public enum Kind {
    APPLIED,
    UNCHANGED,
    REJECTED,
    FAILED
  }

  public ReloadOutcome {
    problems = List.copyOf(problems);
  }
}
