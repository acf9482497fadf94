package dev.leadrouter.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.google.inject.Inject;
import dev.leadrouter.engine.DecisionEngine;
import dev.leadrouter.engine.DecisionEngineFactory;
import dev.leadrouter.engine.LeadInput;
import dev.leadrouter.route.Decision;
import dev.leadrouter.route.DecisionExplainer;
import dev.leadrouter.route.InMemoryRoutingState;
import dev.leadrouter.route.RuleSet;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Explains, in plain words, how one lead would be routed. */
@Command(
    name = "explain",
    mixinStandardHelpOptions = true,
    description = {
      "Explains in plain words how one lead would be routed.",
      "Shows every rule tried with each criterion's result, the team strategy's state, the",
      "reason codes, score and inputs.",
      "The lead file is JSON or YAML: {id, fields: {...}, account: {...}, duplicate: {...}},",
      "or a Lead record as Salesforce's REST API returns it."
    })
final class ExplainCommand implements Callable<Integer> {

  @Mixin RulesOption rules;
  @Mixin AtOption at;

  @Option(
      names = "--lead",
      required = true,
      paramLabel = "FILE",
      description = "The lead to route.")
  Path leadFile;

  @Option(names = "--json", description = "Print the whole decision as JSON instead of words.")
  boolean json;

  @Spec CommandSpec spec;

  private final DecisionEngineFactory engines;
  private final Clock clock;

  @Inject
  ExplainCommand(DecisionEngineFactory engines, Clock clock) {
    this.engines = engines;
    this.clock = clock;
  }

  @Override
  public Integer call() throws JsonProcessingException {
    RuleSet ruleSet = rules.load();
    LeadInput lead = new LeadDocuments().readOne(leadFile);
    Clock now = at.clock(clock);
    DecisionEngine engine = engines.at(now);
    Decision decision = engine.decide(ruleSet, lead, new InMemoryRoutingState());
    var out = spec.commandLine().getOut();
    out.print(
        json
            ? JsonOutput.mapper().writeValueAsString(decision) + "\n"
            : new DecisionExplainer().explain(decision));
    out.flush();
    return 0;
  }
}
