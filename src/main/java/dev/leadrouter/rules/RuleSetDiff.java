package dev.leadrouter.rules;

import dev.leadrouter.route.RoutingRule;
import dev.leadrouter.route.RuleSet;
import dev.leadrouter.route.Team;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What changed between two versions of the rule set, by name: rules and teams added, removed or
 * changed, and whether scoring or territories changed.
 */
public record RuleSetDiff(
    List<String> rulesAdded,
    List<String> rulesRemoved,
    List<String> rulesChanged,
    List<String> teamsAdded,
    List<String> teamsRemoved,
    List<String> teamsChanged,
    boolean otherChanges) {

  public static RuleSetDiff between(RuleSet before, RuleSet after) {
    Map<String, String> oldRules = rules(before);
    Map<String, String> newRules = rules(after);
    Map<String, String> oldTeams = teams(before);
    Map<String, String> newTeams = teams(after);
    boolean other =
        !before.territories().equals(after.territories())
            || !before.policy().equals(after.policy())
            || !before.queues().equals(after.queues())
            || !before.scoring().tiers().equals(after.scoring().tiers())
            || !before.scoring().rules().stream()
                .map(RuleFingerprint::of)
                .toList()
                .equals(after.scoring().rules().stream().map(RuleFingerprint::of).toList())
            || !String.valueOf(before.reps()).equals(String.valueOf(after.reps()));
    return new RuleSetDiff(
        added(oldRules, newRules),
        added(newRules, oldRules),
        changed(oldRules, newRules),
        added(oldTeams, newTeams),
        added(newTeams, oldTeams),
        changed(oldTeams, newTeams),
        other);
  }

  public boolean isEmpty() {
    return rulesAdded.isEmpty()
        && rulesRemoved.isEmpty()
        && rulesChanged.isEmpty()
        && teamsAdded.isEmpty()
        && teamsRemoved.isEmpty()
        && teamsChanged.isEmpty()
        && !otherChanges;
  }

  @Override
  public String toString() {
    if (isEmpty()) {
      return "no changes";
    }
    List<String> parts = new ArrayList<>();
    part(parts, "rules added", rulesAdded);
    part(parts, "rules removed", rulesRemoved);
    part(parts, "rules changed", rulesChanged);
    part(parts, "teams added", teamsAdded);
    part(parts, "teams removed", teamsRemoved);
    part(parts, "teams changed", teamsChanged);
    if (otherChanges) {
      parts.add("territories, scoring, users, queues or settings changed");
    }
    return String.join("; ", parts);
  }

  private static void part(List<String> parts, String what, List<String> names) {
    if (!names.isEmpty()) {
      parts.add(what + ": " + String.join(", ", names));
    }
  }

  private static Map<String, String> rules(RuleSet rules) {
    Map<String, String> byName = new LinkedHashMap<>();
    for (RoutingRule rule : rules.rules()) {
      byName.put(rule.name(), RuleFingerprint.of(rule));
    }
    return byName;
  }

  private static Map<String, String> teams(RuleSet rules) {
    Map<String, String> byName = new LinkedHashMap<>();
    for (Team team : rules.teams().values()) {
      byName.put(team.name(), team.toString());
    }
    return byName;
  }

  /** Names in {@code after} but not in {@code before}. */
  private static List<String> added(Map<String, String> before, Map<String, String> after) {
    return after.keySet().stream().filter(name -> !before.containsKey(name)).sorted().toList();
  }

  private static List<String> changed(Map<String, String> before, Map<String, String> after) {
    return after.keySet().stream()
        .filter(name -> before.containsKey(name))
        .filter(name -> !Objects.equals(before.get(name), after.get(name)))
        .sorted()
        .toList();
  }
}
