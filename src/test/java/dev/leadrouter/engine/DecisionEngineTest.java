package dev.leadrouter.engine;

import static dev.leadrouter.engine.ExampleEngine.EXAMPLE;
import static dev.leadrouter.engine.ExampleEngine.lead;
import static org.assertj.core.api.Assertions.assertThat;

import dev.leadrouter.lead.Lead;
import dev.leadrouter.lead.SalesforceId;
import dev.leadrouter.route.AccountMatch;
import dev.leadrouter.route.Decision;
import dev.leadrouter.route.DuplicateMatch;
import dev.leadrouter.route.InMemoryRoutingState;
import dev.leadrouter.route.MemberState;
import dev.leadrouter.route.ReasonCode;
import dev.leadrouter.route.RuleTrace;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The whole decision path (normalize, score, route) over the shipped example rule set, on a
 * Wednesday in November: 10:00 in New York, 07:00 in Los Angeles (a week after US clocks went
 * back), 16:00 in Berlin, Madrid and Paris.
 */
class DecisionEngineTest {

  private static final Instant WEDNESDAY = Instant.parse("2026-11-04T15:00:00Z");
  private static final Instant CHRISTMAS_EVE = Instant.parse("2026-12-24T15:00:00Z");

  private static final SalesforceId ALICE = new SalesforceId("0055f00000LR001AAD");
  private static final SalesforceId DEV = new SalesforceId("0055f00000LR004AAD");
  private static final SalesforceId FRANK = new SalesforceId("0055f00000LR006AAD");
  private static final SalesforceId KIM = new SalesforceId("0055f00000LR011AAD");
  private static final SalesforceId NOAH = new SalesforceId("0055f00000LR014AAD");

  private static Decision decide(Lead lead) {
    return decide(LeadInput.of(lead), WEDNESDAY);
  }

  private static Decision decide(LeadInput input, Instant at) {
    return ExampleEngine.at(at).decide(EXAMPLE, input, new InMemoryRoutingState());
  }

  private static AccountMatch account(SalesforceId owner, String type, double confidence) {
    return new AccountMatch(
        new SalesforceId("0015f00000LR001AAD"),
        "Umbrella",
        owner,
        true,
        type,
        confidence,
        "domain");
  }

