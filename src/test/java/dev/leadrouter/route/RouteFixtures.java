package dev.leadrouter.route;

import dev.leadrouter.criteria.CriteriaSet;
import dev.leadrouter.criteria.Criterion;
import dev.leadrouter.criteria.InvalidCriteriaException;
import dev.leadrouter.criteria.Operator;
import dev.leadrouter.lead.Lead;
import dev.leadrouter.lead.SalesforceId;
import dev.leadrouter.score.LeadScore;
import dev.leadrouter.score.ScoreModel;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Real rule-set objects for routing tests, built directly (no YAML), with short helpers for the
 * parts most tests vary: reps, teams, rules and the moment of the decision.
 */
final class RouteFixtures {

  /** A Thursday, 10:00 in Berlin and 04:00 in New York; reps with no working hours are open. */
  static final Instant THURSDAY = Instant.parse("2026-03-05T09:00:00Z");

  static final Queue CATCH_ALL = new Queue(queueId(1), "Catch_All");
  static final Queue GENERAL = new Queue(queueId(2), "General_Inbound");
  static final Queue OVERFLOW = new Queue(queueId(3), "Team_Overflow");
  static final Queue CONSENT = new Queue(queueId(4), "Nurture_Consent");
  static final Queue DIRECT = new Queue(queueId(5), "Direct_Queue");
  static final Queue OVERFLOW_B = new Queue(queueId(6), "Team_B_Overflow");

  private RouteFixtures() {}

  static SalesforceId userId(int n) {
    return new SalesforceId(String.format("005Tst%09d", n));
  }

  static SalesforceId queueId(int n) {
    return new SalesforceId(String.format("00GTst%09d", n));
  }

  /** An active rep in UTC without working hours (always available). */
  static Rep rep(int n, String name) {
    return new Rep(userId(n), name, true, ZoneOffset.UTC, WorkingHours.ALWAYS, List.of());
  }

  static Rep rep(int n, String name, String zone, String hours, DateRange... outOfOffice) {
    return new Rep(
        userId(n),
        name,
        true,
        ZoneId.of(zone),
        WorkingHours.parse(hours),
        Arrays.asList(outOfOffice));
  }

  static Rep inactive(Rep rep) {
    return new Rep(
        rep.id(), rep.name(), false, rep.timeZone(), rep.workingHours(), rep.outOfOffice());
  }

  static DateRange days(String first, String last) {
    return new DateRange(LocalDate.parse(first), LocalDate.parse(last));
  }

  /** Weight 1, no cap, no skills, active. */
  static TeamMember member(Rep rep) {
    return new TeamMember(rep.id(), 1, 0, Set.of(), Set.of(), true);
  }

  static TeamMember member(Rep rep, int weight, int capacity) {
    return new TeamMember(rep.id(), weight, capacity, Set.of(), Set.of(), true);
  }

  static TeamMember skilled(Rep rep, Set<String> languages, Set<String> industries) {
    return new TeamMember(rep.id(), 1, 0, languages, industries, true);
  }

  static TeamMember switchedOff(Rep rep) {
    return new TeamMember(rep.id(), 1, 0, Set.of(), Set.of(), false);
  }

  static Team team(String name, Strategy strategy, TeamMember... members) {
    return new Team(name, strategy, List.of(members), true, false, null, null);
  }

  static Team withFallback(Team team, String fallbackTeam, Queue fallbackQueue) {
    return new Team(
        team.name(),
        team.strategy(),
        team.members(),
        team.honourWorkingHours(),
        team.matchSkills(),
        fallbackTeam,
        fallbackQueue == null ? null : fallbackQueue.id());
  }

  static Team ignoringWorkingHours(Team team) {
    return new Team(
        team.name(),
        team.strategy(),
        team.members(),
        false,
        team.matchSkills(),
        team.fallbackTeam(),
        team.fallbackQueue());
  }

  static Team matchingSkills(Team team) {
    return new Team(
        team.name(),
        team.strategy(),
        team.members(),
        team.honourWorkingHours(),
        true,
        team.fallbackTeam(),
        team.fallbackQueue());
  }

  /** Criteria joined by AND; each {@code Criterion} is numbered by the caller. */
  static CriteriaSet when(Criterion... criteria) {
    try {
      return CriteriaSet.compile(List.of(criteria), null);
    } catch (InvalidCriteriaException e) {
      throw new AssertionError("test criteria do not compile: " + e.getMessage(), e);
    }
  }

  static CriteriaSet when(String field, Operator operator, String... values) {
    return when(Criterion.of(1, field, operator, values));
  }

