package dev.leadrouter.sla;

import dev.leadrouter.lead.SalesforceId;
import dev.leadrouter.route.ChannelPolicy;
import dev.leadrouter.route.ConsentPolicy;
import dev.leadrouter.route.Rep;
import dev.leadrouter.route.RoutingPolicy;
import dev.leadrouter.route.RuleSet;
import dev.leadrouter.route.Strategy;
import dev.leadrouter.route.Team;
import dev.leadrouter.route.TeamMember;
import dev.leadrouter.score.ScoreModel;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Rule sets for SLA tests: one round-robin team, "emea", of the reps given, in that order. */
final class SlaRuleSets {

  static final String TEAM = "emea";

  private SlaRuleSets() {}

  static RuleSet withTeam(Rep... reps) {
    Map<SalesforceId, Rep> byId = new LinkedHashMap<>();
    Arrays.stream(reps).forEach(rep -> byId.put(rep.id(), rep));
    List<TeamMember> members =
        Arrays.stream(reps)
            .map(rep -> new TeamMember(rep.id(), 1, 0, Set.of(), Set.of(), true))
            .toList();
    Team team = new Team(TEAM, Strategy.ROUND_ROBIN, members, true, false, null, null);
    return new RuleSet(
        "sla-test",
        List.of(),
        Map.of(TEAM, team),
        List.of(),
        byId,
        Map.of(),
        new RoutingPolicy(
            new SalesforceId("00GWk0000000002"),
            null,
            null,
            ConsentPolicy.NONE,
            ChannelPolicy.NONE,
            Set.of()),
        ScoreModel.EMPTY);
  }
}
