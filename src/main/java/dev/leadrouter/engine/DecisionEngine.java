package dev.leadrouter.engine;

import com.google.inject.Inject;
import dev.leadrouter.lead.Lead;
import dev.leadrouter.match.AccountMatcher;
import dev.leadrouter.match.DuplicateFinder;
import dev.leadrouter.normalize.LeadNormalizer;
import dev.leadrouter.normalize.NormalizationIssue;
import dev.leadrouter.normalize.NormalizedLead;
import dev.leadrouter.route.AccountMatch;
import dev.leadrouter.route.Decision;
import dev.leadrouter.route.DuplicateMatch;
import dev.leadrouter.route.LeadRouter;
import dev.leadrouter.route.Owner;
import dev.leadrouter.route.ReasonCode;
import dev.leadrouter.route.RoutingRequest;
import dev.leadrouter.route.RoutingState;
import dev.leadrouter.route.RuleSet;
import dev.leadrouter.score.LeadScore;
import dev.leadrouter.score.LeadScorer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pure decision path for one lead: normalize, score, route. No I/O; the same code serves the
 * worker, dry runs, golden tests and benchmarks.
 */
public final class DecisionEngine {

  /** Inputs are kept for people to read; a value longer than this is cut. */
  private static final int LONGEST_INPUT = 200;

  private static final Logger log = LoggerFactory.getLogger(DecisionEngine.class);

  private final LeadNormalizer normalizer;
  private final LeadScorer scorer;
  private final LeadRouter router;
  private final Clock clock;
  private final AccountMatcher accounts;
  private final DuplicateFinder duplicates;

  /** An engine that matches nothing itself: leads carry their account and duplicate, if any. */
  public DecisionEngine(
      LeadNormalizer normalizer, LeadScorer scorer, LeadRouter router, Clock clock) {
    this(normalizer, scorer, router, clock, AccountMatcher.NONE, DuplicateFinder.NONE);
  }

  /**
   * An engine that asks {@code accounts} and {@code duplicates} for leads that arrive without an
   * account or duplicate. Guice binds both to no-ops unless {@code MatchModule} is installed.
   */
  @Inject
  public DecisionEngine(
      LeadNormalizer normalizer,
      LeadScorer scorer,
      LeadRouter router,
      Clock clock,
      AccountMatcher accounts,
      DuplicateFinder duplicates) {
    this.normalizer = normalizer;
    this.scorer = scorer;
    this.router = router;
    this.clock = clock;
    this.accounts = accounts;
    this.duplicates = duplicates;
  }

  /**
   * Decides without changing {@code state}; the decision carries the state changes to commit. Never
   * throws for anything about the lead: a failure inside routing still yields the catch-all queue,
   * with reason {@link ReasonCode#ROUTING_ERROR}.
   */
  public Decision decide(RuleSet ruleSet, LeadInput input, RoutingState state) {
    try {
      NormalizedLead lead = normalizer.normalize(input.lead());
      AccountMatch account = input.account() != null ? input.account() : matchAccount(lead);
      List<ReasonCode> inputReasons = input.inputReasons();
      Lead withFirmographics = AccountFirmographics.fillBlanks(input.lead(), account);
      if (withFirmographics != input.lead()) {
        // Scoring and rules then see the account's industry and size, as a rep reading it would.
        lead = normalizer.normalize(withFirmographics);
        inputReasons = new ArrayList<>(inputReasons);
        inputReasons.add(ReasonCode.ACCOUNT_FIRMOGRAPHICS);
      }
      LeadScore score = scorer.score(lead, ruleSet.scoring());
      DuplicateMatch duplicate =
          input.duplicate() != null ? input.duplicate() : findDuplicate(lead);
      RoutingRequest request =
          new RoutingRequest(
              input.lead().id(),
              lead,
              score,
              account,
              duplicate,
              reasons(inputReasons, lead),
              snapshot(lead, score));
      return router.decide(ruleSet, request, state);
    } catch (RuntimeException bug) {
      // A bug must not strand a lead: it goes to the catch-all, and the log says which lead.
      log.error(
          "routing failed for lead {}; sending it to the catch-all queue", input.lead().id(), bug);
      Owner catchAll = ruleSet.queueOwner(ruleSet.policy().catchAllQueue());
      List<ReasonCode> reasons = new ArrayList<>(input.inputReasons());
      reasons.add(ReasonCode.ROUTING_ERROR);
      reasons.add(ReasonCode.CATCH_ALL);
      return new Decision(
          input.lead().id(),
          catchAll,
          null,
          reasons,
          List.of(),
          List.of(),
          Map.of(),
          LeadScore.NONE,
          input.account(),
          null,
          false,
          clock.instant(),
          ruleSet.version(),
          List.of());
    }
  }

