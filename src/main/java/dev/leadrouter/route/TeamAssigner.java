package dev.leadrouter.route;

import dev.leadrouter.lead.FieldSource;
import dev.leadrouter.lead.SalesforceId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Lets a team pick a member, walking the team's waterfall when nobody can take the lead: the
 * members of the fallback team (and of its own fallback teams), then the nearest fallback queue
 * along that chain, starting with the first team's own. The team an admin named keeps its overflow
 * queue even when it borrows another team's reps.
 */
final class TeamAssigner {

  private final RuleSet ruleSet;
  private final RoutingState state;
  private final RepAvailability availability;

  /** What the team path produced; {@code owner} is {@code null} when it was exhausted. */
  record Outcome(Owner owner, List<StrategyTrace> traces, List<StateChange> changes) {}

  TeamAssigner(RuleSet ruleSet, RoutingState state, RepAvailability availability) {
    this.ruleSet = ruleSet;
    this.state = state;
    this.availability = availability;
  }

  Outcome assign(String teamName, FieldSource lead, List<ReasonCode> reasons) {
    List<StrategyTrace> traces = new ArrayList<>(2);
    Set<String> visited = new HashSet<>();
    SalesforceId nearestQueue = null;
    Team team = ruleSet.teams().get(teamName);
    while (team != null && visited.add(team.name())) {
      AssignmentStrategy.Pick pick = pickMember(team, lead, reasons, traces);
      if (pick != null) {
        reasons.add(strategyReason(team.strategy()));
        SalesforceId chosen = pick.chosen().member().userId();
        return new Outcome(
            ruleSet.userOwner(chosen),
            traces,
            List.of(
                new StateChange.RotationMoved(team.name(), chosen, pick.credits()),
                new StateChange.LoadChanged(chosen, 1)));
      }
      reasons.add(ReasonCode.NO_AVAILABLE_MEMBER);
      if (nearestQueue == null) {
        nearestQueue = team.fallbackQueue();
      }
      team = team.fallbackTeam() == null ? null : ruleSet.teams().get(team.fallbackTeam());
      if (team != null) {
        reasons.add(ReasonCode.FALLBACK_TEAM);
      }
    }
    if (nearestQueue != null) {
      reasons.add(ReasonCode.FALLBACK_QUEUE);
      return new Outcome(ruleSet.queueOwner(nearestQueue), traces, List.of());
    }
    return new Outcome(null, traces, List.of());
  }

  private AssignmentStrategy.Pick pickMember(
      Team team, FieldSource lead, List<ReasonCode> reasons, List<StrategyTrace> traces) {
    TeamRotation rotation = state.rotation(team.name());
    List<TeamMember> members = team.members();
    int size = members.size();
    int lastIndex = indexOf(members, rotation.lastAssigned());
    List<Candidate> candidates = new ArrayList<>(size);
    List<MemberState> seen = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      TeamMember member = members.get(i);
      Rep rep = ruleSet.reps().get(member.userId());
      int load = state.openLoad(member.userId());
      ReasonCode away = unavailable(team, member, rep, load);
      if (away == null) {
        candidates.add(new Candidate(member, Math.floorMod(i - lastIndex - 1, size), load));
      }
      seen.add(
          new MemberState(
              member.userId(),
              rep == null ? member.userId().value() : rep.name(),
              away,
              load,
              member.capacity(),
              member.weight(),
              Candidate.effectiveWeight(member, load),
              rotation.credit(member.userId())));
    }
    if (team.matchSkills() && !candidates.isEmpty()) {
      candidates = bySkills(candidates, lead, reasons);
    }
    AssignmentStrategy.Pick pick =
        candidates.isEmpty()
            ? null
            : AssignmentStrategy.of(team.strategy()).pick(candidates, rotation);
    SalesforceId chosen = pick == null ? null : pick.chosen().member().userId();
    traces.add(
        new StrategyTrace(team.name(), team.strategy(), rotation.lastAssigned(), seen, chosen));
    return pick;
  }

  private ReasonCode unavailable(Team team, TeamMember member, Rep rep, int load) {
    if (!member.active()) {
      return ReasonCode.MEMBER_INACTIVE;
    }
    ReasonCode reason = availability.unavailableReason(rep, team.honourWorkingHours());
    if (reason == null && member.hasCap() && load >= member.capacity()) {
      return ReasonCode.AT_CAPACITY;
    }
    return reason;
  }

  /**
   * Narrows the candidates to those speaking the lead's language, then to those knowing its
   * industry, each step only when someone qualifies, so skills steer and never strand a lead.
   */
  private List<Candidate> bySkills(
      List<Candidate> candidates, FieldSource lead, List<ReasonCode> reasons) {
    String languageField = ruleSet.policy().languageField();
    String language = languageField == null ? null : lower(lead.get(languageField));
    String industry = lower(lead.get("industry"));
    if (language == null && industry == null) {
      return candidates;
    }
    List<Candidate> skilled = candidates;
    if (language != null) {
      skilled = narrow(skilled, c -> c.member().languages().contains(language));
    }
    if (industry != null) {
      skilled = narrow(skilled, c -> c.member().industries().contains(industry));
    }
    reasons.add(skilled == candidates ? ReasonCode.SKILLS_NOT_MATCHED : ReasonCode.SKILLS_MATCHED);
    return skilled;
  }

  private static List<Candidate> narrow(
      List<Candidate> candidates, java.util.function.Predicate<Candidate> skill) {
    List<Candidate> narrowed = candidates.stream().filter(skill).toList();
    return narrowed.isEmpty() ? candidates : narrowed;
  }

  private static String lower(String value) {
    return value == null ? null : value.trim().toLowerCase(Locale.ROOT);
  }

  private static int indexOf(List<TeamMember> members, SalesforceId userId) {
    if (userId == null) {
      return -1;
    }
    for (int i = 0; i < members.size(); i++) {
      if (members.get(i).userId().equals(userId)) {
        return i;
      }
    }
    return -1;
  }

  private static ReasonCode strategyReason(Strategy strategy) {
    return switch (strategy) {
      case ROUND_ROBIN -> ReasonCode.TEAM_ROUND_ROBIN;
      case WEIGHTED -> ReasonCode.TEAM_WEIGHTED;
      case CAPACITY -> ReasonCode.TEAM_CAPACITY;
    };
  }
}
