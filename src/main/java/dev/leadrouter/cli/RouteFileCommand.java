package dev.leadrouter.cli;

import com.google.inject.Inject;
import dev.leadrouter.engine.DecisionEngine;
import dev.leadrouter.engine.DecisionEngineFactory;
import dev.leadrouter.engine.LeadInput;
import dev.leadrouter.route.Decision;
import dev.leadrouter.route.InMemoryRoutingState;
import dev.leadrouter.route.OwnerType;
import dev.leadrouter.route.ReasonCode;
import dev.leadrouter.route.RuleSet;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Routes the sample leads through the example rules, one after another, and prints the decisions.
 */
@Command(
    name = "route-file",
    mixinStandardHelpOptions = true,
    description = {
      "Routes sample leads through a rule set and prints the decisions.",
      "Leads are routed in order and share rotation state, as in production; each line says who",
      "the lead goes to, by which rule and why."
    })
final class RouteFileCommand implements Callable<Integer> {

  @Mixin RulesOption rules;
  @Mixin AtOption at;

  @Option(
      names = "--leads",
      paramLabel = "FILE",
      defaultValue = "config/sample-leads.yaml",
      description = "Leads to route (default: ${DEFAULT-VALUE}).")
  Path leadsFile;

  @Spec CommandSpec spec;

  private final DecisionEngineFactory engines;
  private final Clock clock;

  @Inject
  RouteFileCommand(DecisionEngineFactory engines, Clock clock) {
    this.engines = engines;
    this.clock = clock;
  }

  @Override
  public Integer call() {
    RuleSet ruleSet = rules.load();
    List<LeadInput> leads = new LeadDocuments().readMany(leadsFile);
    Clock now = at.clock(clock);
    DecisionEngine engine = engines.at(now);
    InMemoryRoutingState state = new InMemoryRoutingState();
    TextTable table = new TextTable("Lead", "Company", "Owner", "Rule", "Tier", "SLA", "Reasons");
    Map<String, Integer> perOwner = new TreeMap<>();
    for (LeadInput lead : leads) {
      Decision decision = engine.decideAndRecord(ruleSet, lead, state);
      perOwner.merge(
          decision.owner().name() + (decision.owner().type() == OwnerType.QUEUE ? " (queue)" : ""),
          1,
          Integer::sum);
      table.add(
          lead.lead().id(),
          lead.lead().get("company"),
          decision.owner().name(),
          decision.rule() == null ? "catch-all" : decision.rule(),
          decision.score().tier(),
          decision.slaMinutes() == null ? "" : decision.slaMinutes() + " min",
          decision.reasons().stream().map(ReasonCode::name).collect(Collectors.joining(", ")));
    }
    var out = spec.commandLine().getOut();
    out.printf(
        "Routing %d sample leads with rule set %s as of %s%n%n",
        leads.size(), ruleSet.version(), now.instant());
    table.print(out);
    out.println();
    out.println("Leads per owner:");
    perOwner.forEach((owner, count) -> out.printf("  %-28s %d%n", owner, count));
    out.println();
    out.println(
        "Ask why for any lead: scripts/lead-router explain --lead FILE --at " + now.instant());
    out.flush();
    return 0;
  }
}
