package dev.leadrouter.bench;

import dev.leadrouter.criteria.CriteriaSet;
import dev.leadrouter.criteria.Criterion;
import dev.leadrouter.criteria.InvalidCriteriaException;
import dev.leadrouter.criteria.Operator;
import dev.leadrouter.engine.LeadInput;
import dev.leadrouter.lead.Lead;
import dev.leadrouter.lead.SalesforceId;
import dev.leadrouter.route.ChannelPolicy;
import dev.leadrouter.route.ConsentPolicy;
import dev.leadrouter.route.Queue;
import dev.leadrouter.route.Rep;
import dev.leadrouter.route.RoutingPolicy;
import dev.leadrouter.route.RoutingRule;
import dev.leadrouter.route.RuleAction;
import dev.leadrouter.route.RuleSet;
import dev.leadrouter.route.Strategy;
import dev.leadrouter.route.Team;
import dev.leadrouter.route.TeamMember;
import dev.leadrouter.route.WorkingHours;
import dev.leadrouter.score.ScoreCategory;
import dev.leadrouter.score.ScoreModel;
import dev.leadrouter.score.ScoreRule;
import dev.leadrouter.score.ScoreTier;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A large org's routing set-up and inbound leads, generated from a seed: many rules with compound
 * criteria, teams of every strategy honouring working hours, and leads with messy real-world
 * values, so benchmarks exercise the same path production does.
 */
public final class SyntheticWorkload {

  private static final String[] COUNTRIES = {
    "US", "United States", "USA", "DE", "Deutschland", "Germany", "FR", "France", "GB", "UK",
    "Canada", "Japan", "Brazil", "IN", "Australia", "Spain", "Italy", "NL", "Sweden", "Mexico"
  };
  private static final String[] ISO = {
    "US", "DE", "FR", "GB", "CA", "JP", "BR", "IN", "AU", "ES", "IT", "NL", "SE", "MX", "CH", "AT"
  };
  private static final String[] SOURCES = {
    "Web", "Phone Inquiry", "Partner Referral", "Purchased List", "Other"
  };
  private static final String[] INDUSTRIES = {
    "Technology",
    "Financial Services",
    "Healthcare",
    "Manufacturing",
    "Retail",
    "Education",
    "Energy"
  };
  private static final String[] PRODUCTS = {"Enterprise", "Professional", "Starter", "Analytics"};
  private static final String[] ZONES = {
    "America/New_York", "America/Los_Angeles", "Europe/Berlin", "Europe/London", "Asia/Tokyo"
  };
  private static final String[] TITLES = {
    "VP Sales", "Director IT", "Head of Ops", "Engineer", "CFO", ""
  };
  private static final String[] PHONES = {
    "+1 415 555 0100", "(212) 555-0199", "030 123456", "+44 20 7946 0958", "n/a"
  };

  private final Random random;

  public SyntheticWorkload(long seed) {
    this.random = new Random(seed);
  }

