package dev.leadrouter.match;

import dev.leadrouter.normalize.NormalizedLead;

/** Finds the existing account a lead belongs to. Implementations are thread-safe. */
public interface AccountMatcher {

  /** Matches nothing: for callers that decide without an account index. */
  AccountMatcher NONE = lead -> MatchResult.NONE;

  /**
   * The account the lead belongs to, or {@link MatchResult#NONE}. Never throws for bad lead data.
   */
  MatchResult match(NormalizedLead lead);
}
