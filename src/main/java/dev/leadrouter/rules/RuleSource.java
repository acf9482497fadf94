package dev.leadrouter.rules;

/** Where the worker's rule set is read from: the org's records, or a YAML file. */
public interface RuleSource {

  /**
   * Reads and validates the rule set now.
   *
   * @throws dev.leadrouter.config.InvalidRuleSetException when it is invalid, naming every problem
   * @throws RuntimeException when it cannot be read (the org unreachable, the file missing)
   */
  LoadedRules load();

  /** For logs and messages, e.g. "of the org" or "config/rules.yaml". */
  String description();
}
