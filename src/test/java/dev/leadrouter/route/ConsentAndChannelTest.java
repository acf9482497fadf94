package dev.leadrouter.route;

import static dev.leadrouter.route.RouteFixtures.CATCH_ALL;
import static dev.leadrouter.route.RouteFixtures.CONSENT;
import static dev.leadrouter.route.RouteFixtures.DIRECT;
import static dev.leadrouter.route.RouteFixtures.THURSDAY;
import static dev.leadrouter.route.RouteFixtures.decide;
import static dev.leadrouter.route.RouteFixtures.lead;
import static dev.leadrouter.route.RouteFixtures.member;
import static dev.leadrouter.route.RouteFixtures.newRuleSet;
import static dev.leadrouter.route.RouteFixtures.rep;
import static dev.leadrouter.route.RouteFixtures.request;
import static dev.leadrouter.route.RouteFixtures.set;
import static dev.leadrouter.route.RouteFixtures.team;
import static dev.leadrouter.route.RouteFixtures.trace;
import static dev.leadrouter.route.RouteFixtures.when;
import static org.assertj.core.api.Assertions.assertThat;

import dev.leadrouter.criteria.CriteriaSet;
import dev.leadrouter.criteria.Operator;
import dev.leadrouter.lead.Lead;
import dev.leadrouter.lead.SalesforceId;
import dev.leadrouter.score.LeadScore;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConsentAndChannelTest {

  private final Rep sam = rep(1, "Sam Sales");
  private final Rep pat = rep(2, "Pat Partner");

  @Nested
  class Consent {

    private final ConsentPolicy policy =
        new ConsentPolicy(
            List.of("HasOptedOutOfEmail"), set("DE", "FR"), "Marketing_Consent__c", CONSENT.id());

    private RuleSet ruleSet(ConsentPolicy consent, boolean requiresConsent) {
      return newRuleSet()
          .reps(sam)
          .consent(consent)
          .team(team("Sales", Strategy.ROUND_ROBIN, member(sam)))
          .rule(
              new RoutingRule(
                  "Sales_Rule",
                  10,
                  CriteriaSet.always(),
                  new RuleAction.AssignTeam("Sales"),
                  false,
                  requiresConsent,
                  false,
                  30))
          .build();
    }

    @ParameterizedTest(name = "opted out {0}, country {1}, opt-in {2} -> consent path {3}")
    @CsvSource(
        nullValues = "-",
        value = {
          "true, US, -, true",
          "TRUE, DE, true, true",
          "false, US, -, false",
          "-, US, -, false",
          "-, -, -, false",
          "-, DE, -, true",
          "-, DE, false, true",
          "-, FR, no, true",
          "-, DE, true, false",
          "-, DE, True, false",
          "false, FR, true, false",
        })
    void leadsWithoutConsentTakeTheConsentPath(
        String optedOut, String country, String optIn, boolean consentPath) {
      Lead lead =
          lead(
              "HasOptedOutOfEmail", optedOut,
              "CountryCode", country,
              "Marketing_Consent__c", optIn);

      Decision decision = decide(ruleSet(policy, true), lead);

      if (consentPath) {
        assertThat(decision.owner()).isEqualTo(CONSENT.asOwner());
        assertThat(decision.reasons()).containsExactly(ReasonCode.CONSENT);
        assertThat(decision.stateChanges()).isEmpty();
        RuleTrace rule = trace(decision, "Sales_Rule");
        assertThat(rule.applied()).isTrue();
        assertThat(rule.reason()).isEqualTo(ReasonCode.CONSENT);
      } else {
        assertThat(decision.owner()).isEqualTo(sam.asOwner());
        assertThat(decision.reasons()).containsExactly(ReasonCode.TEAM_ROUND_ROBIN);
      }
      assertThat(decision.rule()).isEqualTo("Sales_Rule");
      assertThat(decision.slaMinutes()).isEqualTo(30);
    }

    @Test
    void rulesThatDoNotRequireConsentIgnoreIt() {
      Decision decision = decide(ruleSet(policy, false), lead("HasOptedOutOfEmail", "true"));

      assertThat(decision.owner()).isEqualTo(sam.asOwner());
      assertThat(decision.reasons()).doesNotContain(ReasonCode.CONSENT);
    }

    @Test
    void withoutAConsentQueueTheLeadGoesToTheCatchAll() {
      ConsentPolicy noQueue = new ConsentPolicy(List.of("HasOptedOutOfEmail"), set(), null, null);

      Decision decision = decide(ruleSet(noQueue, true), lead("HasOptedOutOfEmail", "true"));

      assertThat(decision.owner()).isEqualTo(CATCH_ALL.asOwner());
      assertThat(decision.reasons()).containsExactly(ReasonCode.CONSENT);
    }
  }

  @Nested
  class Channel {

    private final ChannelPolicy policy = new ChannelPolicy("Deal_Registration__c", set("Partner"));

    /** The channel rule comes last by order; the direct rule would take every lead. */
    private RuleSet ruleSet() {
      return newRuleSet()
          .reps(sam, pat)
          .channel(policy)
          .team(team("Channel", Strategy.ROUND_ROBIN, member(pat)))
          .rule(RouteFixtures.queueRule("Direct", 10, DIRECT))
          .rule(
              new RoutingRule(
                  "Partner_Channel",
                  99,
                  CriteriaSet.always(),
                  new RuleAction.AssignTeam("Channel"),
                  true,
                  false,
                  false,
                  null))
          .build();
    }

    private Decision route(Lead lead, String accountType) {
      AccountMatch account =
          accountType == null
              ? null
              : new AccountMatch(
                  new SalesforceId("001Tst000000001"),
                  "Reseller Ltd",
                  sam.id(),
                  true,
                  accountType,
                  1.0,
                  "exact name");
      return decide(
          ruleSet(),
          request(lead, LeadScore.NONE, account, null),
          THURSDAY,
          new InMemoryRoutingState());
    }

    @ParameterizedTest(name = "deal registration {0}, account type {1}")
    @CsvSource(
        nullValues = "-",
        value = {"DR-2026-0042, -", "true, -", "-, Partner", "false, Partner", "-, partner "})
    void channelLeadsMeetChannelRulesFirstWhateverTheirOrder(String registration, String type) {
      Decision decision = route(lead("Deal_Registration__c", registration), type);

      assertThat(decision.owner()).isEqualTo(pat.asOwner());
      assertThat(decision.rule()).isEqualTo("Partner_Channel");
      assertThat(decision.reasons())
          .containsExactly(ReasonCode.TEAM_ROUND_ROBIN, ReasonCode.CHANNEL);
      assertThat(decision.path()).extracting(RuleTrace::rule).containsExactly("Partner_Channel");
    }

    @ParameterizedTest(name = "deal registration {0}, account type {1}")
    @CsvSource(
        nullValues = "-",
        value = {"-, -", "false, -", "FALSE, Customer", "-, Prospect"})
    void otherLeadsNeverMeetChannelRules(String registration, String type) {
      Decision decision = route(lead("Deal_Registration__c", registration), type);

      assertThat(decision.owner()).isEqualTo(DIRECT.asOwner());
      assertThat(decision.reasons()).doesNotContain(ReasonCode.CHANNEL);
      assertThat(decision.path()).extracting(RuleTrace::rule).containsExactly("Direct");
    }

    @Test
    void nonChannelLeadsSkipChannelRulesEvenWhenNothingElseMatches() {
      RuleSet ruleSet =
          newRuleSet()
              .reps(pat)
              .channel(policy)
              .team(team("Channel", Strategy.ROUND_ROBIN, member(pat)))
              .rule(
                  new RoutingRule(
                      "Partner_Channel",
                      5,
                      CriteriaSet.always(),
                      new RuleAction.AssignTeam("Channel"),
                      true,
                      false,
                      false,
                      null))
              .build();

      Decision decision = decide(ruleSet, lead("Company", "Direct Co"));

      assertThat(decision.owner()).isEqualTo(CATCH_ALL.asOwner());
      assertThat(decision.path()).isEmpty();
      assertThat(decision.reasons())
          .containsExactly(ReasonCode.NO_RULE_MATCHED, ReasonCode.CATCH_ALL);
    }

    @Test
    void aChannelLeadWhoseChannelRuleDoesNotMatchGoesOnToDirectRules() {
      RuleSet ruleSet =
          newRuleSet()
              .reps(pat)
              .channel(policy)
              .team(team("Channel", Strategy.ROUND_ROBIN, member(pat)))
              .rule(RouteFixtures.queueRule("Direct", 10, DIRECT))
              .rule(
                  new RoutingRule(
                      "Channel_EMEA",
                      99,
                      when("CountryCode", Operator.IN, "DE", "FR"),
                      new RuleAction.AssignTeam("Channel"),
                      true,
                      false,
                      false,
                      null))
              .build();

      Decision decision =
          decide(ruleSet, lead("Deal_Registration__c", "DR-1", "CountryCode", "US"));

      assertThat(decision.owner()).isEqualTo(DIRECT.asOwner());
      assertThat(decision.path())
          .extracting(RuleTrace::rule)
          .containsExactly("Channel_EMEA", "Direct");
      assertThat(decision.reasons()).doesNotContain(ReasonCode.CHANNEL);
    }
  }
}
