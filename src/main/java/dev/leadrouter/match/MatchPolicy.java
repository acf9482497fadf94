package dev.leadrouter.match;

import java.util.List;

/**
 * How the matcher decides. Defaults favour precision: a wrong match sends a lead to the wrong rep,
 * which is worse than none.
 *
 * @param fuzzyThreshold least fuzzy-name score (0..1, Jaro-Winkler over aligned words) to match
 * @param fuzzyMargin a fuzzy best that beats a different company by less than this is ambiguous and
 *     not matched
 * @param tieBreaks applied in order among equally good candidates; the account id settles the rest
 * @param maxCandidates most fuzzy candidates scored a lookup, to bound its latency
 * @param maxPosting words on more accounts than this are too common to find candidates by
 * @param duplicatesByNameAndCompany also treat a lead as a duplicate when first name, last name and
 *     company key agree (without the same email)
 */
public record MatchPolicy(
    double fuzzyThreshold,
    double fuzzyMargin,
    List<TieBreak> tieBreaks,
    HierarchyPolicy hierarchy,
    int maxCandidates,
    int maxPosting,
    boolean duplicatesByNameAndCompany) {

  public MatchPolicy {
    if (fuzzyThreshold <= 0 || fuzzyThreshold > 1) {
      throw new IllegalArgumentException("fuzzyThreshold must be in (0, 1]: " + fuzzyThreshold);
    }
    if (maxCandidates < 1 || maxPosting < 1) {
      throw new IllegalArgumentException("maxCandidates and maxPosting must be at least 1");
    }
    tieBreaks = List.copyOf(tieBreaks);
  }

  public static MatchPolicy defaults() {
    return new MatchPolicy(
        0.93,
        0.02,
        List.of(
            TieBreak.SAME_COUNTRY,
            TieBreak.ACTIVE_OWNER,
            TieBreak.CUSTOMER_FIRST,
            TieBreak.PARENT_FIRST,
            TieBreak.LARGER_FIRST),
        HierarchyPolicy.MATCHED_ACCOUNT,
        64,
        2_000,
        false);
  }

  public MatchPolicy withTieBreaks(List<TieBreak> order) {
    return new MatchPolicy(
        fuzzyThreshold,
        fuzzyMargin,
        order,
        hierarchy,
        maxCandidates,
        maxPosting,
        duplicatesByNameAndCompany);
  }

  public MatchPolicy withHierarchy(HierarchyPolicy policy) {
    return new MatchPolicy(
        fuzzyThreshold,
        fuzzyMargin,
        tieBreaks,
        policy,
        maxCandidates,
        maxPosting,
        duplicatesByNameAndCompany);
  }

  public MatchPolicy withDuplicatesByNameAndCompany(boolean enabled) {
    return new MatchPolicy(
        fuzzyThreshold, fuzzyMargin, tieBreaks, hierarchy, maxCandidates, maxPosting, enabled);
  }
}
