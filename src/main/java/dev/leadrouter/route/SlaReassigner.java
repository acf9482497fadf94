package dev.leadrouter.route;

import dev.leadrouter.lead.SalesforceId;
import dev.leadrouter.score.LeadScore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Picks the next available rep of the same team for a lead nobody touched in time. The team's own
 * strategy and rotation decide, as for a new lead, with the current owner left out and without the
 * team's waterfall: the lead stays in its team or stays where it is.
 */
public final class SlaReassigner {

  private final RuleSet ruleSet;
  private final RoutingState state;

  public SlaReassigner(RuleSet ruleSet, RoutingState state) {
    this.ruleSet = ruleSet;
    this.state = state;
  }

  /**
   * The replacement decision, with reason {@link ReasonCode#SLA_REASSIGN} first; empty when the
   * team is unknown or nobody else in it is available now.
   *
   * @param previous the decision being replaced, for its rule, score and SLA minutes
   */
  public Optional<Decision> reassign(
      String leadId,
      String teamName,
      SalesforceId currentOwner,
      String rule,
      LeadScore score,
      Integer slaMinutes,
      Instant now) {
    Team team = teamName == null ? null : ruleSet.teams().get(teamName);
    if (team == null) {
      return Optional.empty();
    }
    List<TeamMember> others = new ArrayList<>();
    for (TeamMember member : team.members()) {
      others.add(
          member.userId().equals(currentOwner)
              ? new TeamMember(
                  member.userId(),
                  member.weight(),
                  member.capacity(),
                  member.languages(),
                  member.industries(),
                  false)
              : member);
    }
    Team withoutOwner =
        new Team(
            team.name(),
            team.strategy(),
            others,
            team.honourWorkingHours(),
            team.matchSkills(),
            null,
            null);
    Map<String, Team> teams = new HashMap<>(ruleSet.teams());
    teams.put(team.name(), withoutOwner);
    RuleSet narrowed =
        new RuleSet(
            ruleSet.version(),
            ruleSet.rules(),
            teams,
            ruleSet.territories(),
            ruleSet.reps(),
            ruleSet.queues(),
            ruleSet.policy(),
            ruleSet.scoring());
    List<ReasonCode> reasons = new ArrayList<>(List.of(ReasonCode.SLA_REASSIGN));
    TeamAssigner.Outcome outcome =
        new TeamAssigner(narrowed, state, new RepAvailability(now, ruleSet.policy().holidays()))
            .assign(team.name(), field -> null, reasons);
    if (outcome.owner() == null || outcome.owner().type() != OwnerType.USER) {
      return Optional.empty();
    }
    List<StateChange> changes = new ArrayList<>(outcome.changes());
    if (state.openLoad(currentOwner) > 0) {
      changes.add(new StateChange.LoadChanged(currentOwner, -1));
    }
    return Optional.of(
        new Decision(
            leadId,
            outcome.owner(),
            rule,
            reasons,
            List.of(),
            outcome.traces(),
            Map.of("PreviousOwner", currentOwner.value()),
            score == null ? LeadScore.NONE : score,
            null,
            slaMinutes,
            false,
            now,
            ruleSet.version(),
            changes));
  }
}
