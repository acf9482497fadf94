package dev.leadrouter.route;

import dev.leadrouter.lead.SalesforceId;
import java.util.List;

/**
 * The state a team strategy used for one pick, so anyone can replay why this member won.
 *
 * @param previous who the team's rotation last gave a lead to, or {@code null}
 * @param chosen the member picked, or {@code null} when nobody could take the lead
 */
public record StrategyTrace(
    String team,
    Strategy strategy,
    SalesforceId previous,
    List<MemberState> members,
    SalesforceId chosen) {

  public StrategyTrace {
    members = List.copyOf(members);
  }
}
