package dev.leadrouter.route;

import static dev.leadrouter.route.RouteFixtures.THURSDAY;
import static dev.leadrouter.route.RouteFixtures.decideAndApply;
import static dev.leadrouter.route.RouteFixtures.lead;
import static dev.leadrouter.route.RouteFixtures.member;
import static dev.leadrouter.route.RouteFixtures.newRuleSet;
import static dev.leadrouter.route.RouteFixtures.rep;
import static dev.leadrouter.route.RouteFixtures.request;
import static dev.leadrouter.route.RouteFixtures.teamRule;
import static org.assertj.core.api.Assertions.assertThat;

import dev.leadrouter.lead.SalesforceId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Weighted round robin over 10,000 leads lands within 1% of the weights: for every member, {@code
 * |share - weight / sum of weights| <= 0.01}. Members are uncapped and always available; the leads
 * and the instants they arrive at are random, from a fixed seed that every message names.
 */
class WeightedRoundRobinRandomizedTest {

  private static final long SEED = 0x5EED_2026_0001L;
  private static final int LEADS = 10_000;
  private static final double TOLERANCE = 0.01;

  @Test
  void sharesMatchWeightsFiveThreeTwoOne() {
    Result result = route(new int[] {5, 3, 2, 1}, new Random(SEED));

    result.assertShares("weights 5,3,2,1");
    // Smooth: the heaviest member never gets a long run of leads in a row.
    assertThat(result.longestStreak).as("seed %d: longest streak", SEED).isLessThanOrEqualTo(2);
  }

  @Test
  void sharesMatchRandomWeights() {
    Random random = new Random(SEED);
    for (int round = 0; round < 5; round++) {
      int[] weights = new int[2 + random.nextInt(7)];
      for (int i = 0; i < weights.length; i++) {
        weights[i] = 1 + random.nextInt(10);
      }
      route(weights, random)
          .assertShares("round " + round + ", weights " + Arrays.toString(weights));
    }
  }

  private static Result route(int[] weights, Random random) {
    List<Rep> reps = new ArrayList<>();
    List<TeamMember> members = new ArrayList<>();
    for (int i = 0; i < weights.length; i++) {
      Rep rep = rep(i + 1, "Rep " + (i + 1));
      reps.add(rep);
      members.add(member(rep, weights[i], 0));
    }
    RuleSet ruleSet =
        newRuleSet()
            .reps(reps.toArray(Rep[]::new))
            .team(new Team("Weighted", Strategy.WEIGHTED, members, true, false, null, null))
            .rule(teamRule("Weighted_Rule", 10, "Weighted"))
            .build();
    InMemoryRoutingState state = new InMemoryRoutingState();
    Map<SalesforceId, Integer> counts = new HashMap<>();
    SalesforceId previous = null;
    int streak = 0;
    int longestStreak = 0;
    for (int i = 0; i < LEADS; i++) {
      Instant at = THURSDAY.plusSeconds(random.nextInt(365 * 24 * 3600));
      Decision decision =
          decideAndApply(
              ruleSet,
              request(lead("Company", "Co " + random.nextInt(), "CountryCode", "US")),
              at,
              state);
      assertThat(decision.reasons())
          .as("seed %d, lead #%d", SEED, i)
          .containsExactly(ReasonCode.TEAM_WEIGHTED);
      SalesforceId owner = decision.owner().id();
      counts.merge(owner, 1, Integer::sum);
      streak = owner.equals(previous) ? streak + 1 : 1;
      longestStreak = Math.max(longestStreak, streak);
      previous = owner;
    }
    return new Result(weights, reps, counts, longestStreak);
  }

  private record Result(
      int[] weights, List<Rep> reps, Map<SalesforceId, Integer> counts, int longestStreak) {

    void assertShares(String what) {
      int sum = Arrays.stream(weights).sum();
      for (int i = 0; i < weights.length; i++) {
        double expected = (double) weights[i] / sum;
        double share = (double) counts.getOrDefault(reps.get(i).id(), 0) / LEADS;
        assertThat(Math.abs(share - expected))
            .as(
                "seed %d, %s: member %d has share %.4f, weight share %.4f (counts %s)",
                SEED, what, i + 1, share, expected, counts)
            .isLessThanOrEqualTo(TOLERANCE);
      }
    }
  }
}