  /** A matcher failure costs the lead its account match, not its routing. */
  private AccountMatch matchAccount(NormalizedLead lead) {
    try {
      return accounts.match(lead).best();
    } catch (RuntimeException bug) {
      log.error(
          "account matching failed for lead {}; routing without an account", lead.lead().id(), bug);
      return null;
    }
  }

  private DuplicateMatch findDuplicate(NormalizedLead lead) {
    try {
      return duplicates.find(lead).orElse(null);
    } catch (RuntimeException bug) {
      log.error(
          "duplicate search failed for lead {}; routing as not a duplicate", lead.lead().id(), bug);
      return null;
    }
  }

  /** Decides and commits the decision's rotation and load changes to {@code state}. */
  public Decision decideAndRecord(RuleSet ruleSet, LeadInput input, RoutingState state) {
    synchronized (state) {
      Decision decision = decide(ruleSet, input, state);
      state.apply(decision.stateChanges());
      return decision;
    }
  }

  /** Reasons from earlier stages first, in the order they arose, then the lead's data problems. */
  private static List<ReasonCode> reasons(List<ReasonCode> earlier, NormalizedLead lead) {
    if (lead.issues().isEmpty()) {
      return earlier;
    }
    List<ReasonCode> reasons = new ArrayList<>(earlier.size() + lead.issues().size());
    reasons.addAll(earlier);
    for (NormalizationIssue issue : lead.issues()) {
      reasons.add(
          switch (issue) {
            case COUNTRY_UNKNOWN -> ReasonCode.COUNTRY_UNKNOWN;
            case STATE_UNKNOWN -> ReasonCode.STATE_UNKNOWN;
            case PHONE_INVALID -> ReasonCode.PHONE_INVALID;
            case EMAIL_INVALID -> ReasonCode.EMAIL_INVALID;
            case WEBSITE_INVALID -> ReasonCode.WEBSITE_INVALID;
            case FREE_MAIL_DOMAIN -> ReasonCode.FREE_MAIL_DOMAIN;
            case VALUE_TRUNCATED -> ReasonCode.VALUE_TRUNCATED;
          });
    }
    return reasons;
  }

  /** The canonical values routing worked from, kept with the decision for the routing log. */
  private static Map<String, String> snapshot(NormalizedLead lead, LeadScore score) {
    Map<String, String> inputs = new LinkedHashMap<>();
    putIfPresent(inputs, "CountryCode", lead.countryCode());
    putIfPresent(inputs, "StateCode", lead.stateCode());
    putIfPresent(inputs, "EmailDomain", lead.emailDomain());
    putIfPresent(inputs, "WebsiteDomain", lead.websiteDomain());
    putIfPresent(inputs, "CompanyKey", lead.companyKey());
    putIfPresent(inputs, "LeadSource", lead.get("leadsource"));
    putIfPresent(inputs, "Industry", lead.get("industry"));
    putIfPresent(inputs, "NumberOfEmployees", lead.get("numberofemployees"));
    inputs.put("Score", Integer.toString(score.total()));
    putIfPresent(inputs, "ScoreTier", score.tier());
    return inputs;
  }

  /** Cuts {@code text} to at most {@code length} characters without splitting a character. */
  private static String cut(String text, int length) {
    int end = Character.isHighSurrogate(text.charAt(length - 1)) ? length - 1 : length;
    return text.substring(0, end);
  }

  private static void putIfPresent(Map<String, String> inputs, String key, String value) {
    if (value != null) {
      inputs.put(key, value.length() > LONGEST_INPUT ? cut(value, LONGEST_INPUT) : value);
    }
  }
}
