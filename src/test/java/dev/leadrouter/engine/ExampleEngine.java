package dev.leadrouter.engine;

import com.google.inject.Guice;
import dev.leadrouter.config.YamlRuleSetLoader;
import dev.leadrouter.lead.Lead;
import dev.leadrouter.normalize.LeadNormalizer;
import dev.leadrouter.normalize.NormalizeModule;
import dev.leadrouter.route.RuleHierarchyRouter;
import dev.leadrouter.route.RuleSet;
import dev.leadrouter.score.PointRuleScorer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The real decision path over the shipped example rule set ({@code config/rules.example.yaml};
 * tests run from the repository root), at a fixed instant.
 */
final class ExampleEngine {

  /** Loaded once: normalizer tables and the rule set are immutable. */
  static final LeadNormalizer NORMALIZER =
      Guice.createInjector(new NormalizeModule()).getInstance(LeadNormalizer.class);

  static final RuleSet EXAMPLE = new YamlRuleSetLoader().load(Path.of("config/rules.example.yaml"));

  private ExampleEngine() {}

  static DecisionEngine at(Instant instant) {
    Clock clock = Clock.fixed(instant, ZoneOffset.UTC);
    return new DecisionEngine(
        NORMALIZER, new PointRuleScorer(), new RuleHierarchyRouter(clock), clock);
  }

  static Lead lead(String... namesAndValues) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      fields.put(namesAndValues[i], namesAndValues[i + 1]);
    }
    return Lead.of("00Q5f00000Tst01", fields);
  }
}
