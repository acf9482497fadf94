package dev.leadrouter.rules;

import dev.leadrouter.config.RuleSetProblem;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * How the rules stand: the version in force and since when, and how the last attempt to read them
 * went.
 *
 * @param version the version in force, empty before the first good read
 * @param loadedAt when the version in force was read
 * @param lastAttempt when the rules were last read (or tried)
 * @param problems why the last read was rejected; empty when it was accepted
 * @param failure why the last read could not be done (e.g. the org unreachable); empty otherwise
 */
public record RulesState(
    Optional<String> version,
    Optional<Instant> loadedAt,
    Optional<Instant> lastAttempt,
    List<RuleSetProblem> problems,
    Optional<String> failure) {

  public RulesState {
    problems = List.copyOf(problems);
  }

  static RulesState initial() {
    return new RulesState(
        Optional.empty(), Optional.empty(), Optional.empty(), List.of(), Optional.empty());
  }

  /** The last read was used (or changed nothing). */
  public boolean lastReadAccepted() {
    return problems.isEmpty() && failure.isEmpty();
  }
}