  static RoutingRule rule(String name, int order, CriteriaSet when, RuleAction action) {
    return new RoutingRule(name, order, when, action, false, false, false, null);
  }

  static RoutingRule rule(String name, int order, RuleAction action) {
    return rule(name, order, CriteriaSet.always(), action);
  }

  static RoutingRule teamRule(String name, int order, String team) {
    return rule(name, order, new RuleAction.AssignTeam(team));
  }

  static RoutingRule queueRule(String name, int order, Queue queue) {
    return rule(name, order, new RuleAction.AssignQueue(queue.id()));
  }

  static Lead lead(String... namesAndValues) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      fields.put(namesAndValues[i], namesAndValues[i + 1]);
    }
    return Lead.of("00QTst000000001", fields);
  }

  static RoutingRequest request(Lead lead) {
    return request(lead, LeadScore.NONE, null, null);
  }

  static RoutingRequest request(
      Lead lead, LeadScore score, AccountMatch account, DuplicateMatch duplicate) {
    return new RoutingRequest(lead.id(), lead, score, account, duplicate, List.of(), Map.of());
  }

  static Decision decide(RuleSet ruleSet, RoutingRequest request, Instant at, RoutingState state) {
    return new RuleHierarchyRouter(Clock.fixed(at, ZoneOffset.UTC)).decide(ruleSet, request, state);
  }

  static Decision decide(RuleSet ruleSet, Lead lead) {
    return decide(ruleSet, request(lead), THURSDAY, new InMemoryRoutingState());
  }

  /** Decides and commits the decision's state changes, as the worker does. */
  static Decision decideAndApply(
      RuleSet ruleSet, RoutingRequest request, Instant at, InMemoryRoutingState state) {
    Decision decision = decide(ruleSet, request, at, state);
    state.apply(decision.stateChanges());
    return decision;
  }

  static MemberState memberState(Decision decision, String team, SalesforceId user) {
    return decision.strategies().stream()
        .filter(s -> s.team().equals(team))
        .flatMap(s -> s.members().stream())
        .filter(m -> m.userId().equals(user))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no state for " + user + " in team " + team));
  }

  static RuleTrace trace(Decision decision, String rule) {
    return decision.path().stream()
        .filter(t -> t.rule().equals(rule))
        .findFirst()
        .orElseThrow(() -> new AssertionError("rule " + rule + " is not on the decision's path"));
  }

  static Builder newRuleSet() {
    return new Builder();
  }

  /** Collects the parts of a rule set; queues for the catch-all and general queue are built in. */
  static final class Builder {
    private final List<RoutingRule> rules = new ArrayList<>();
    private final Map<String, Team> teams = new LinkedHashMap<>();
    private final List<Territory> territories = new ArrayList<>();
    private final Map<SalesforceId, Rep> reps = new LinkedHashMap<>();
    private final Map<SalesforceId, Queue> queues = new LinkedHashMap<>();
    private SalesforceId generalQueue;
    private String languageField;
    private ConsentPolicy consent = ConsentPolicy.NONE;
    private ChannelPolicy channel = ChannelPolicy.NONE;
    private final Set<LocalDate> holidays = new HashSet<>();

    private Builder() {
      for (Queue queue : List.of(CATCH_ALL, GENERAL, OVERFLOW, CONSENT, DIRECT, OVERFLOW_B)) {
        queues.put(queue.id(), queue);
      }
    }

    Builder reps(Rep... reps) {
      for (Rep rep : reps) {
        this.reps.put(rep.id(), rep);
      }
      return this;
    }

    Builder team(Team team) {
      teams.put(team.name(), team);
      return this;
    }

    Builder rule(RoutingRule rule) {
      rules.add(rule);
      return this;
    }

    Builder territory(Territory territory) {
      territories.add(territory);
      return this;
    }

    Builder generalQueue() {
      generalQueue = GENERAL.id();
      return this;
    }

    Builder languageField(String field) {
      languageField = field;
      return this;
    }

    Builder consent(ConsentPolicy consent) {
      this.consent = consent;
      return this;
    }

    Builder channel(ChannelPolicy channel) {
      this.channel = channel;
      return this;
    }

    Builder holidays(String... days) {
      for (String day : days) {
        holidays.add(LocalDate.parse(day));
      }
      return this;
    }

    RuleSet build() {
      RoutingPolicy policy =
          new RoutingPolicy(
              CATCH_ALL.id(), generalQueue, languageField, consent, channel, holidays);
      return new RuleSet("test", rules, teams, territories, reps, queues, policy, ScoreModel.EMPTY);
    }
  }

  static Set<String> set(String... values) {
    return new LinkedHashSet<>(Arrays.asList(values));
  }
}