  /** A rule set of {@code rules} rules over {@code teams} teams sharing {@code reps} reps. */
  public RuleSet ruleSet(int rules, int teams, int reps) {
    Map<SalesforceId, Rep> repsById = new LinkedHashMap<>();
    List<SalesforceId> repIds = new ArrayList<>();
    WorkingHours allWeek = WorkingHours.parse("Mon-Sun 00:00-24:00");
    for (int i = 0; i < reps; i++) {
      SalesforceId id = id("005", i);
      repIds.add(id);
      repsById.put(
          id,
          new Rep(
              id, "Rep " + i, i % 97 != 0, ZoneId.of(ZONES[i % ZONES.length]), allWeek, List.of()));
    }
    SalesforceId catchAll = id("00G", 0);
    SalesforceId general = id("00G", 1);
    Map<String, Team> teamsByName = new LinkedHashMap<>();
    int perTeam = Math.max(1, reps / teams);
    for (int t = 0; t < teams; t++) {
      List<TeamMember> members = new ArrayList<>();
      for (int m = 0; m < perTeam; m++) {
        SalesforceId user = repIds.get((t * perTeam + m) % reps);
        members.add(
            new TeamMember(
                user,
                1 + random.nextInt(5),
                1_000_000,
                Set.of("en", "de"),
                Set.of("technology"),
                true));
      }
      Strategy strategy = Strategy.values()[t % Strategy.values().length];
      String fallback = t + 1 < teams && t % 5 != 4 ? "Team_" + (t + 1) : null;
      teamsByName.put(
          "Team_" + t,
          new Team("Team_" + t, strategy, members, true, t % 3 == 0, fallback, general));
    }
    List<RoutingRule> routingRules = new ArrayList<>();
    routingRules.add(
        new RoutingRule(
            "Account_Owner",
            0,
            CriteriaSet.always(),
            new RuleAction.AccountOwner(0.8),
            false,
            false,
            false,
            null));
    for (int r = 1; r < rules; r++) {
      routingRules.add(
          new RoutingRule(
              "Rule_" + r,
              r * 10,
              criteria(),
              new RuleAction.AssignTeam("Team_" + (r % teams)),
              false,
              r % 10 == 0,
              false,
              null));
    }
    RoutingPolicy policy =
        new RoutingPolicy(
            catchAll,
            general,
            "Language__c",
            new ConsentPolicy(
                List.of("HasOptedOutOfEmail"), Set.of("DE", "AT"), "Marketing_Consent__c", general),
            ChannelPolicy.NONE,
            Set.of());
    ScoreModel scoring =
        new ScoreModel(
            List.of(
                new ScoreRule(
                    "big",
                    ScoreCategory.FIT,
                    single("NumberOfEmployees", Operator.GREATER_THAN, "1000"),
                    30),
                new ScoreRule(
                    "web", ScoreCategory.INTENT, single("LeadSource", Operator.EQUALS, "Web"), 10)),
            List.of(new ScoreTier("hot", 30, 5), new ScoreTier("cold", -1000, 1440)));
    return new RuleSet(
        "synthetic-" + rules + "r-" + teams + "t-" + reps + "u",
        routingRules,
        teamsByName,
        List.of(),
        repsById,
        Map.of(catchAll, new Queue(catchAll, "Catch_All"), general, new Queue(general, "General")),
        policy,
        scoring);
  }

  /** {@code count} leads with a realistic mix of present, missing and messy values. */
  public List<LeadInput> leads(int count) {
    List<LeadInput> leads = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      Map<String, String> fields = new LinkedHashMap<>();
      fields.put(
          "Company",
          "Company " + random.nextInt(5000) + (random.nextBoolean() ? " GmbH" : ", Inc."));
      fields.put("LastName", "Lead" + i);
      fields.put(
          "Email",
          "person"
              + i
              + (random.nextInt(4) == 0
                  ? "@gmail.com"
                  : "@company" + random.nextInt(5000) + ".com"));
      fields.put("Country", pick(COUNTRIES));
      if (random.nextBoolean()) {
        // Mostly a number of its own per lead, as in a real inbound stream; some junk.
        fields.put(
            "Phone",
            random.nextInt(10) == 0
                ? pick(PHONES)
                : String.format(
                    "+1 (%03d) 555-%04d", 200 + random.nextInt(700), random.nextInt(10_000)));
      }
      fields.put("NumberOfEmployees", Integer.toString(random.nextInt(20_000)));
      fields.put("LeadSource", pick(SOURCES));
      fields.put("Industry", pick(INDUSTRIES));
      fields.put("Product_Interest__c", pick(PRODUCTS));
      fields.put("Title", pick(TITLES));
      fields.put("Website", "https://www.company" + random.nextInt(5000) + ".com/about");
      leads.add(LeadInput.of(new Lead(id("00Q", i).value(), fields)));
    }
    return leads;
  }

  private CriteriaSet criteria() {
    List<Criterion> criteria =
        List.of(
            new Criterion(1, "Country", Operator.IN, List.of(pick(ISO), pick(ISO), pick(ISO))),
            Criterion.of(
                2,
                "NumberOfEmployees",
                Operator.GREATER_THAN,
                Integer.toString(random.nextInt(10_000))),
            Criterion.of(3, "LeadSource", Operator.EQUALS, pick(SOURCES)),
            new Criterion(4, "Industry", Operator.IN, List.of(pick(INDUSTRIES), pick(INDUSTRIES))));
    try {
      return CriteriaSet.compile(criteria, "1 AND (2 OR 3) AND 4");
    } catch (InvalidCriteriaException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  private static CriteriaSet single(String field, Operator operator, String value) {
    try {
      return CriteriaSet.compile(List.of(Criterion.of(1, field, operator, value)), null);
    } catch (InvalidCriteriaException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  private String pick(String[] values) {
    return values[random.nextInt(values.length)];
  }

  /** A well-formed id with the given key prefix; the checksum is computed, not made up. */
  static SalesforceId id(String prefix, int n) {
    return new SalesforceId(prefix + String.format("5f0000%06d", n));
  }
}