  private static MemberState member(Decision decision, String team, SalesforceId user) {
    return decision.strategies().stream()
        .filter(s -> s.team().equals(team))
        .flatMap(s -> s.members().stream())
        .filter(m -> m.userId().equals(user))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void anUnknownCountryIsReportedAndTheLeadIsStillRouted() {
    Decision decision = decide(lead("Country", "Atlantis", "LeadSource", "Web", "Phone", "12"));

    assertThat(decision.reasons())
        .startsWith(ReasonCode.COUNTRY_UNKNOWN, ReasonCode.PHONE_INVALID)
        .doesNotContain(ReasonCode.ROUTING_ERROR);
    assertThat(decision.owner()).isNotNull();
    assertThat(decision.rule()).isEqualTo("Commercial_Team");
    assertThat(decision.inputs()).doesNotContainKey("CountryCode");
  }

  @Test
  void reasonsFromEarlierStagesLeadTheDecisionsReasons() {
    LeadInput input =
        LeadInput.of(lead("Country", "Atlantis", "LeadSource", "Web"))
            .withInputReasons(List.of(ReasonCode.ENRICHMENT_TIMEOUT));

    Decision decision = decide(input, WEDNESDAY);

    assertThat(decision.reasons())
        .startsWith(ReasonCode.ENRICHMENT_TIMEOUT, ReasonCode.COUNTRY_UNKNOWN);
    assertThat(decision.rule()).isEqualTo("Commercial_Team");
    assertThat(decide(lead("Country", "Atlantis", "LeadSource", "Web")).reasons())
        .doesNotContain(ReasonCode.ENRICHMENT_TIMEOUT);
  }

  @Test
  void aLeadThatBreaksRoutingStillKeepsItsEarlierReasons() {
    java.time.Clock clock = java.time.Clock.fixed(WEDNESDAY, java.time.ZoneOffset.UTC);
    DecisionEngine broken =
        new DecisionEngine(
            lead -> {
              throw new IllegalStateException("a normalizer bug");
            },
            new dev.leadrouter.score.PointRuleScorer(),
            new dev.leadrouter.route.RuleHierarchyRouter(clock),
            clock);
    LeadInput input =
        LeadInput.of(lead("Country", "DE"))
            .withInputReasons(List.of(ReasonCode.ENRICHMENT_TIMEOUT));

    Decision decision = broken.decide(EXAMPLE, input, new InMemoryRoutingState());

    assertThat(decision.reasons())
        .containsExactly(
            ReasonCode.ENRICHMENT_TIMEOUT, ReasonCode.ROUTING_ERROR, ReasonCode.CATCH_ALL);
  }

  @Test
  void otherInputProblemsBecomeReasonCodes() {
    Decision decision =
        decide(
            lead(
                "Email", "ann@gmail.com",
                "Website", "not a website",
                "Company", "Acme ".repeat(1_000),
                "Country", "US",
                "State", "Narnia"));

    assertThat(decision.reasons())
        .contains(
            ReasonCode.FREE_MAIL_DOMAIN,
            ReasonCode.WEBSITE_INVALID,
            ReasonCode.VALUE_TRUNCATED,
            ReasonCode.STATE_UNKNOWN);
    assertThat(decision.inputs().get("CompanyKey")).hasSizeLessThanOrEqualTo(200);
  }

  @Test
  void countryNamesAreNormalizedBeforeCriteriaCompareThem() {
    Decision decision =
        decide(lead("Country", "Deutschland", "LeadSource", "Web", "Email", "j@mueller-mb.de"));

    assertThat(decision.rule()).isEqualTo("DACH_Queue");
    assertThat(decision.owner().name()).isEqualTo("DACH_Inbound");
    assertThat(decision.reasons()).containsExactly(ReasonCode.QUEUE);
    assertThat(decision.path())
        .extracting(RuleTrace::rule)
        .containsExactly(
            "Existing_Lead_Owner", "Existing_Account_Owner", "Enterprise_Team", "DACH_Queue");
    RuleTrace dach = decision.path().get(3);
    assertThat(dach.logic()).isEqualTo("1 AND (2 OR 3)");
    assertThat(dach.criteria())
        .extracting(c -> c.actual() + "=" + c.result())
        .containsExactly("DE=true", "null=false", "null=true");
    assertThat(decision.inputs()).containsEntry("CountryCode", "DE");
  }

  @Test
  void aGermanLeadSpeakingEnglishNeedsConsentForTheCommercialTeam() {
    Decision decision =
        decide(lead("Country", "Germany", "Language__c", "en", "LeadSource", "Web"));

    assertThat(decision.rule()).isEqualTo("Commercial_Team");
    assertThat(decision.owner().name()).isEqualTo("Nurture_Consent");
    assertThat(decision.reasons()).containsExactly(ReasonCode.CONSENT);
  }

  @Test
  void territoriesUseTheRepsZoneAfterTheUsClockChange() {
    // 07:00 in Los Angeles: Dev starts at 08:00, Erin at 07:00.
    Decision decision = decide(lead("Country", "USA", "State", "California"));

    assertThat(decision.rule()).isEqualTo("North_America_Territories");
    assertThat(decision.owner().name()).isEqualTo("Erin Ellis");
    assertThat(decision.reasons())
        .containsExactly(ReasonCode.TERRITORY, ReasonCode.TEAM_ROUND_ROBIN);
    assertThat(member(decision, "NA_West", DEV).unavailable())
        .isEqualTo(ReasonCode.OUTSIDE_WORKING_HOURS);

    assertThat(decide(lead("Country", "US", "State", "NY")).owner().name())
        .isEqualTo("Frank Foster");
  }

  @Test
  void consentCountriesNeedExplicitOptIn() {
    Decision without = decide(lead("Country", "France", "LeadSource", "Web", "Language__c", "fr"));
    assertThat(without.owner().name()).isEqualTo("Nurture_Consent");
    assertThat(without.reasons()).containsExactly(ReasonCode.CONSENT);

    Decision with =
        decide(
            lead(
                "Country", "France",
                "LeadSource", "Web",
                "Language__c", "fr",
                "Marketing_Consent__c", "true"));
    assertThat(with.owner().name()).isEqualTo("Ines Iglesias");
    assertThat(with.reasons()).containsExactly(ReasonCode.SKILLS_MATCHED, ReasonCode.TEAM_CAPACITY);
    assertThat(with.slaMinutes()).isEqualTo(1440);
  }

  @Test
  void optedOutLeadsTakeTheConsentPathAnywhere() {
    Decision decision =
        decide(lead("Country", "Japan", "LeadSource", "Web", "HasOptedOutOfEmail", "true"));

    assertThat(decision.owner().name()).isEqualTo("Nurture_Consent");
    assertThat(decision.reasons()).containsExactly(ReasonCode.CONSENT);
  }

  @Test
  void enterpriseLeadsGoByWeightWithTheRulesSla() {
    Decision decision =
        decide(
            lead(
                "Country", "Sweden",
                "Product_Interest__c", "Enterprise",
                "NumberOfEmployees", "5000"));

    assertThat(decision.rule()).isEqualTo("Enterprise_Team");
    assertThat(decision.owner().id()).isEqualTo(ALICE);
    assertThat(decision.reasons()).containsExactly(ReasonCode.TEAM_WEIGHTED);
    assertThat(decision.slaMinutes()).isEqualTo(15);
  }

  @Test
  void onAHolidayTheEnterpriseWaterfallEndsInEnterprisesOwnOverflowQueue() {
    Decision decision =
        decide(
            LeadInput.of(
                lead(
                    "Country", "Sweden",
                    "Product_Interest__c", "Enterprise",
                    "NumberOfEmployees", "5000")),
            CHRISTMAS_EVE);

    assertThat(decision.owner().name()).isEqualTo("Enterprise_Overflow");
    assertThat(decision.reasons())
        .containsExactly(
            ReasonCode.NO_AVAILABLE_MEMBER,
            ReasonCode.FALLBACK_TEAM,
            ReasonCode.NO_AVAILABLE_MEMBER,
            ReasonCode.FALLBACK_QUEUE);
    assertThat(member(decision, "Enterprise", ALICE).unavailable()).isEqualTo(ReasonCode.HOLIDAY);
    assertThat(member(decision, "Commercial", KIM).unavailable())
        .isEqualTo(ReasonCode.USER_INACTIVE);
  }

  @Test
  void decideAndRecordMovesTheRotationAndDecideAloneDoesNot() {
    DecisionEngine engine = ExampleEngine.at(WEDNESDAY);
    InMemoryRoutingState state = new InMemoryRoutingState();
    LeadInput partnerLead = LeadInput.of(lead("Deal_Registration__c", "DR-2231", "Country", "US"));

    List<String> peeked = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      peeked.add(engine.decide(EXAMPLE, partnerLead, state).owner().name());
    }
    List<String> recorded = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      recorded.add(engine.decideAndRecord(EXAMPLE, partnerLead, state).owner().name());
    }

