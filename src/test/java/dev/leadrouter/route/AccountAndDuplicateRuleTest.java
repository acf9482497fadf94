package dev.leadrouter.route;

import static dev.leadrouter.route.RouteFixtures.DIRECT;
import static dev.leadrouter.route.RouteFixtures.THURSDAY;
import static dev.leadrouter.route.RouteFixtures.decide;
import static dev.leadrouter.route.RouteFixtures.inactive;
import static dev.leadrouter.route.RouteFixtures.lead;
import static dev.leadrouter.route.RouteFixtures.newRuleSet;
import static dev.leadrouter.route.RouteFixtures.queueRule;
import static dev.leadrouter.route.RouteFixtures.rep;
import static dev.leadrouter.route.RouteFixtures.request;
import static dev.leadrouter.route.RouteFixtures.rule;
import static dev.leadrouter.route.RouteFixtures.trace;
import static dev.leadrouter.route.RouteFixtures.userId;
import static org.assertj.core.api.Assertions.assertThat;

import dev.leadrouter.lead.SalesforceId;
import dev.leadrouter.score.LeadScore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Rules that place a lead with an owner it already has (its account's, its duplicate's): when they
 * cannot, the rule is skipped with the reason on its trace and routing moves on.
 */
class AccountAndDuplicateRuleTest {

  private static final SalesforceId ACCOUNT = new SalesforceId("001Tst000000001");
  private static final SalesforceId DUPLICATE_LEAD = new SalesforceId("00QTst000000099");

  private final Rep olga = rep(1, "Olga Owner");
  private final Rep retired = inactive(rep(2, "Retired Rita"));

  private RuleSet ruleSet() {
    return newRuleSet()
        .reps(olga, retired)
        .rule(rule("Existing_Lead_Owner", 10, new RuleAction.ExistingOwner()))
        .rule(rule("Account_Owner", 20, new RuleAction.AccountOwner(0.8)))
        .rule(queueRule("Everyone_Else", 30, DIRECT))
        .build();
  }

  private static AccountMatch account(SalesforceId owner, boolean ownerActive, double confidence) {
    return new AccountMatch(
        ACCOUNT, "Acme", owner, ownerActive, "Customer", confidence, "email domain");
  }

  private Decision route(AccountMatch account, DuplicateMatch duplicate) {
    return decide(
        ruleSet(),
        request(lead(), LeadScore.NONE, account, duplicate),
        THURSDAY,
        new InMemoryRoutingState());
  }

  private static void assertMovedOn(Decision decision, String rule, ReasonCode why) {
    RuleTrace skipped = trace(decision, rule);
    assertThat(skipped.matched()).isTrue();
    assertThat(skipped.applied()).isFalse();
    assertThat(skipped.reason()).isEqualTo(why);
    assertThat(skipped.note()).contains(why.explanation());
    assertThat(decision.owner()).isEqualTo(DIRECT.asOwner());
    assertThat(decision.rule()).isEqualTo("Everyone_Else");
    assertThat(decision.path().get(decision.path().size() - 1).applied()).isTrue();
  }

