package dev.leadrouter.engine;

import dev.leadrouter.lead.Lead;
import dev.leadrouter.route.AccountMatch;
import dev.leadrouter.route.DuplicateMatch;
import java.util.Objects;

/**
 * A lead to decide, with what the match stage found about it: the account it belongs to and the
 * record it duplicates (either may be {@code null}).
 */
public record LeadInput(Lead lead, AccountMatch account, DuplicateMatch duplicate) {

  public LeadInput {
    Objects.requireNonNull(lead, "lead");
  }

  public static LeadInput of(Lead lead) {
    return new LeadInput(lead, null, null);
  }
}
