package dev.leadrouter.route;

import dev.leadrouter.lead.FieldSource;
import dev.leadrouter.score.LeadScore;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One lead, ready to route: its normalized fields, score, account match and duplicate (either may
 * be {@code null}), problems found in its data, and the inputs worth recording with the decision.
 */
public record RoutingRequest(
    String leadId,
    FieldSource fields,
    LeadScore score,
    AccountMatch account,
    DuplicateMatch duplicate,
    List<ReasonCode> inputIssues,
    Map<String, String> inputSnapshot) {

  public RoutingRequest {
    Objects.requireNonNull(fields, "fields");
    score = score == null ? LeadScore.NONE : score;
    inputIssues = List.copyOf(inputIssues);
    inputSnapshot = Map.copyOf(inputSnapshot);
  }
}
