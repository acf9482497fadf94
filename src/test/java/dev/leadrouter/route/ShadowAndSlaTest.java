package dev.leadrouter.route;

import static dev.leadrouter.route.RouteFixtures.CONSENT;
import static dev.leadrouter.route.RouteFixtures.DIRECT;
import static dev.leadrouter.route.RouteFixtures.THURSDAY;
import static dev.leadrouter.route.RouteFixtures.decide;
import static dev.leadrouter.route.RouteFixtures.lead;
import static dev.leadrouter.route.RouteFixtures.newRuleSet;
import static dev.leadrouter.route.RouteFixtures.request;
import static dev.leadrouter.route.RouteFixtures.when;
import static org.assertj.core.api.Assertions.assertThat;

import dev.leadrouter.criteria.CriteriaSet;
import dev.leadrouter.criteria.Operator;
import dev.leadrouter.score.LeadScore;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ShadowAndSlaTest {

  private static final LeadScore WARM = new LeadScore(20, 15, "warm", 60, List.of("Target"));
  private static final LeadScore NO_TIER = new LeadScore(5, 0, null, null, List.of());

  private static RoutingRule queueRule(String name, int order, boolean shadow, Integer sla) {
    return new RoutingRule(
        name,
        order,
        when("CountryCode", Operator.EQUALS, "DE"),
        new RuleAction.AssignQueue(DIRECT.id()),
        false,
        false,
        shadow,
        sla);
  }

  private static Decision route(RoutingRule rule, LeadScore score, String country) {
    return decide(
        newRuleSet().rule(rule).build(),
        request(lead("CountryCode", country), score, null, null),
        THURSDAY,
        new InMemoryRoutingState());
  }

  @Test
  void aShadowOnlyRuleMarksItsDecisionAsShadow() {
    Decision decision = route(queueRule("Trial", 10, true, null), LeadScore.NONE, "DE");

    assertThat(decision.shadow()).isTrue();
    assertThat(decision.owner()).isEqualTo(DIRECT.asOwner());
    assertThat(decision.reasons()).containsExactly(ReasonCode.QUEUE, ReasonCode.SHADOW_RULE);
  }

  @Test
  void ordinaryRulesAndTheCatchAllAreNotShadow() {
    Decision live = route(queueRule("Live", 10, false, null), LeadScore.NONE, "DE");
    assertThat(live.shadow()).isFalse();
    assertThat(live.reasons()).doesNotContain(ReasonCode.SHADOW_RULE);

    // The shadow rule does not match, so the catch-all decides, for real.
    Decision catchAll = route(queueRule("Trial", 10, true, null), LeadScore.NONE, "FR");
    assertThat(catchAll.shadow()).isFalse();
    assertThat(catchAll.reasons()).doesNotContain(ReasonCode.SHADOW_RULE);
  }

  @Test
  void slaComesFromTheRuleFirst() {
    assertThat(route(queueRule("Fast", 10, false, 15), WARM, "DE").slaMinutes()).isEqualTo(15);
  }

  @Test
  void slaComesFromTheScoreTierWhenTheRuleHasNone() {
    assertThat(route(queueRule("Plain", 10, false, null), WARM, "DE").slaMinutes()).isEqualTo(60);
  }

  @Test
  void theCatchAllTakesTheScoreTiersSla() {
    Decision decision = route(queueRule("Fast", 10, false, 15), WARM, "FR");

    assertThat(decision.rule()).isNull();
    assertThat(decision.slaMinutes()).isEqualTo(60);
  }

  @Test
  void noSlaWithoutRuleSlaOrTier() {
    assertThat(route(queueRule("Plain", 10, false, null), NO_TIER, "DE").slaMinutes()).isNull();
    assertThat(route(queueRule("Plain", 10, false, null), LeadScore.NONE, "DE").slaMinutes())
        .isNull();
  }

  @Test
  void theDecisionCarriesScoreVersionTimeAndLeadId() {
    Decision decision = route(queueRule("Plain", 10, false, null), WARM, "DE");

    assertThat(decision.score()).isEqualTo(WARM);
    assertThat(decision.ruleSetVersion()).isEqualTo("test");
    assertThat(decision.decidedAt()).isEqualTo(THURSDAY);
    assertThat(decision.leadId()).isEqualTo("00QTst000000001");
  }

  @Test
  void aShadowOnlyRuleOnTheConsentPathSaysItIsShadow() {
    RoutingRule shadowWithConsent =
        new RoutingRule(
            "Trial_Consent",
            10,
            CriteriaSet.always(),
            new RuleAction.AssignQueue(DIRECT.id()),
            false,
            true,
            true,
            null);
    RuleSet ruleSet =
        newRuleSet()
            .consent(new ConsentPolicy(List.of("HasOptedOutOfEmail"), Set.of(), null, CONSENT.id()))
            .rule(shadowWithConsent)
            .build();

    Decision decision =
        decide(
            ruleSet,
            request(lead("HasOptedOutOfEmail", "true")),
            THURSDAY,
            new InMemoryRoutingState());

    assertThat(decision.owner()).isEqualTo(CONSENT.asOwner());
    assertThat(decision.shadow()).isTrue();
    assertThat(decision.reasons()).contains(ReasonCode.CONSENT, ReasonCode.SHADOW_RULE);
  }
}
