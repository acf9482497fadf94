package dev.leadrouter.score;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leadrouter.criteria.CriteriaSet;
import dev.leadrouter.criteria.Criterion;
import dev.leadrouter.criteria.InvalidCriteriaException;
import dev.leadrouter.criteria.Operator;
import dev.leadrouter.lead.Lead;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PointRuleScorerTest {

  private final PointRuleScorer scorer = new PointRuleScorer();

  private static ScoreRule rule(
      String name,
      ScoreCategory category,
      int points,
      String field,
      Operator op,
      String... values) {
    try {
      CriteriaSet when = CriteriaSet.compile(List.of(Criterion.of(1, field, op, values)), null);
      return new ScoreRule(name, category, when, points);
    } catch (InvalidCriteriaException e) {
      throw new AssertionError(e);
    }
  }

  private static final List<ScoreRule> RULES =
      List.of(
          rule(
              "Large company",
              ScoreCategory.FIT,
              30,
              "NumberOfEmployees",
              Operator.GREATER_THAN,
              "1000"),
          rule(
              "Target industry",
              ScoreCategory.FIT,
              15,
              "Industry",
              Operator.IN,
              "Technology",
              "Healthcare"),
          rule("Free mail", ScoreCategory.FIT, -10, "Domain", Operator.IS_BLANK),
          rule("Inbound web", ScoreCategory.INTENT, 10, "LeadSource", Operator.EQUALS, "Web"),
          rule(
              "Demo requested",
              ScoreCategory.INTENT,
              30,
              "Demo_Requested__c",
              Operator.EQUALS,
              "true"));

  /** Given lowest first, to show the model orders them. */
  private static final List<ScoreTier> TIERS =
      List.of(
          new ScoreTier("cold", -1000, 1440),
          new ScoreTier("warm", 30, 60),
          new ScoreTier("hot", 60, 5));

  private static Lead lead(String... namesAndValues) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      fields.put(namesAndValues[i], namesAndValues[i + 1]);
    }
    return Lead.of("00Q000000000001", fields);
  }

  @Test
  void sumsFitAndIntentSeparately() {
    LeadScore score =
        scorer.score(
            lead(
                "NumberOfEmployees", "5000",
                "Industry", "technology",
                "Domain", "acme.com",
                "LeadSource", "Web"),
            new ScoreModel(RULES, TIERS));

    assertThat(score.fit()).isEqualTo(45);
    assertThat(score.intent()).isEqualTo(10);
    assertThat(score.total()).isEqualTo(55);
    assertThat(score.hits()).containsExactly("Large company", "Target industry", "Inbound web");
  }

  @Test
  void negativePointsSubtract() {
    LeadScore score =
        scorer.score(
            lead("LeadSource", "Web", "Demo_Requested__c", "true"), new ScoreModel(RULES, TIERS));

    assertThat(score.fit()).isEqualTo(-10);
    assertThat(score.intent()).isEqualTo(40);
    assertThat(score.total()).isEqualTo(30);
    assertThat(score.hits()).containsExactly("Free mail", "Inbound web", "Demo requested");
  }

  @ParameterizedTest(name = "{0} employees, source {1}, demo {2}, domain {3} -> {4}, {5}")
  @CsvSource(
      nullValues = "-",
      value = {
        // 30 large + 30 demo = 60: exactly the hot threshold
        "5000, -, true, acme.com, 60, hot, 5",
        "5000, Web, true, acme.com, 70, hot, 5",
        // 30 large + 10 web - 10 free mail = 30: exactly warm
        "5000, Web, -, -, 30, warm, 60",
        "10, Web, true, -, 30, warm, 60",
        "5000, -, -, -, 20, cold, 1440",
        "10, Web, -, acme.com, 10, cold, 1440",
        "10, -, -, -, -10, cold, 1440",
      })
  void picksTheHighestTierReached(
      String employees,
      String source,
      String demo,
      String domain,
      int total,
      String tier,
      Integer sla) {
    LeadScore score =
        scorer.score(
            lead(
                "NumberOfEmployees", employees,
                "LeadSource", source,
                "Demo_Requested__c", demo,
                "Domain", domain),
            new ScoreModel(RULES, TIERS));

    assertThat(score.total()).isEqualTo(total);
    assertThat(score.tier()).isEqualTo(tier);
    assertThat(score.tierSlaMinutes()).isEqualTo(sla);
  }

  @Test
  void modelKeepsTiersHighestThresholdFirst() {
    assertThat(new ScoreModel(RULES, TIERS).tiers())
        .extracting(ScoreTier::name)
        .containsExactly("hot", "warm", "cold");
  }

  @Test
  void noTierReachedLeavesTierAndSlaEmpty() {
    ScoreModel hotOnly = new ScoreModel(RULES, List.of(new ScoreTier("hot", 60, 5)));

    LeadScore score =
        scorer.score(lead("NumberOfEmployees", "5000", "Domain", "acme.com"), hotOnly);

    assertThat(score.total()).isEqualTo(30);
    assertThat(score.tier()).isNull();
    assertThat(score.tierSlaMinutes()).isNull();
  }

  @Test
  void rulesWithoutTiersStillScore() {
    LeadScore score =
        scorer.score(
            lead("LeadSource", "Web", "Domain", "acme.com"), new ScoreModel(RULES, List.of()));

    assertThat(score.intent()).isEqualTo(10);
    assertThat(score.tier()).isNull();
  }

  @Test
  void tiersWithoutRulesPutEveryLeadAtZero() {
    LeadScore score = scorer.score(lead(), new ScoreModel(List.of(), TIERS));

    assertThat(score.total()).isZero();
    assertThat(score.tier()).isEqualTo("cold");
    assertThat(score.hits()).isEmpty();
  }

  @Test
  void emptyModelScoresNone() {
    LeadScore score = scorer.score(lead("NumberOfEmployees", "5000"), ScoreModel.EMPTY);

    assertThat(score).isEqualTo(LeadScore.NONE);
    assertThat(score.total()).isZero();
    assertThat(score.tier()).isNull();
    assertThat(score.tierSlaMinutes()).isNull();
  }

  @Test
  void aTierWithoutSlaHasNoSla() {
    LeadScore score =
        scorer.score(lead(), new ScoreModel(List.of(), List.of(new ScoreTier("any", 0, null))));

    assertThat(score.tier()).isEqualTo("any");
    assertThat(score.tierSlaMinutes()).isNull();
  }
}
