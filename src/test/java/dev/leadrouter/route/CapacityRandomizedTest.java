package dev.leadrouter.route;

import static dev.leadrouter.route.RouteFixtures.OVERFLOW;
import static dev.leadrouter.route.RouteFixtures.THURSDAY;
import static dev.leadrouter.route.RouteFixtures.decideAndApply;
import static dev.leadrouter.route.RouteFixtures.lead;
import static dev.leadrouter.route.RouteFixtures.member;
import static dev.leadrouter.route.RouteFixtures.newRuleSet;
import static dev.leadrouter.route.RouteFixtures.rep;
import static dev.leadrouter.route.RouteFixtures.request;
import static dev.leadrouter.route.RouteFixtures.teamRule;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The capacity strategy under random caps and random starting loads, with reps working leads off at
 * random in between: while anyone has room, the lead goes to a member under their cap with the
 * least share of it in use, and nobody ever goes over; once everyone is full, leads go to the
 * team's fallback queue. The seed is fixed and named in every message.
 */
class CapacityRandomizedTest {

  private static final long SEED = 0xCA9A_C17EL;
  private static final int TEAMS = 3;
  private static final int LEADS = 10_000;

  @Test
  void nobodyExceedsTheirCapAndFullTeamsOverflowToTheFallbackQueue() {
    Random random = new Random(SEED);
    for (int round = 0; round < TEAMS; round++) {
      routeOneTeam(random, round);
    }
  }

  private static void routeOneTeam(Random random, int round) {
    int size = 3 + random.nextInt(6);
    List<Rep> reps = new ArrayList<>();
    List<TeamMember> members = new ArrayList<>();
    int[] caps = new int[size];
    int[] loads = new int[size];
    InMemoryRoutingState state = new InMemoryRoutingState();
    for (int i = 0; i < size; i++) {
      Rep rep = rep(i + 1, "Rep " + (i + 1));
      caps[i] = 1 + random.nextInt(30);
      loads[i] = random.nextInt(caps[i] + 1);
      reps.add(rep);
      members.add(member(rep, 1 + random.nextInt(5), caps[i]));
      state.setOpenLoad(rep.id(), loads[i]);
    }
    RuleSet ruleSet =
        newRuleSet()
            .reps(reps.toArray(Rep[]::new))
            .team(
                new Team("Capacity", Strategy.CAPACITY, members, true, false, null, OVERFLOW.id()))
            .rule(teamRule("Capacity_Rule", 10, "Capacity"))
            .build();

    int toMembers = 0;
    int toQueue = 0;
    for (int n = 0; n < LEADS; n++) {
      String context = "seed " + SEED + ", team " + round + ", lead #" + n;
      // Now and then a rep works a lead off, freeing room under their cap.
      if (random.nextInt(100) < 40) {
        int i = random.nextInt(size);
        if (loads[i] > 0) {
          loads[i]--;
          state.apply(List.of(new StateChange.LoadChanged(reps.get(i).id(), -1)));
        }
      }
      double leastUse = Double.MAX_VALUE;
      for (int i = 0; i < size; i++) {
        if (loads[i] < caps[i]) {
          leastUse = Math.min(leastUse, (double) loads[i] / caps[i]);
        }
      }

      Decision decision = decideAndApply(ruleSet, request(lead()), THURSDAY, state);

      if (leastUse == Double.MAX_VALUE) {
        toQueue++;
        assertThat(decision.owner()).as(context).isEqualTo(OVERFLOW.asOwner());
        assertThat(decision.reasons())
            .as(context)
            .containsExactly(ReasonCode.NO_AVAILABLE_MEMBER, ReasonCode.FALLBACK_QUEUE);
        assertThat(decision.stateChanges()).as(context).isEmpty();
      } else {
        toMembers++;
        int chosen = indexOf(reps, decision.owner());
        assertThat(chosen).as(context + ": owner " + decision.owner()).isNotNegative();
        assertThat(loads[chosen])
            .as(context + ": chosen member was under their cap")
            .isLessThan(caps[chosen]);
        assertThat((double) loads[chosen] / caps[chosen])
            .as(context + ": chosen member has the least share of their cap in use")
            .isEqualTo(leastUse);
        assertThat(decision.reasons()).as(context).containsExactly(ReasonCode.TEAM_CAPACITY);
        loads[chosen]++;
      }
      for (int i = 0; i < size; i++) {
        assertThat(state.openLoad(reps.get(i).id()))
            .as(context + ": load of member " + i)
            .isEqualTo(loads[i])
            .isLessThanOrEqualTo(caps[i]);
      }
    }
    assertThat(toMembers)
        .as("seed %d, team %d: leads to members", SEED, round)
        .isGreaterThan(LEADS / 4);
    assertThat(toQueue)
        .as("seed %d, team %d: leads to the queue", SEED, round)
        .isGreaterThan(LEADS / 4);
  }

  private static int indexOf(List<Rep> reps, Owner owner) {
    for (int i = 0; i < reps.size(); i++) {
      if (reps.get(i).id().equals(owner.id())) {
        return i;
      }
    }
    return -1;
  }
}
