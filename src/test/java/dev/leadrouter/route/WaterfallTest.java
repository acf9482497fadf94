package dev.leadrouter.route;

import static dev.leadrouter.route.ReasonCode.FALLBACK_QUEUE;
import static dev.leadrouter.route.ReasonCode.FALLBACK_TEAM;
import static dev.leadrouter.route.ReasonCode.GENERAL_QUEUE;
import static dev.leadrouter.route.ReasonCode.NO_AVAILABLE_MEMBER;
import static dev.leadrouter.route.ReasonCode.NO_RULE_MATCHED;
import static dev.leadrouter.route.ReasonCode.TEAM_ROUND_ROBIN;
import static dev.leadrouter.route.RouteFixtures.CATCH_ALL;
import static dev.leadrouter.route.RouteFixtures.GENERAL;
import static dev.leadrouter.route.RouteFixtures.OVERFLOW;
import static dev.leadrouter.route.RouteFixtures.OVERFLOW_B;
import static dev.leadrouter.route.RouteFixtures.decide;
import static dev.leadrouter.route.RouteFixtures.inactive;
import static dev.leadrouter.route.RouteFixtures.lead;
import static dev.leadrouter.route.RouteFixtures.member;
import static dev.leadrouter.route.RouteFixtures.newRuleSet;
import static dev.leadrouter.route.RouteFixtures.queueRule;
import static dev.leadrouter.route.RouteFixtures.rep;
import static dev.leadrouter.route.RouteFixtures.team;
import static dev.leadrouter.route.RouteFixtures.teamRule;
import static dev.leadrouter.route.RouteFixtures.when;
import static dev.leadrouter.route.RouteFixtures.withFallback;
import static org.assertj.core.api.Assertions.assertThat;

import dev.leadrouter.criteria.Operator;
import org.junit.jupiter.api.Test;

/**
 * The waterfall when a team cannot take a lead: its fallback team, then the fallback queue, then
 * the general queue, then the catch-all, with the reason codes in the order the steps happened.
 */
class WaterfallTest {

  private final Rep awayA = inactive(rep(1, "Away A"));
  private final Rep awayB = inactive(rep(2, "Away B"));
  private final Rep bea = rep(3, "Bea");

  private RouteFixtures.Builder twoTeams(Team a, Team b) {
    return newRuleSet().reps(awayA, awayB, bea).team(a).team(b).rule(teamRule("A_Rule", 10, "A"));
  }

  private Team teamA(Queue fallbackQueue) {
    return withFallback(team("A", Strategy.ROUND_ROBIN, member(awayA)), "B", fallbackQueue);
  }

  @Test
  void nobodyAvailableGoesOnToTheFallbackTeam() {
    Team b = team("B", Strategy.ROUND_ROBIN, member(bea));

    Decision decision = decide(twoTeams(teamA(OVERFLOW), b).build(), lead());

    assertThat(decision.owner()).isEqualTo(bea.asOwner());
    assertThat(decision.rule()).isEqualTo("A_Rule");
    assertThat(decision.reasons())
        .containsExactly(NO_AVAILABLE_MEMBER, FALLBACK_TEAM, TEAM_ROUND_ROBIN);
    assertThat(decision.strategies()).extracting(StrategyTrace::team).containsExactly("A", "B");
    assertThat(decision.strategies())
        .extracting(StrategyTrace::chosen)
        .containsExactly(null, bea.id());
    assertThat(decision.stateChanges())
        .contains(new StateChange.LoadChanged(bea.id(), 1))
        .anySatisfy(
            change ->
                assertThat(change)
                    .isInstanceOfSatisfying(
                        StateChange.RotationMoved.class,
                        moved -> assertThat(moved.team()).isEqualTo("B")));
  }

  @Test
  void fallbackTeamAlsoEmptyUsesTheNamedTeamsOwnQueueFirst() {
    Team b = withFallback(team("B", Strategy.ROUND_ROBIN, member(awayB)), null, OVERFLOW_B);

    Decision decision = decide(twoTeams(teamA(OVERFLOW), b).build(), lead());

    assertThat(decision.owner()).isEqualTo(OVERFLOW.asOwner());
    assertThat(decision.reasons())
        .containsExactly(NO_AVAILABLE_MEMBER, FALLBACK_TEAM, NO_AVAILABLE_MEMBER, FALLBACK_QUEUE);
    assertThat(decision.stateChanges()).isEmpty();
  }

