package dev.leadrouter.console;

import com.google.inject.Inject;
import dev.leadrouter.admin.ConsoleChrome;
import dev.leadrouter.admin.ConsolePage;
import dev.leadrouter.admin.ConsoleReply;
import dev.leadrouter.admin.ConsoleRequest;
import dev.leadrouter.admin.ConsoleTemplates;
import dev.leadrouter.config.Mode;
import dev.leadrouter.route.RoutingRule;
import dev.leadrouter.route.RuleSet;
import dev.leadrouter.store.RoutingLog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rule set in force (version, source, when read) with the problems of the last rejected reload,
 * and how many leads each rule decided in the last day and week, rules never hit included.
 */
public final class RulesPage implements ConsolePage {

  /** One rule's hits. */
  public record RuleHits(String rule, long liveDay, long liveWeek, long shadowWeek) {}

  private final RulesInForce rules;
  private final RoutingLog log;
  private final ConsoleTemplates templates;
  private final Clock clock;

  @Inject
  RulesPage(RulesInForce rules, RoutingLog log, ConsoleTemplates templates, Clock clock) {
    this.rules = rules;
    this.log = log;
    this.templates = templates;
    this.clock = clock;
  }

  @Override
  public String path() {
    return "/console/rules";
  }

  @Override
  public ConsoleReply get(ConsoleRequest request) {
    RuleSet ruleSet = rules.ruleSet().get();
    Instant now = clock.instant();
    Map<String, Long> day = log.ruleHitsSince(now.minus(Duration.ofDays(1)), Mode.LIVE);
    Map<String, Long> week = log.ruleHitsSince(now.minus(Duration.ofDays(7)), Mode.LIVE);
    Map<String, Long> shadow = log.ruleHitsSince(now.minus(Duration.ofDays(7)), Mode.SHADOW);
    // Rules in force first, in their order; then rules of earlier versions that still have hits.
    Map<String, RuleHits> hits = new LinkedHashMap<>();
    List<String> names = new ArrayList<>(ruleSet.rules().stream().map(RoutingRule::name).toList());
    names.add("");
    week.keySet()
        .forEach(
            name -> {
              if (!names.contains(name)) names.add(name);
            });
    shadow
        .keySet()
        .forEach(
            name -> {
              if (!names.contains(name)) names.add(name);
            });
    for (String name : names) {
      hits.put(
          name,
          new RuleHits(
              name.isEmpty() ? "catch-all" : name,
              day.getOrDefault(name, 0L),
              week.getOrDefault(name, 0L),
              shadow.getOrDefault(name, 0L)));
    }
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("chrome", new ConsoleChrome("Rules", "rules", request.access()));
    model.put("version", ruleSet.version());
    model.put("source", rules.source());
    model.put("state", rules.state().get().orElse(null));
    model.put("hits", List.copyOf(hits.values()));
    return ConsoleReply.page(templates.render("rules.jte", model));
  }
}