    assertThat(peeked).containsExactly("Liam Lopez", "Liam Lopez");
    assertThat(recorded).containsExactly("Liam Lopez", "Maya Moreau", "Liam Lopez");
    assertThat(state.openLoad(new SalesforceId("0055f00000LR012AAD"))).isEqualTo(2);
    assertThat(engine.decide(EXAMPLE, partnerLead, state).reasons())
        .containsExactly(ReasonCode.TEAM_ROUND_ROBIN, ReasonCode.CHANNEL);
  }

  @Test
  void matchedAccountsGoToTheirOwnerUnlessTheyArePartners() {
    Lead japan = lead("Country", "Japan");

    Decision customer =
        decide(new LeadInput(japan, account(NOAH, "Customer", 0.97), null), WEDNESDAY);
    assertThat(customer.owner().id()).isEqualTo(NOAH);
    assertThat(customer.reasons()).containsExactly(ReasonCode.ACCOUNT_OWNER);
    assertThat(customer.account().confidence()).isEqualTo(0.97);

    Decision partner =
        decide(new LeadInput(japan, account(NOAH, "Partner", 0.97), null), WEDNESDAY);
    assertThat(partner.rule()).isEqualTo("Partner_Channel");
    assertThat(partner.owner().name()).isEqualTo("Liam Lopez");

    Decision unsure = decide(new LeadInput(japan, account(NOAH, "Customer", 0.5), null), WEDNESDAY);
    assertThat(unsure.owner().id()).isNotEqualTo(NOAH);
    assertThat(unsure.path())
        .filteredOn(t -> t.rule().equals("Existing_Account_Owner"))
        .singleElement()
        .extracting(RuleTrace::reason)
        .isEqualTo(ReasonCode.ACCOUNT_MATCH_LOW_CONFIDENCE);
  }

  @Test
  void blankIndustryAndSizeComeFromTheMatchedAccountAndSayWhere() {
    AccountMatch withFirmographics =
        new AccountMatch(
            new SalesforceId("0015f00000LR001AAD"),
            "Umbrella",
            NOAH,
            true,
            "Prospect",
            0.5,
            "fuzzy name",
            "Technology",
            5000);

    Decision filled =
        decide(new LeadInput(lead("Country", "Japan"), withFirmographics, null), WEDNESDAY);
    assertThat(filled.inputs())
        .containsEntry("Industry", "Technology")
        .containsEntry("NumberOfEmployees", "5000");
    assertThat(filled.reasons()).startsWith(ReasonCode.ACCOUNT_FIRMOGRAPHICS);

    Decision own =
        decide(
            new LeadInput(
                lead("Country", "Japan", "Industry", "Retail", "NumberOfEmployees", "12"),
                withFirmographics,
                null),
            WEDNESDAY);
    assertThat(own.inputs())
        .containsEntry("Industry", "Retail")
        .containsEntry("NumberOfEmployees", "12");
    assertThat(own.reasons()).doesNotContain(ReasonCode.ACCOUNT_FIRMOGRAPHICS);
  }

  @Test
  void duplicatesGoToTheirActiveOwner() {
    Lead lead = lead("Country", "US", "State", "TX", "LeadSource", "Web");
    SalesforceId record = new SalesforceId("00Q5f00000LR003EAD");

    Decision active =
        decide(new LeadInput(lead, null, new DuplicateMatch(record, FRANK, true)), WEDNESDAY);
    assertThat(active.owner().id()).isEqualTo(FRANK);
    assertThat(active.reasons()).containsExactly(ReasonCode.DUPLICATE);

    // Kim is inactive in the rule set even though the duplicate says otherwise.
    Decision inactive =
        decide(new LeadInput(lead, null, new DuplicateMatch(record, KIM, true)), WEDNESDAY);
    assertThat(inactive.owner().id()).isNotEqualTo(KIM);
    assertThat(inactive.path().get(0).reason()).isEqualTo(ReasonCode.DUPLICATE_OWNER_INACTIVE);
  }

  @Test
  void theScoreTierSetsTheSlaWhenTheRuleDoesNot() {
    Decision decision =
        decide(
            lead(
                "Country", "Japan",
                "NumberOfEmployees", "5000",
                "Industry", "Technology",
                "Title", "VP Sales",
                "Email", "ken@sato-trading.jp",
                "LeadSource", "Web"));

    assertThat(decision.score().fit()).isEqualTo(60);
    assertThat(decision.score().intent()).isEqualTo(10);
    assertThat(decision.score().tier()).isEqualTo("hot");
    assertThat(decision.rule()).isEqualTo("Commercial_Team");
    assertThat(decision.slaMinutes()).isEqualTo(5);
    assertThat(decision.owner().name()).isEqualTo("Hana Hoffmann");
    assertThat(decision.reasons())
        .containsExactly(ReasonCode.SKILLS_NOT_MATCHED, ReasonCode.TEAM_CAPACITY);
    assertThat(decision.inputs())
        .containsEntry("Score", "70")
        .containsEntry("ScoreTier", "hot")
        .containsEntry("CountryCode", "JP")
        .containsEntry("EmailDomain", "sato-trading.jp")
        .containsEntry("Industry", "Technology");
  }

  @Test
  void leadsNoRuleTakesGoToTheCatchAll() {
    Decision decision = decide(lead("Country", "Japan"));

    assertThat(decision.rule()).isNull();
    assertThat(decision.owner().name()).isEqualTo("Catch_All");
    assertThat(decision.reasons())
        .containsExactly(ReasonCode.NO_RULE_MATCHED, ReasonCode.CATCH_ALL);
    assertThat(decision.slaMinutes()).isEqualTo(1440);
    assertThat(decision.ruleSetVersion()).isEqualTo("example-2026-11");
    assertThat(decision.decidedAt()).isEqualTo(WEDNESDAY);
    assertThat(decision.leadId()).isEqualTo("00Q5f00000Tst01");
  }

  @Test
  void theInputsSnapshotNeverEndsInHalfACharacter() {
    Decision decision = decide(lead("Country", "Japan", "Industry", "x".repeat(199) + "😀 Retail"));

    String industry = decision.inputs().get("Industry");
    assertThat(Character.isHighSurrogate(industry.charAt(industry.length() - 1)))
        .as("last char of %s", industry)
        .isFalse();
  }
}
