package dev.leadrouter.cli;

import dev.leadrouter.route.RuleSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Validates a rule set and summarises it. */
@Command(
    name = "check-rules",
    mixinStandardHelpOptions = true,
    description = {
      "Validates a rule set: every problem is listed with the record and field to fix.",
      "Exit code 0 when valid, 2 when not."
    })
final class CheckRulesCommand implements Callable<Integer> {

  @Mixin RulesOption rules;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    RuleSet ruleSet = rules.load();
    var out = spec.commandLine().getOut();
    out.printf(
        "Rule set %s is valid: %d active rules, %d teams, %d territories, %d users, %d queues, %d score rules.%n",
        ruleSet.version(),
        ruleSet.rules().size(),
        ruleSet.teams().size(),
        ruleSet.territories().size(),
        ruleSet.reps().size(),
        ruleSet.queues().size(),
        ruleSet.scoring().rules().size());
    out.flush();
    return 0;
  }
}
