package dev.leadrouter.config;

import static dev.leadrouter.config.Problems.blankToNull;
import static dev.leadrouter.config.Problems.orEmpty;

import dev.leadrouter.config.RuleSetDocument.MemberDoc;
import dev.leadrouter.config.RuleSetDocument.TeamDoc;
import dev.leadrouter.lead.SalesforceId;
import dev.leadrouter.route.Rep;
import dev.leadrouter.route.Strategy;
import dev.leadrouter.route.Team;
import dev.leadrouter.route.TeamMember;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Reads teams and their members, and rejects teams that could never take a lead. */
final class TeamsAssembler {

  private final Problems problems;
  private final DirectoryAssembler directory;

  TeamsAssembler(Problems problems, DirectoryAssembler directory) {
    this.problems = problems;
    this.directory = directory;
  }

  Map<String, Team> teams(List<TeamDoc> docs) {
    Map<String, Team> teams = new LinkedHashMap<>();
    int position = 0;
    for (TeamDoc doc : orEmpty(docs)) {
      position++;
      String name = blankToNull(doc.name());
      String record = "team " + (name == null ? "#" + position : name);
      if (name == null) {
        problems.add(record, "name", "every team needs a name");
        continue;
      }
      if (teams.containsKey(name)) {
        problems.add(record, "name", "another team already has this name");
        continue;
      }
      Team team = team(record, name, doc);
      if (team != null) {
        teams.put(name, team);
      }
    }
    checkFallbacks(teams);
    return teams;
  }

  private Team team(String record, String name, TeamDoc doc) {
    Strategy strategy = strategy(record, doc.strategy());
    List<TeamMember> members = new ArrayList<>();
    Set<SalesforceId> seen = new HashSet<>();
    int index = 0;
    for (MemberDoc member : orEmpty(doc.members())) {
      index++;
      String field = "members[" + index + "]";
      SalesforceId user = directory.user(record, field + ".user", member.user());
      int weight = member.weight() == null ? 1 : member.weight();
      int capacity = member.capacity() == null ? 0 : member.capacity();
      if (weight < 1) {
        problems.add(record, field + ".weight", "weight must be at least 1 (was " + weight + ")");
      }
      if (capacity < 0) {
        problems.add(record, field + ".capacity", "capacity must be 0 (no cap) or more");
      }
      if (user != null && !seen.add(user)) {
        problems.add(record, field + ".user", "user " + user + " is in the team twice");
        user = null;
      }
      if (user != null) {
        members.add(
            new TeamMember(
                user,
                Math.max(1, weight),
                Math.max(0, capacity),
                lowerSet(member.languages()),
                lowerSet(member.industries()),
                member.active() == null || member.active()));
      }
    }
    boolean anyoneActive =
        members.stream()
            .anyMatch(m -> m.active() && isActiveUser(directory.reps().get(m.userId())));
    if (!anyoneActive) {
      problems.add(
          record, "members", "the team has no active members, so it can never take a lead");
    }
    String fallbackQueue = blankToNull(doc.fallbackQueue());
    SalesforceId queue =
        fallbackQueue == null ? null : directory.queue(record, "fallbackQueue", fallbackQueue);
    if (strategy == null) {
      return null;
    }
    return new Team(
        name,
        strategy,
        members,
        doc.honourWorkingHours() == null || doc.honourWorkingHours(),
        Boolean.TRUE.equals(doc.matchSkills()),
        blankToNull(doc.fallbackTeam()),
        queue);
  }

  private static boolean isActiveUser(Rep rep) {
    return rep == null || rep.active();
  }

  private Strategy strategy(String record, String text) {
    String key =
        text == null
            ? "ROUND_ROBIN"
            : text.trim().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
    if (key.equals("ROUNDROBIN")) {
      key = "ROUND_ROBIN";
    }
    try {
      return Strategy.valueOf(key);
    } catch (IllegalArgumentException unknown) {
      String allowed =
          Arrays.stream(Strategy.values())
              .map(s -> s.name().toLowerCase(Locale.ROOT))
              .collect(Collectors.joining(", "));
      problems.add(
          record, "strategy", "'" + text + "' is not a strategy (allowed: " + allowed + ")");
      return null;
    }
  }

  /** Fallback teams must exist, and following them must never come back to where it started. */
  private void checkFallbacks(Map<String, Team> teams) {
    for (Team team : teams.values()) {
      if (team.fallbackTeam() != null && !teams.containsKey(team.fallbackTeam())) {
        problems.add(
            "team " + team.name(),
            "fallbackTeam",
            "'" + team.fallbackTeam() + "' is not a team in this rule set");
        continue;
      }
      List<String> chain = new ArrayList<>();
      String next = team.name();
      while (next != null && teams.containsKey(next) && !chain.contains(next)) {
        chain.add(next);
        next = teams.get(next).fallbackTeam();
      }
      if (next != null && next.equals(team.name())) {
        chain.add(next);
        problems.add(
            "team " + team.name(),
            "fallbackTeam",
            "fallback teams go round in a circle: " + String.join(" -> ", chain));
      }
    }
  }

  private static Set<String> lowerSet(List<String> values) {
    return orEmpty(values).stream()
        .filter(v -> v != null && !v.isBlank())
        .map(v -> v.trim().toLowerCase(Locale.ROOT))
        .collect(Collectors.toUnmodifiableSet());
  }
}
