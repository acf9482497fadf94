package dev.leadrouter.engine;

import com.google.inject.Inject;
import dev.leadrouter.match.AccountMatcher;
import dev.leadrouter.match.DuplicateFinder;
import dev.leadrouter.normalize.LeadNormalizer;
import dev.leadrouter.route.RuleHierarchyRouter;
import dev.leadrouter.score.LeadScorer;
import java.time.Clock;

/**
 * Makes decision engines that decide as of a given clock: golden records, dry runs and the {@code
 * --at} option route "as if it were" another moment, because working hours and holidays depend on
 * it.
 */
public final class DecisionEngineFactory {

  private final LeadNormalizer normalizer;
  private final LeadScorer scorer;
  private final AccountMatcher accounts;
  private final DuplicateFinder duplicates;

  /** A factory whose engines match nothing themselves. */
  public DecisionEngineFactory(LeadNormalizer normalizer, LeadScorer scorer) {
    this(normalizer, scorer, AccountMatcher.NONE, DuplicateFinder.NONE);
  }

  @Inject
  public DecisionEngineFactory(
      LeadNormalizer normalizer,
      LeadScorer scorer,
      AccountMatcher accounts,
      DuplicateFinder duplicates) {
    this.normalizer = normalizer;
    this.scorer = scorer;
    this.accounts = accounts;
    this.duplicates = duplicates;
  }

  public DecisionEngine at(Clock clock) {
    return new DecisionEngine(
        normalizer, scorer, new RuleHierarchyRouter(clock), clock, accounts, duplicates);
  }
}
