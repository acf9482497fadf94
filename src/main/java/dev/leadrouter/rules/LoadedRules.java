package dev.leadrouter.rules;

import dev.leadrouter.config.Mode;
import dev.leadrouter.route.RuleSet;
import java.util.Objects;
import java.util.Optional;

/**
 * A validated rule set and the mode its settings ask for.
 *
 * @param mode the Routing Setting's mode; empty for YAML files, which leave it to the worker's
 *     settings
 */
public record LoadedRules(RuleSet ruleSet, Optional<Mode> mode) {

  public LoadedRules {
    Objects.requireNonNull(ruleSet, "ruleSet");
    Objects.requireNonNull(mode, "mode");
  }
}
