package dev.leadrouter.rules;

import dev.leadrouter.admin.Health;
import dev.leadrouter.admin.HealthIndicator;
import java.util.Objects;

/**
 * The rules on {@code /health}: UP when the last read was accepted, DEGRADED when a change was
 * rejected or could not be read (leads are still routed, by the last good rules), DOWN when no
 * rules are in force. Counts only: the problems themselves are in the log and in {@code lead-router
 * rules lint --org}, since {@code /health} is open to anyone who can reach it.
 */
public final class RulesHealth implements HealthIndicator {

  private final RuleSetProvider provider;

  public RulesHealth(RuleSetProvider provider) {
    this.provider = Objects.requireNonNull(provider, "provider");
  }

  @Override
  public String name() {
    return "rules";
  }

  @Override
  public Health check() {
    RulesState state = provider.state();
    if (state.version().isEmpty()) {
      return Health.down("no rules in force");
    }
    String inForce = "version " + state.version().get() + " in force";
    if (!state.problems().isEmpty()) {
      return Health.degraded(
          inForce
              + "; the latest change was rejected with "
              + state.problems().size()
              + (state.problems().size() == 1 ? " problem" : " problems")
              + " (see the log, or run lead-router rules lint --org)");
    }
    if (state.failure().isPresent()) {
      return Health.degraded(inForce + "; the latest read failed (see the log)");
    }
    return Health.up(inForce);
  }
}
