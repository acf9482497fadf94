package dev.leadrouter.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.google.inject.Inject;
import dev.leadrouter.config.Secret;
import dev.leadrouter.config.StoreSettings;
import dev.leadrouter.engine.DecisionEngine;
import dev.leadrouter.engine.DecisionEngineFactory;
import dev.leadrouter.engine.LeadInput;
import dev.leadrouter.route.Decision;
import dev.leadrouter.route.DecisionExplainer;
import dev.leadrouter.route.InMemoryRoutingState;
import dev.leadrouter.route.RuleSet;
import dev.leadrouter.store.Database;
import dev.leadrouter.store.LoggedDecision;
import dev.leadrouter.store.RoutingLog;
import dev.leadrouter.store.StoreException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
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
      "Explains in plain words how one lead would be routed (--lead FILE), or how the worker",
      "routed it (--lead-id ID, from the routing log in --store).",
      "Shows every rule tried with each criterion's result, the team strategy's state, the",
      "reason codes, score and inputs.",
      "The lead file is JSON or YAML: {id, fields: {...}, account: {...}, duplicate: {...}},",
      "or a Lead record as Salesforce's REST API returns it."
    })
final class ExplainCommand implements Callable<Integer> {

  @Mixin RulesOption rules;
  @Mixin AtOption at;

  @Option(names = "--lead", paramLabel = "FILE", description = "The lead to route.")
  Path leadFile;

  @Option(
      names = "--lead-id",
      paramLabel = "ID",
      description =
          "Explain the decision the worker recorded for this lead, read from the routing log.")
  String leadId;

  @Option(
      names = "--store",
      paramLabel = "JDBC_URL",
      defaultValue = Database.DEFAULT_URL,
      description =
          "The worker's store, for --lead-id (default: ${DEFAULT-VALUE}); a user and password"
              + " come from LEAD_ROUTER_STORE_USERNAME and LEAD_ROUTER_STORE_PASSWORD.")
  String store;

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
    if ((leadFile == null) == (leadId == null)) {
      throw new InputException("give either --lead FILE (route it now) or --lead-id ID (logged)");
    }
    if (leadId != null) {
      return explainLogged();
    }
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

  private int explainLogged() throws JsonProcessingException {
    StoreSettings settings =
        new StoreSettings(
            store,
            Optional.ofNullable(System.getenv("LEAD_ROUTER_STORE_USERNAME")),
            Optional.ofNullable(System.getenv("LEAD_ROUTER_STORE_PASSWORD")).map(Secret::new),
            2); // Flyway holds one connection while it checks the schema on another

    // Schema checks at opening are not what someone asking "why" wants to read.
    ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("org.flywaydb"))
        .setLevel(ch.qos.logback.classic.Level.WARN);
    List<LoggedDecision> decisions;
    try (Database database = Database.open(settings)) {
      decisions = new RoutingLog(database).findByLead(leadId);
    } catch (StoreException unreachable) {
      throw new InputException("cannot read the store " + store + ": " + unreachable.getMessage());
    }
    if (decisions.isEmpty()) {
      throw new InputException("the routing log in " + store + " has no decision for " + leadId);
    }
    var out = spec.commandLine().getOut();
    for (LoggedDecision decision : decisions) {
      out.print(
          json
              ? JsonOutput.mapper().writeValueAsString(decision) + "\n"
              : new LoggedDecisionWords().explain(decision));
    }
    out.flush();
    return 0;
  }
}
