package dev.leadrouter.route;

import static dev.leadrouter.route.RouteFixtures.DIRECT;
import static dev.leadrouter.route.RouteFixtures.decide;
import static dev.leadrouter.route.RouteFixtures.lead;
import static dev.leadrouter.route.RouteFixtures.member;
import static dev.leadrouter.route.RouteFixtures.newRuleSet;
import static dev.leadrouter.route.RouteFixtures.queueRule;
import static dev.leadrouter.route.RouteFixtures.rep;
import static dev.leadrouter.route.RouteFixtures.rule;
import static dev.leadrouter.route.RouteFixtures.set;
import static dev.leadrouter.route.RouteFixtures.team;
import static dev.leadrouter.route.RouteFixtures.trace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.leadrouter.lead.Lead;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Territories by country, state and postal code; a lead in none moves on to the next rule. */
class TerritoryRoutingTest {

  private final Rep west = rep(1, "West Rep");
  private final Rep newYork = rep(2, "NY Rep");
  private final Rep bavaria = rep(3, "Bavaria Rep");
  private final Rep canada = rep(4, "Canada Rep");
  private final Rep bay = rep(5, "Bay Rep");

  private RuleSet ruleSet() {
    return newRuleSet()
        .reps(west, newYork, bavaria, canada, bay)
        .team(team("Bay", Strategy.ROUND_ROBIN, member(bay)))
        .team(team("West", Strategy.ROUND_ROBIN, member(west)))
        .team(team("NewYork", Strategy.ROUND_ROBIN, member(newYork)))
        .team(team("Bavaria", Strategy.ROUND_ROBIN, member(bavaria)))
        .team(team("Canada", Strategy.ROUND_ROBIN, member(canada)))
        // Listed first, so the Bay Area's postal codes win over the state of California.
        .territory(
            new Territory(
                "Bay_Area", set("US"), set(), List.of(PostalRange.parse("94000-95999")), "Bay"))
        .territory(new Territory("US_West", set("US"), set("CA", "WA", "OR"), List.of(), "West"))
        .territory(
            new Territory(
                "New_York_City",
                set("US"),
                set(),
                List.of(PostalRange.parse("10000-10299"), PostalRange.parse("11200-11299")),
                "NewYork"))
        .territory(
            new Territory(
                "Bavaria", set("DE"), set(), List.of(PostalRange.parse("80-87")), "Bavaria"))
        .territory(new Territory("Canada", set("CA"), set(), List.of(), "Canada"))
        .rule(rule("Territories", 10, new RuleAction.ByTerritory()))
        .rule(queueRule("Everyone_Else", 20, DIRECT))
        .build();
  }

  @ParameterizedTest(name = "{0} {1} {2} -> {3}")
  @CsvSource(
      nullValues = "-",
      value = {
        "US, CA, 94107, Bay Rep",
        "US, CA, 95999, Bay Rep",
        "US, CA, 96001, West Rep",
        "US, CA, -, West Rep",
        "US, WA, 98101, West Rep",
        "US, NY, 10115, NY Rep",
        "US, NY, 11215, NY Rep",
        "US, -, 10001-1234, NY Rep",
        "DE, -, 80331, Bavaria Rep",
        "DE, -, 87700, Bavaria Rep",
        "DE, BY, 94032, Direct_Queue",
        "DE, -, 10115, Direct_Queue",
        "CA, ON, M5V 2T6, Canada Rep",
        "CA, -, -, Canada Rep",
        "US, TX, 73301, Direct_Queue",
        "US, NY, 1011, Direct_Queue",
        "FR, -, 75001, Direct_Queue",
        "-, CA, 94107, Direct_Queue",
      })
  void leadsGoToTheFirstTerritoryCoveringThem(
      String country, String state, String postalCode, String expectedOwner) {
    Lead lead = lead("CountryCode", country, "StateCode", state, "PostalCode", postalCode);

    Decision decision = decide(ruleSet(), lead);

    assertThat(decision.owner().name()).isEqualTo(expectedOwner);
    if (expectedOwner.equals(DIRECT.name())) {
      RuleTrace skipped = trace(decision, "Territories");
      assertThat(skipped.matched()).isTrue();
      assertThat(skipped.applied()).isFalse();
      assertThat(skipped.reason()).isEqualTo(ReasonCode.TERRITORY_NOT_FOUND);
      assertThat(decision.rule()).isEqualTo("Everyone_Else");
      assertThat(decision.reasons()).doesNotContain(ReasonCode.TERRITORY);
    } else {
      assertThat(decision.rule()).isEqualTo("Territories");
      assertThat(decision.reasons())
          .containsExactly(ReasonCode.TERRITORY, ReasonCode.TEAM_ROUND_ROBIN);
    }
  }

  @Test
  void aTerritoryWithoutStatesOrPostalCodesCoversTheWholeCountry() {
    Territory canadaOnly = new Territory("Canada", set("CA"), set(), List.of(), "Canada");

    assertThat(canadaOnly.covers(lead("CountryCode", "CA"))).isTrue();
    assertThat(canadaOnly.covers(lead("CountryCode", "CA", "StateCode", "QC"))).isTrue();
    assertThat(canadaOnly.covers(lead("CountryCode", "US"))).isFalse();
    assertThat(canadaOnly.covers(lead())).isFalse();
  }

  @ParameterizedTest
  @CsvSource({
    "94000-95999, 94000, true",
    "94000-95999, 95999, true",
    "94000-95999, 94107, true",
    "94000-95999, 93999, false",
    "94000-95999, 96000, false",
    "94000-95999, 9410, false",
    "94-95, 94000, true",
    "94-95, 95999, true",
    "94-95, 94107-1234, true",
    "94-95, 93999, false",
    "94-95, 96000, false",
    "10115, 10115, true",
    "10115, 10116, false",
    "SW1-SW9, sw1a 1aa, true",
    "SW1-SW9, SE1 7PB, false",
  })
  void postalRangesCompareOnTheLeadingCharactersOfTheirBounds(
      String range, String postalCode, boolean covered) {
    assertThat(PostalRange.parse(range).contains(postalCode)).isEqualTo(covered);
  }

  @Test
  void aMissingPostalCodeIsInNoRange() {
    assertThat(PostalRange.parse("94-95").contains(null)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"94-959", "95-94", "1-2-3", "-", ""})
  void malformedPostalRangesAreRejected(String range) {
    assertThatIllegalArgumentException().isThrownBy(() -> PostalRange.parse(range));
  }
}
