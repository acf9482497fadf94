package dev.leadrouter.console;

import dev.leadrouter.route.RuleSet;
import dev.leadrouter.rules.RuleSetProvider;
import dev.leadrouter.rules.RulesState;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The rules the worker routes by and where they come from, for the rules page: a fixed YAML file
 * has a version only; rules read from the org also say when they were read and why the last reload
 * was rejected.
 *
 * @param source where the rules are read from, e.g. the file's path or "the org"
 */
public record RulesInForce(
    String source, Supplier<RuleSet> ruleSet, Supplier<Optional<RulesState>> state) {

  public RulesInForce {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(ruleSet, "ruleSet");
    Objects.requireNonNull(state, "state");
  }

  /** Rules that never change while the worker runs. */
  public static RulesInForce fixed(String source, Supplier<RuleSet> ruleSet) {
    return new RulesInForce(source, ruleSet, Optional::empty);
  }

  /** Rules a provider re-reads, with how its last read went. */
  public static RulesInForce reloaded(String source, RuleSetProvider provider) {
    return new RulesInForce(source, provider, () -> Optional.of(provider.state()));
  }
}
