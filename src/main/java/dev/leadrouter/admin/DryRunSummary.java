package dev.leadrouter.admin;

import dev.leadrouter.lead.SalesforceId;
import dev.leadrouter.route.Owner;
import dev.leadrouter.route.OwnerType;
import dev.leadrouter.route.Rep;
import dev.leadrouter.route.RoutingRule;
import dev.leadrouter.route.RuleSet;
import dev.leadrouter.route.Strategy;
import dev.leadrouter.route.Team;
import dev.leadrouter.route.TeamMember;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a dry run found, in figures: how many leads would change owner, per rule, owner and team,
 * how fairly each team shares its leads, the rules nobody hit, the catch-all, and the hourly load
 * each rep would carry.
 */
public record DryRunSummary(
    int leads,
    int changed,
    List<RuleCount> byRule,
    List<OwnerCount> byOwner,
    List<TeamCount> byTeam,
    int catchAll,
    List<String> catchAllLeads,
    List<String> unusedRules,
    List<SlaLoad> slaLoad,
    double weeks) {

  /** How reports name the decisions no rule made. */
  public static final String NO_RULE = "(no rule: catch-all)";

  /** Catch-all lead ids listed in the summary at most; the CSV has every lead. */
  static final int MAX_CATCH_ALL_LISTED = 1000;

  static final int HOURS_OF_WEEK = 7 * 24;

  /** Leads a rule decided, and how many of them would change owner. */
  public record RuleCount(String rule, int leads, int changed) {}

  /** An owner's leads under the rules, and the leads it has now. */
  public record OwnerCount(SalesforceId id, String name, OwnerType type, int leads, int current) {}

  /**
   * A team's leads and Jain's index over its active members' leads per unit of weight ({@code NaN}
   * when the team got no lead).
   */
  public record TeamCount(
      String team, Strategy strategy, int leads, int members, double fairness) {}

  /**
   * New leads per hour of the week a rep would have to follow up, averaged over the weeks the leads
   * span; hour 0 is Monday 00:00 in the rep's time zone.
   */
  public record SlaLoad(SalesforceId id, String name, ZoneId zone, double[] perHour) {

    public double peak() {
      double peak = 0;
      for (double load : perHour) {
        peak = Math.max(peak, load);
      }
      return peak;
    }

    public double total() {
      double total = 0;
      for (double load : perHour) {
        total += load;
      }
      return total;
    }
  }

  public static DryRunSummary of(List<DryRunRow> rows, RuleSet ruleSet) {
    Map<String, int[]> perRule = new LinkedHashMap<>();
    for (RoutingRule rule : ruleSet.rules()) {
      perRule.put(rule.name(), new int[2]);
    }
    Map<SalesforceId, int[]> perOwner = new HashMap<>();
    Map<SalesforceId, Owner> owners = new HashMap<>();
    Map<String, Map<SalesforceId, Integer>> perTeam = new HashMap<>();
    List<String> catchAllLeads = new ArrayList<>();
    int changed = 0;
    int catchAll = 0;
    for (DryRunRow row : rows) {
      int[] rule = perRule.computeIfAbsent(row.ruleLabel(), name -> new int[2]);
      rule[0]++;
      if (row.changed()) {
        changed++;
        rule[1]++;
      }
      owners.putIfAbsent(row.newOwner().id(), row.newOwner());
      perOwner.computeIfAbsent(row.newOwner().id(), id -> new int[2])[0]++;
      if (row.currentOwner() != null) {
        perOwner.computeIfAbsent(row.currentOwner(), id -> new int[2])[1]++;
      }
      if (row.team() != null) {
        perTeam
            .computeIfAbsent(row.team(), team -> new HashMap<>())
            .merge(row.newOwner().id(), 1, Integer::sum);
      }
      if (row.catchAll()) {
        catchAll++;
        if (catchAllLeads.size() < MAX_CATCH_ALL_LISTED) {
          catchAllLeads.add(row.leadId());
        }
      }
    }
    List<RuleCount> byRule = new ArrayList<>();
    List<String> unused = new ArrayList<>();
    perRule.forEach(
        (rule, counts) -> {
          byRule.add(new RuleCount(rule, counts[0], counts[1]));
          if (counts[0] == 0) {
            unused.add(rule);
          }
        });
    List<OwnerCount> byOwner = new ArrayList<>();
    perOwner.forEach(
        (id, counts) -> {
          Owner owner = owners.getOrDefault(id, ownerOf(id, ruleSet));
          byOwner.add(new OwnerCount(id, owner.name(), owner.type(), counts[0], counts[1]));
        });
    byOwner.sort(
        Comparator.comparingInt(OwnerCount::leads)
            .reversed()
            .thenComparing(OwnerCount::current, Comparator.reverseOrder())
            .thenComparing(count -> count.id().value()));
    double weeks = weeks(rows);
    return new DryRunSummary(
        rows.size(),
        changed,
        byRule,
        byOwner,
        teams(ruleSet, perTeam),
        catchAll,
        catchAllLeads,
        unused,
        slaLoad(rows, ruleSet, weeks),
        weeks);
  }

  private static Owner ownerOf(SalesforceId id, RuleSet ruleSet) {
    return id.isQueue() ? ruleSet.queueOwner(id) : ruleSet.userOwner(id);
  }

  private static List<TeamCount> teams(
      RuleSet ruleSet, Map<String, Map<SalesforceId, Integer>> perTeam) {
    List<TeamCount> teams = new ArrayList<>();
    for (Team team : ruleSet.teams().values()) {
      Map<SalesforceId, Integer> got = perTeam.getOrDefault(team.name(), Map.of());
      List<Double> shares = new ArrayList<>();
      for (TeamMember member : team.members()) {
        if (member.active()) {
          int weight = team.strategy() == Strategy.WEIGHTED ? Math.max(1, member.weight()) : 1;
          shares.add(got.getOrDefault(member.userId(), 0) / (double) weight);
        }
      }
      int leads = got.values().stream().mapToInt(Integer::intValue).sum();
      teams.add(
          new TeamCount(
              team.name(),
              team.strategy(),
              leads,
              shares.size(),
              leads == 0 ? Double.NaN : Fairness.jain(shares)));
    }
    teams.sort(Comparator.comparingInt(TeamCount::leads).reversed().thenComparing(TeamCount::team));
    return teams;
  }

  /** The weeks the leads' creation dates span, at least one, so loads are per average week. */
  private static double weeks(List<DryRunRow> rows) {
    Instant first = null;
    Instant last = null;
    for (DryRunRow row : rows) {
      Instant created = row.createdAt();
      if (created != null) {
        first = first == null || created.isBefore(first) ? created : first;
        last = last == null || created.isAfter(last) ? created : last;
      }
    }
    if (first == null) {
      return 1;
    }
    return Math.max(1.0, Duration.between(first, last).toMinutes() / (7.0 * 24 * 60));
  }

  private static List<SlaLoad> slaLoad(List<DryRunRow> rows, RuleSet ruleSet, double weeks) {
    Map<SalesforceId, double[]> perRep = new HashMap<>();
    for (DryRunRow row : rows) {
      if (row.createdAt() == null || row.newOwner().type() != OwnerType.USER) {
        continue;
      }
      ZonedDateTime local = row.createdAt().atZone(zone(row.newOwner().id(), ruleSet));
      int hour = (local.getDayOfWeek().getValue() - 1) * 24 + local.getHour();
      perRep.computeIfAbsent(row.newOwner().id(), id -> new double[HOURS_OF_WEEK])[hour] +=
          1 / weeks;
    }
    List<SlaLoad> loads = new ArrayList<>();
    perRep.forEach(
        (id, perHour) ->
            loads.add(new SlaLoad(id, ruleSet.userOwner(id).name(), zone(id, ruleSet), perHour)));
    loads.sort(
        Comparator.comparingDouble(SlaLoad::total)
            .reversed()
            .thenComparing(load -> load.id().value()));
    return loads;
  }

  private static ZoneId zone(SalesforceId user, RuleSet ruleSet) {
    Rep rep = ruleSet.reps().get(user);
    return rep == null ? ZoneOffset.UTC : rep.timeZone();
  }
}
