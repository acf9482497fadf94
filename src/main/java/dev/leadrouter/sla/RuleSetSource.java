package dev.leadrouter.sla;

import dev.leadrouter.route.RuleSet;

/** The rules in force now, for reassigning within a team. */
@FunctionalInterface
public interface RuleSetSource {
  RuleSet current();
}