  @Test
  void fallbackTeamAlsoEmptyUsesTheFallbackTeamsQueueWhenTheNamedTeamHasNone() {
    Team b = withFallback(team("B", Strategy.ROUND_ROBIN, member(awayB)), null, OVERFLOW_B);

    Decision decision = decide(twoTeams(teamA(null), b).build(), lead());

    assertThat(decision.owner()).isEqualTo(OVERFLOW_B.asOwner());
    assertThat(decision.reasons())
        .containsExactly(NO_AVAILABLE_MEMBER, FALLBACK_TEAM, NO_AVAILABLE_MEMBER, FALLBACK_QUEUE);
    assertThat(decision.stateChanges()).isEmpty();
  }

  @Test
  void thenTheTeamsOwnFallbackQueue() {
    Team b = team("B", Strategy.ROUND_ROBIN, member(awayB));

    Decision decision = decide(twoTeams(teamA(OVERFLOW), b).build(), lead());

    assertThat(decision.owner()).isEqualTo(OVERFLOW.asOwner());
    assertThat(decision.reasons())
        .containsExactly(NO_AVAILABLE_MEMBER, FALLBACK_TEAM, NO_AVAILABLE_MEMBER, FALLBACK_QUEUE);
    assertThat(decision.stateChanges()).isEmpty();
  }

  @Test
  void thenTheGeneralQueue() {
    Team b = team("B", Strategy.ROUND_ROBIN, member(awayB));

    Decision decision = decide(twoTeams(teamA(null), b).generalQueue().build(), lead());

    assertThat(decision.owner()).isEqualTo(GENERAL.asOwner());
    assertThat(decision.rule()).isEqualTo("A_Rule");
    assertThat(decision.reasons())
        .containsExactly(NO_AVAILABLE_MEMBER, FALLBACK_TEAM, NO_AVAILABLE_MEMBER, GENERAL_QUEUE);
    assertThat(decision.strategies()).hasSize(2);
  }

  @Test
  void thenTheCatchAllWhenThereIsNoGeneralQueue() {
    Team b = team("B", Strategy.ROUND_ROBIN, member(awayB));

    Decision decision = decide(twoTeams(teamA(null), b).build(), lead());

    assertThat(decision.owner()).isEqualTo(CATCH_ALL.asOwner());
    assertThat(decision.reasons())
        .containsExactly(
            NO_AVAILABLE_MEMBER, FALLBACK_TEAM, NO_AVAILABLE_MEMBER, ReasonCode.CATCH_ALL);
  }

  @Test
  void aCycleBuiltPastTheAssemblerStillEnds() {
    Team a = teamA(null);
    Team b = withFallback(team("B", Strategy.ROUND_ROBIN, member(awayB)), "A", null);

    Decision decision = decide(twoTeams(a, b).generalQueue().build(), lead());

    assertThat(decision.owner()).isEqualTo(GENERAL.asOwner());
    assertThat(decision.strategies()).extracting(StrategyTrace::team).containsExactly("A", "B");
    assertThat(decision.reasons()).endsWith(GENERAL_QUEUE);
  }

  @Test
  void noRuleMatchingGoesToTheCatchAll() {
    RuleSet ruleSet =
        newRuleSet()
            .generalQueue()
            .rule(
                RouteFixtures.rule(
                    "Germany_Only",
                    10,
                    when("CountryCode", Operator.EQUALS, "DE"),
                    new RuleAction.AssignQueue(OVERFLOW.id())))
            .build();

    Decision decision = decide(ruleSet, lead("CountryCode", "FR"));

    assertThat(decision.owner()).isEqualTo(CATCH_ALL.asOwner());
    assertThat(decision.rule()).isNull();
    assertThat(decision.reasons()).containsExactly(NO_RULE_MATCHED, ReasonCode.CATCH_ALL);
    assertThat(decision.path())
        .singleElement()
        .satisfies(
            trace -> {
              assertThat(trace.rule()).isEqualTo("Germany_Only");
              assertThat(trace.matched()).isFalse();
              assertThat(trace.applied()).isFalse();
              assertThat(trace.criteria()).singleElement().extracting("actual").isEqualTo("FR");
            });
  }

  @Test
  void rulesAreTriedLowestOrderFirstAndTheFirstThatPlacesTheLeadDecides() {
    RuleSet ruleSet =
        newRuleSet()
            .rule(queueRule("Second", 20, GENERAL))
            .rule(queueRule("First", 10, OVERFLOW))
            .build();

    Decision decision = decide(ruleSet, lead());

    assertThat(decision.owner()).isEqualTo(OVERFLOW.asOwner());
    assertThat(decision.rule()).isEqualTo("First");
    assertThat(decision.reasons()).containsExactly(ReasonCode.QUEUE);
    assertThat(decision.path()).extracting(RuleTrace::rule).containsExactly("First");
    assertThat(decision.path().get(0).applied()).isTrue();
  }
}
