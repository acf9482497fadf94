package dev.leadrouter.match;

import dev.leadrouter.route.AccountMatch;

/**
 * What the matcher found for a lead: the account (as routing consumes it), the next best other
 * account, and the method. {@link #NONE} when nothing matched well enough.
 *
 * @param best the match, or null
 * @param runnerUp the best candidate for another account, or null; for explanations and review
 * @param method how {@code best} matched, or null
 */
public record MatchResult(AccountMatch best, AccountMatch runnerUp, MatchMethod method) {

  public static final MatchResult NONE = new MatchResult(null, null, null);

  public boolean matched() {
    return best != null;
  }
}
