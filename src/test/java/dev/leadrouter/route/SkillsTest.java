package dev.leadrouter.route;

import static dev.leadrouter.route.RouteFixtures.THURSDAY;
import static dev.leadrouter.route.RouteFixtures.decideAndApply;
import static dev.leadrouter.route.RouteFixtures.lead;
import static dev.leadrouter.route.RouteFixtures.matchingSkills;
import static dev.leadrouter.route.RouteFixtures.newRuleSet;
import static dev.leadrouter.route.RouteFixtures.rep;
import static dev.leadrouter.route.RouteFixtures.request;
import static dev.leadrouter.route.RouteFixtures.set;
import static dev.leadrouter.route.RouteFixtures.skilled;
import static dev.leadrouter.route.RouteFixtures.team;
import static dev.leadrouter.route.RouteFixtures.teamRule;
import static org.assertj.core.api.Assertions.assertThat;

import dev.leadrouter.lead.Lead;
import java.util.LinkedHashSet;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Skills steer, never strand: the lead's language narrows the candidates, its industry narrows them
 * further, and when nobody has the skill everyone stays a candidate.
 */
class SkillsTest {

  private final Rep ann = rep(1, "Ann");
  private final Rep ben = rep(2, "Ben");
  private final Rep cat = rep(3, "Cat");
  private final Rep dan = rep(4, "Dan");

  private RuleSet ruleSet(boolean matchSkills, String languageField) {
    Team sales =
        team(
            "Sales",
            Strategy.ROUND_ROBIN,
            skilled(ann, set("en"), set()),
            skilled(ben, set("de", "en"), set("manufacturing")),
            skilled(cat, set("de"), set("technology", "healthcare")),
            skilled(dan, set("fr"), set("technology")));
    return newRuleSet()
        .reps(ann, ben, cat, dan)
        .languageField(languageField)
        .team(matchSkills ? matchingSkills(sales) : sales)
        .rule(teamRule("Sales_Rule", 10, "Sales"))
        .build();
  }

  /** Who gets eight leads in a row, and the skills reason of the first decision. */
  private static Set<String> owners(RuleSet ruleSet, Lead lead, ReasonCode[] skillsReason) {
    InMemoryRoutingState state = new InMemoryRoutingState();
    Set<String> owners = new LinkedHashSet<>();
    for (int i = 0; i < 8; i++) {
      Decision decision = decideAndApply(ruleSet, request(lead), THURSDAY, state);
      owners.add(decision.owner().name());
      if (i == 0) {
        skillsReason[0] =
            decision.reasons().stream()
                .filter(r -> r == ReasonCode.SKILLS_MATCHED || r == ReasonCode.SKILLS_NOT_MATCHED)
                .findFirst()
                .orElse(null);
      }
    }
    return owners;
  }

  @ParameterizedTest(name = "language {0}, industry {1} -> {2}")
  @CsvSource(
      nullValues = "-",
      value = {
        "de, -, Ben Cat, SKILLS_MATCHED",
        "' DE ', -, Ben Cat, SKILLS_MATCHED",
        "de, Technology, Cat, SKILLS_MATCHED",
        "de, Manufacturing, Ben, SKILLS_MATCHED",
        "de, Retail, Ben Cat, SKILLS_MATCHED",
        "en, Technology, Ann Ben, SKILLS_MATCHED",
        "-, technology, Cat Dan, SKILLS_MATCHED",
        "fr, Healthcare, Dan, SKILLS_MATCHED",
        "ja, -, Ann Ben Cat Dan, SKILLS_NOT_MATCHED",
        "ja, Retail, Ann Ben Cat Dan, SKILLS_NOT_MATCHED",
        "-, -, Ann Ben Cat Dan, -",
      })
  void languageNarrowsThenIndustryNarrowsFurther(
      String language, String industry, String expectedOwners, ReasonCode expectedReason) {
    ReasonCode[] reason = new ReasonCode[1];

    Set<String> owners =
        owners(
            ruleSet(true, "Language__c"),
            lead("Language__c", language, "Industry", industry),
            reason);

    assertThat(owners).containsExactlyInAnyOrder(expectedOwners.split(" "));
    assertThat(reason[0]).isEqualTo(expectedReason);
  }

  @ParameterizedTest
  @CsvSource({"true, ", "false, Language__c"})
  void withoutSkillsMatchingOrALanguageFieldLanguageIsIgnored(
      boolean matchSkills, String languageField) {
    ReasonCode[] reason = new ReasonCode[1];

    Set<String> owners =
        owners(ruleSet(matchSkills, languageField), lead("Language__c", "de"), reason);

    assertThat(owners).containsExactlyInAnyOrder("Ann", "Ben", "Cat", "Dan");
    assertThat(reason[0]).isNull();
  }
}
