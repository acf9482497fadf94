package dev.leadrouter.engine;

import com.google.inject.Inject;
import dev.leadrouter.route.Decision;
import dev.leadrouter.route.InMemoryRoutingState;
import dev.leadrouter.route.ReasonCode;
import dev.leadrouter.route.RuleSet;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Routes each golden case on its own, from fresh rotation state at the case's own instant, and
 * compares the result with what the case expects.
 */
public final class GoldenRunner {

  private final DecisionEngineFactory engines;

  @Inject
  public GoldenRunner(DecisionEngineFactory engines) {
    this.engines = engines;
  }

  public List<GoldenResult> run(RuleSet ruleSet, List<GoldenCase> cases) {
    List<GoldenResult> results = new ArrayList<>(cases.size());
    for (GoldenCase golden : cases) {
      results.add(run(ruleSet, golden));
    }
    return results;
  }

  public GoldenResult run(RuleSet ruleSet, GoldenCase golden) {
    DecisionEngine engine = engines.at(Clock.fixed(golden.at(), ZoneOffset.UTC));
    InMemoryRoutingState state = new InMemoryRoutingState();
    golden.openLoads().forEach(state::setOpenLoad);
    Decision decision = engine.decide(ruleSet, golden.input(), state);
    return new GoldenResult(golden, decision, mismatches(golden, decision));
  }

  private static List<String> mismatches(GoldenCase golden, Decision decision) {
    List<String> mismatches = new ArrayList<>();
    String owner = golden.expectedOwner();
    if (owner != null
        && !owner.equalsIgnoreCase(decision.owner().name())
        && !owner.equalsIgnoreCase(decision.owner().id().value())
        && !(owner.length() == 15 && decision.owner().id().value().startsWith(owner))) {
      mismatches.add("owner: expected " + owner + ", got " + decision.owner().name());
    }
    String rule = golden.expectedRule();
    String actualRule = decision.rule() == null ? "catch-all" : decision.rule();
    if (rule != null && !rule.equalsIgnoreCase(actualRule)) {
      mismatches.add("rule: expected " + rule + ", got " + actualRule);
    }
    for (String reason : golden.expectedReasons()) {
      boolean present =
          decision.reasons().stream()
              .map(ReasonCode::name)
              .anyMatch(r -> r.equals(reason.trim().toUpperCase(Locale.ROOT)));
      if (!present) {
        mismatches.add("reason " + reason + " missing");
      }
    }
    return mismatches;
  }
}
