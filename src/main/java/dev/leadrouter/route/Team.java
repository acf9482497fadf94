package dev.leadrouter.route;

import dev.leadrouter.lead.SalesforceId;
import java.util.List;
import java.util.Objects;

/**
 * A group of reps sharing leads by a strategy, with a waterfall for when none of them can take one.
 *
 * @param matchSkills consider only members who speak the lead's language or know its industry (when
 *     any do)
 * @param fallbackTeam the team to try next, or {@code null}
 * @param fallbackQueue the queue to use when this team and its fallback teams cannot take the lead
 */
public record Team(
    String name,
    Strategy strategy,
    List<TeamMember> members,
    boolean honourWorkingHours,
    boolean matchSkills,
    String fallbackTeam,
    SalesforceId fallbackQueue) {

  public Team {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(strategy, "strategy");
    members = List.copyOf(members);
  }
}
