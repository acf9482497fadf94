package dev.leadrouter.engine;

import dev.leadrouter.lead.Lead;
import dev.leadrouter.route.AccountMatch;
import dev.leadrouter.route.DuplicateMatch;
import dev.leadrouter.route.ReasonCode;
import java.util.List;
import java.util.Objects;

/**
 * A lead to decide, with what the match stage found about it: the account it belongs to and the
 * record it duplicates (either may be {@code null}), and reasons that arose before the decision
 * path and belong in its explanation (e.g. {@link ReasonCode#ENRICHMENT_TIMEOUT}).
 */
public record LeadInput(
    Lead lead, AccountMatch account, DuplicateMatch duplicate, List<ReasonCode> inputReasons) {

  public LeadInput {
    Objects.requireNonNull(lead, "lead");
    inputReasons = inputReasons == null ? List.of() : List.copyOf(inputReasons);
  }

  /** A lead with no reasons from earlier stages. */
  public LeadInput(Lead lead, AccountMatch account, DuplicateMatch duplicate) {
    this(lead, account, duplicate, List.of());
  }

  public static LeadInput of(Lead lead) {
    return new LeadInput(lead, null, null);
  }

  /** The same input with more reasons from earlier stages, after those it has. */
  public LeadInput withInputReasons(List<ReasonCode> more) {
    if (more.isEmpty()) {
      return this;
    }
    List<ReasonCode> all = new java.util.ArrayList<>(inputReasons);
    all.addAll(more);
    return new LeadInput(lead, account, duplicate, all);
  }
}
