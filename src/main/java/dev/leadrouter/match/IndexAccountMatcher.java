package dev.leadrouter.match;

import com.google.inject.Inject;
import dev.leadrouter.normalize.NormalizationIssue;
import dev.leadrouter.normalize.NormalizedLead;
import dev.leadrouter.route.AccountMatch;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Matches a lead against the {@link AccountIndex}, strongest evidence first:
 *
 * <ol>
 *   <li>the email domain, then the website domain (free-mail and disposable domains never match); a
 *       domain candidate whose name also agrees wins over one whose name does not;
 *   <li>the exact name key, when the countries agree (or one is unknown), and listed aliases;
 *   <li>the lead's domain under another top-level domain, when the names agree too;
 *   <li>a fuzzy name above the threshold, unless another company scores almost as well;
 *   <li>the exact name key in another country, as a last resort.
 * </ol>
 *
 * Among candidates of one method the configured {@link TieBreak}s choose, then the account id, so
 * the result never depends on load order.
 *
 * <p>There is no cache in front of the matcher: a lookup costs a few microseconds, and a cache
 * would have to follow every account change to stay right. Caching pays one step earlier, where a
 * host is reduced to its registrable domain (Caffeine in {@code DomainNormalizer}).
 */
public final class IndexAccountMatcher implements AccountMatcher {

  /** Top-level domains a company commonly also runs: "acme.de" may be the site of "acme.com". */
  private static final List<String> SISTER_SUFFIXES =
      List.of(
          "com", "net", "org", "io", "co", "de", "co.uk", "fr", "es", "it", "nl", "ch", "at", "ca",
          "com.au", "jp", "in", "com.br", "eu", "us");

  /** Names under a sister domain need to agree less strictly than a fuzzy match on its own. */
  private static final double SISTER_DOMAIN_NAME_SCORE = 0.85;

  private final AccountIndex index;
  private final AccountKeys keys;
  private final FuzzyNameScorer scorer;
  private final MatchPolicy policy;

  @Inject
  public IndexAccountMatcher(
      AccountIndex index, AccountKeys keys, FuzzyNameScorer scorer, MatchPolicy policy) {
    this.index = index;
    this.keys = keys;
    this.scorer = scorer;
    this.policy = policy;
  }

  @Override
  public MatchResult match(NormalizedLead lead) {
    String leadKey = keys.expand(lead.companyKey());
    String country = lead.countryCode();
    String email =
        lead.has(NormalizationIssue.FREE_MAIL_DOMAIN) || keys.isFreeMail(lead.emailDomain())
            ? null
            : lead.emailDomain();
    String website = keys.isFreeMail(lead.websiteDomain()) ? null : lead.websiteDomain();

    List<Candidate> found = new ArrayList<>();
    addDomainMatches(email, MatchMethod.EMAIL_DOMAIN, leadKey, found);
    if (website != null && !website.equals(email)) {
      addDomainMatches(website, MatchMethod.WEBSITE_DOMAIN, leadKey, found);
    }
    if (!found.isEmpty() && leadKey != null && noneStrongerThan(found, MatchMethod.EMAIL_DOMAIN)) {
      addNamedMembersOfDomainGroups(leadKey, found);
    }
    if (found.isEmpty() && leadKey != null) {
      for (IndexedAccount account : index.withNameKey(leadKey)) {
        boolean sameCountry =
            country == null || account.country() == null || country.equals(account.country());
        found.add(
            new Candidate(
                account,
                sameCountry ? MatchMethod.EXACT_NAME : MatchMethod.EXACT_NAME_OTHER_COUNTRY,
                1));
      }
      for (IndexedAccount account : index.withAlias(leadKey)) {
        if (!countriesDiffer(country, account)) {
          found.add(new Candidate(account, MatchMethod.ALIAS, 1));
        }
      }
    }
    if (noneStrongerThan(found, MatchMethod.COUNTRY_DOMAIN) && leadKey != null) {
      addSisterDomainMatches(email, leadKey, found);
      if (website != null && !website.equals(email)) {
        addSisterDomainMatches(website, leadKey, found);
      }
    }
    if (noneStrongerThan(found, MatchMethod.FUZZY_NAME) && leadKey != null) {
      if (!addFuzzyMatches(leadKey, country, email != null ? email : website, found)) {
        return MatchResult.NONE; // two companies fit about as well: better no match than a guess
      }
    }
    if (found.isEmpty()) {
      return MatchResult.NONE;
    }
    found.sort(order(country));
    Candidate best = found.get(0);
    Candidate runnerUp =
        found.stream()
            .filter(c -> !c.account().id().equals(best.account().id()))
            .findFirst()
            .orElse(null);
    return new MatchResult(
        toRoute(best), runnerUp == null ? null : toRoute(runnerUp), best.method());
  }

  private void addDomainMatches(
      String domain, MatchMethod method, String leadKey, List<Candidate> found) {
    if (domain == null) {
      return;
    }
    for (IndexedAccount account : index.withDomain(domain)) {
      double name = leadKey == null ? 0 : scorer.score(leadKey, account.nameKey());
      boolean nameAgrees = name >= policy.fuzzyThreshold();
      // Ranked by how well the name agrees, so "Acme UK" picks the UK account among acme.com's.
      found.add(
          nameAgrees
              ? new Candidate(account, MatchMethod.DOMAIN_AND_NAME, name)
              : new Candidate(account, method, 1));
    }
  }

