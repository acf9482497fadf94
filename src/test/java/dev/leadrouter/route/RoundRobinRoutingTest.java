package dev.leadrouter.route;

import static dev.leadrouter.route.RouteFixtures.THURSDAY;
import static dev.leadrouter.route.RouteFixtures.decide;
import static dev.leadrouter.route.RouteFixtures.decideAndApply;
import static dev.leadrouter.route.RouteFixtures.inactive;
import static dev.leadrouter.route.RouteFixtures.lead;
import static dev.leadrouter.route.RouteFixtures.member;
import static dev.leadrouter.route.RouteFixtures.memberState;
import static dev.leadrouter.route.RouteFixtures.newRuleSet;
import static dev.leadrouter.route.RouteFixtures.rep;
import static dev.leadrouter.route.RouteFixtures.request;
import static dev.leadrouter.route.RouteFixtures.team;
import static dev.leadrouter.route.RouteFixtures.teamRule;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RoundRobinRoutingTest {

  private final Rep ann = rep(1, "Ann");
  private final Rep ben = rep(2, "Ben");
  private final Rep cat = rep(3, "Cat");

  private RuleSet ruleSet(Rep... reps) {
    return newRuleSet()
        .reps(reps)
        .team(team("Sales", Strategy.ROUND_ROBIN, member(ann), member(ben), member(cat)))
        .rule(teamRule("Sales_Rule", 10, "Sales"))
        .build();
  }

  private static List<String> route(RuleSet ruleSet, InMemoryRoutingState state, int leads) {
    List<String> owners = new ArrayList<>();
    for (int i = 0; i < leads; i++) {
      owners.add(decideAndApply(ruleSet, request(lead()), THURSDAY, state).owner().name());
    }
    return owners;
  }

  @Test
  void rotatesThroughMembersInTeamOrder() {
    List<String> owners = route(ruleSet(ann, ben, cat), new InMemoryRoutingState(), 7);

    assertThat(owners).containsExactly("Ann", "Ben", "Cat", "Ann", "Ben", "Cat", "Ann");
  }

  @Test
  void skipsUnavailableMembersAndSaysWhy() {
    RuleSet ruleSet = ruleSet(ann, inactive(ben), cat);
    InMemoryRoutingState state = new InMemoryRoutingState();

    Decision first = decideAndApply(ruleSet, request(lead()), THURSDAY, state);
    List<String> owners = new ArrayList<>(List.of(first.owner().name()));
    owners.addAll(route(ruleSet, state, 3));

    assertThat(owners).containsExactly("Ann", "Cat", "Ann", "Cat");
    assertThat(memberState(first, "Sales", ben.id()).unavailable())
        .isEqualTo(ReasonCode.USER_INACTIVE);
    assertThat(memberState(first, "Sales", ann.id()).unavailable()).isNull();
    assertThat(first.reasons()).containsExactly(ReasonCode.TEAM_ROUND_ROBIN);
  }

  @Test
  void rotationContinuesAfterTheLastAssignedAcrossDecisions() {
    RuleSet ruleSet = ruleSet(ann, ben, cat);
    InMemoryRoutingState state = new InMemoryRoutingState();
    assertThat(route(ruleSet, state, 2)).containsExactly("Ann", "Ben");

    // Cat is full for a moment: the rotation passes her by, then goes on after Ann, not from the
    // top of the list.
    RuleSet capped =
        newRuleSet()
            .reps(ann, ben, cat)
            .team(team("Sales", Strategy.ROUND_ROBIN, member(ann), member(ben), member(cat, 1, 1)))
            .rule(teamRule("Sales_Rule", 10, "Sales"))
            .build();
    state.setOpenLoad(cat.id(), 1);
    Decision skipped = decideAndApply(capped, request(lead()), THURSDAY, state);
    assertThat(skipped.owner().name()).isEqualTo("Ann");
    assertThat(memberState(skipped, "Sales", cat.id()).unavailable())
        .isEqualTo(ReasonCode.AT_CAPACITY);

    state.setOpenLoad(cat.id(), 0);
    assertThat(route(capped, state, 3)).containsExactly("Ben", "Cat", "Ann");
  }

  @Test
  void startsAfterTheLastAssignedInStoredState() {
    InMemoryRoutingState state = new InMemoryRoutingState();
    state.apply(List.of(new StateChange.RotationMoved("Sales", ben.id(), Map.of())));

    Decision decision = decide(ruleSet(ann, ben, cat), request(lead()), THURSDAY, state);

    assertThat(decision.owner().name()).isEqualTo("Cat");
    assertThat(decision.strategies())
        .singleElement()
        .extracting(StrategyTrace::previous)
        .isEqualTo(ben.id());
  }

  @Test
  void decidingDoesNotMoveTheRotationButCarriesTheChangesToCommit() {
    RuleSet ruleSet = ruleSet(ann, ben, cat);
    InMemoryRoutingState state = new InMemoryRoutingState();

    Decision first = decide(ruleSet, request(lead()), THURSDAY, state);
    Decision again = decide(ruleSet, request(lead()), THURSDAY, state);

    assertThat(first.owner()).isEqualTo(again.owner()).isEqualTo(ann.asOwner());
    assertThat(state.rotation("Sales")).isEqualTo(TeamRotation.START);
    assertThat(state.openLoad(ann.id())).isZero();
    assertThat(first.stateChanges())
        .containsExactly(
            new StateChange.RotationMoved("Sales", ann.id(), Map.of()),
            new StateChange.LoadChanged(ann.id(), 1));

    state.apply(first.stateChanges());
    assertThat(state.rotation("Sales").lastAssigned()).isEqualTo(ann.id());
    assertThat(state.openLoad(ann.id())).isEqualTo(1);
  }

  @Test
  void aMemberRemovedFromTheTeamDoesNotBreakTheRotation() {
    InMemoryRoutingState state = new InMemoryRoutingState();
    state.apply(List.of(new StateChange.RotationMoved("Sales", rep(9, "Gone").id(), Map.of())));

    assertThat(route(ruleSet(ann, ben, cat), state, 4)).containsExactly("Ann", "Ben", "Cat", "Ann");
  }
}