  @Test
  void noAccountMatchSkipsTheRuleAndRoutingMovesOn() {
    Decision decision = route(null, null);

    assertMovedOn(decision, "Account_Owner", ReasonCode.ACCOUNT_NOT_MATCHED);
    assertThat(decision.path())
        .extracting(RuleTrace::rule)
        .containsExactly("Existing_Lead_Owner", "Account_Owner", "Everyone_Else");
    assertThat(decision.reasons()).containsExactly(ReasonCode.QUEUE);
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.0, 0.5, 0.79, 0.7999, Double.NaN})
  void matchBelowTheMinimumConfidenceSkipsTheRule(double confidence) {
    assertMovedOn(
        route(account(olga.id(), true, confidence), null),
        "Account_Owner",
        ReasonCode.ACCOUNT_MATCH_LOW_CONFIDENCE);
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.8, 0.95, 1.0})
  void matchAtOrAboveTheMinimumGoesToTheAccountOwner(double confidence) {
    Decision decision = route(account(olga.id(), true, confidence), null);

    assertThat(decision.owner()).isEqualTo(olga.asOwner());
    assertThat(decision.rule()).isEqualTo("Account_Owner");
    assertThat(decision.reasons()).containsExactly(ReasonCode.ACCOUNT_OWNER);
    assertThat(decision.account().accountId()).isEqualTo(ACCOUNT);
    assertThat(decision.stateChanges()).containsExactly(new StateChange.LoadChanged(olga.id(), 1));
    assertThat(trace(decision, "Account_Owner").applied()).isTrue();
  }

  @Test
  void accountOwnerInactiveInSalesforceSkipsTheRule() {
    assertMovedOn(
        route(account(olga.id(), false, 1.0), null),
        "Account_Owner",
        ReasonCode.ACCOUNT_OWNER_INACTIVE);
  }

  @Test
  void accountOwnerInactiveInTheRuleSetSkipsTheRule() {
    assertMovedOn(
        route(account(retired.id(), true, 1.0), null),
        "Account_Owner",
        ReasonCode.ACCOUNT_OWNER_INACTIVE);
  }

  @Test
  void accountWithoutOwnerSkipsTheRule() {
    assertMovedOn(
        route(account(null, true, 1.0), null), "Account_Owner", ReasonCode.ACCOUNT_OWNER_INACTIVE);
  }

  @Test
  void anActiveOwnerTheRuleSetDoesNotListStillGetsTheLead() {
    SalesforceId unlisted = userId(77);
    Decision decision = route(account(unlisted, true, 0.9), null);

    assertThat(decision.owner()).isEqualTo(Owner.user(unlisted, null));
    assertThat(decision.reasons()).containsExactly(ReasonCode.ACCOUNT_OWNER);
  }

  @Test
  void notADuplicateSkipsTheExistingOwnerRule() {
    Decision decision = route(null, null);

    RuleTrace skipped = trace(decision, "Existing_Lead_Owner");
    assertThat(skipped.matched()).isTrue();
    assertThat(skipped.applied()).isFalse();
    assertThat(skipped.reason()).isEqualTo(ReasonCode.NOT_A_DUPLICATE);
  }

  @Test
  void duplicateWithInactiveOwnerSkipsTheRule() {
    assertMovedOn(
        route(null, new DuplicateMatch(DUPLICATE_LEAD, olga.id(), false)),
        "Existing_Lead_Owner",
        ReasonCode.DUPLICATE_OWNER_INACTIVE);
    assertMovedOn(
        route(null, new DuplicateMatch(DUPLICATE_LEAD, retired.id(), true)),
        "Existing_Lead_Owner",
        ReasonCode.DUPLICATE_OWNER_INACTIVE);
    assertMovedOn(
        route(null, new DuplicateMatch(DUPLICATE_LEAD, null, true)),
        "Existing_Lead_Owner",
        ReasonCode.DUPLICATE_OWNER_INACTIVE);
  }

  @Test
  void duplicateWithActiveOwnerGoesToThatOwnerBeforeTheAccountRule() {
    Decision decision =
        route(
            account(retired.id(), true, 1.0), new DuplicateMatch(DUPLICATE_LEAD, olga.id(), true));

    assertThat(decision.owner()).isEqualTo(olga.asOwner());
    assertThat(decision.rule()).isEqualTo("Existing_Lead_Owner");
    assertThat(decision.reasons()).containsExactly(ReasonCode.DUPLICATE);
    assertThat(decision.path()).extracting(RuleTrace::rule).containsExactly("Existing_Lead_Owner");
  }

  @Test
  void duplicateWithInactiveOwnerFallsToTheAccountOwner() {
    Decision decision =
        route(
            account(olga.id(), true, 0.9), new DuplicateMatch(DUPLICATE_LEAD, retired.id(), true));

    assertThat(decision.owner()).isEqualTo(olga.asOwner());
    assertThat(decision.reasons()).containsExactly(ReasonCode.ACCOUNT_OWNER);
    assertThat(trace(decision, "Existing_Lead_Owner").reason())
        .isEqualTo(ReasonCode.DUPLICATE_OWNER_INACTIVE);
  }
}