  /**
   * The domain belongs to a group (a parent and its subsidiaries share it, or the lead mails from
   * the parent's domain), but the lead names another member of that group ("Acme Deutschland" from
   * acme.com): that member is the better match.
   */
  private void addNamedMembersOfDomainGroups(String leadKey, List<Candidate> found) {
    List<String> groups = found.stream().map(c -> c.account().topId().value()).toList();
    List<IndexedAccount> named = new ArrayList<>(index.withNameKey(leadKey));
    for (AccountIndex.Scored scored :
        index.similarNames(
            leadKey,
            accountKey -> scorer.score(leadKey, accountKey),
            policy.fuzzyThreshold(),
            policy.maxPosting(),
            policy.maxCandidates())) {
      named.add(scored.account());
    }
    for (IndexedAccount account : named) {
      if (groups.contains(account.topId().value()) && !contains(found, account)) {
        found.add(new Candidate(account, MatchMethod.DOMAIN_AND_NAME, 1));
      }
    }
  }

  private void addSisterDomainMatches(String domain, String leadKey, List<Candidate> found) {
    if (domain == null) {
      return;
    }
    int dot = domain.indexOf('.');
    if (dot <= 0) {
      return;
    }
    String label = domain.substring(0, dot);
    for (String suffix : SISTER_SUFFIXES) {
      String sister = label + "." + suffix;
      if (sister.equals(domain)) {
        continue;
      }
      for (IndexedAccount account : index.withDomain(sister)) {
        double score = scorer.score(leadKey, account.nameKey());
        if (score >= SISTER_DOMAIN_NAME_SCORE && !contains(found, account)) {
          found.add(new Candidate(account, MatchMethod.COUNTRY_DOMAIN, score));
        }
      }
    }
  }

  /** Adds fuzzy candidates; false when the best is ambiguous with another company. */
  private boolean addFuzzyMatches(
      String leadKey, String country, String leadDomain, List<Candidate> found) {
    List<AccountIndex.Scored> scored =
        index.similarNames(
            leadKey,
            accountKey -> scorer.score(leadKey, accountKey),
            policy.fuzzyThreshold() - policy.fuzzyMargin(),
            policy.maxPosting(),
            policy.maxCandidates());
    List<AccountIndex.Scored> plausible =
        scored.stream()
            .filter(s -> !countriesDiffer(country, s.account()))
            .filter(s -> !domainsDiffer(leadDomain, s.account()))
            .toList();
    if (plausible.isEmpty() || plausible.get(0).score() < policy.fuzzyThreshold()) {
      return true;
    }
    AccountIndex.Scored best = plausible.get(0);
    for (AccountIndex.Scored other : plausible.subList(1, plausible.size())) {
      boolean sameGroup = other.account().topId().equals(best.account().topId());
      boolean sameName = other.account().nameKey().equals(best.account().nameKey());
      if (!sameGroup && !sameName && best.score() - other.score() < policy.fuzzyMargin()) {
        return false;
      }
    }
    for (AccountIndex.Scored s : plausible) {
      if (s.score() >= policy.fuzzyThreshold() && !contains(found, s.account())) {
        found.add(new Candidate(s.account(), MatchMethod.FUZZY_NAME, s.score()));
      }
    }
    return true;
  }

  private Comparator<Candidate> order(String country) {
    Comparator<Candidate> order =
        Comparator.<Candidate>comparingInt(c -> c.method().ordinal())
            .thenComparing(Comparator.comparingDouble(Candidate::score).reversed());
    for (TieBreak tieBreak : policy.tieBreaks()) {
      order = order.thenComparing(Candidate::account, tieBreak.order(country));
    }
    return order.thenComparing(c -> c.account().id().value());
  }

  private AccountMatch toRoute(Candidate candidate) {
    IndexedAccount account = candidate.account();
    double confidence = candidate.method().confidence() * candidate.score();
    String method = candidate.method().label();
    IndexedAccount owning = account;
    if (policy.hierarchy() == HierarchyPolicy.ULTIMATE_PARENT_OWNER) {
      IndexedAccount top = index.ultimateParent(account).orElse(null);
      if (top != null && top.ownerId() != null) {
        owning = top;
        method += ", owner of ultimate parent " + top.id().value();
      }
    }
    return new AccountMatch(
        account.id(),
        account.name(),
        owning.ownerId(),
        owning.ownerActive(),
        account.type(),
        Math.round(confidence * 1000) / 1000.0,
        method,
        account.industry(),
        account.employees());
  }

  private static boolean countriesDiffer(String country, IndexedAccount account) {
    return country != null && account.country() != null && !country.equals(account.country());
  }

  /**
   * A lead mailing from its company's own domain that is not the account's (nor the account's under
   * another suffix) is from another company with a similar name: "Lumver" at lumver.com is not
   * "Lumvel" at lumvel.com.
   */
  private static boolean domainsDiffer(String leadDomain, IndexedAccount account) {
    if (leadDomain == null || account.domain() == null) {
      return false;
    }
    return !label(leadDomain).equals(label(account.domain()))
        && !account.extraDomains().contains(leadDomain);
  }

  private static String label(String domain) {
    int dot = domain.indexOf('.');
    return dot < 0 ? domain : domain.substring(0, dot);
  }

  private static boolean noneStrongerThan(List<Candidate> found, MatchMethod method) {
    return found.stream().noneMatch(c -> c.method().ordinal() < method.ordinal());
  }

  private static boolean contains(List<Candidate> found, IndexedAccount account) {
    return found.stream().anyMatch(c -> c.account().id().equals(account.id()));
  }

  /** One account that matched, how, and (for name methods) how well. */
  private record Candidate(IndexedAccount account, MatchMethod method, double score) {}
}
