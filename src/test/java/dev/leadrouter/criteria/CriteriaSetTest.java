package dev.leadrouter.criteria;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.leadrouter.lead.Lead;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What each operator means for a lead's value, and what compiling criteria rejects. */
class CriteriaSetTest {

  private static Lead lead(String field, String value) {
    Map<String, String> fields = new HashMap<>();
    fields.put(field, value);
    return Lead.of("00Q000000000001", fields);
  }

  private static boolean holds(String field, Operator operator, String value, String actual)
      throws InvalidCriteriaException {
    List<String> values = value == null ? List.of() : List.of(value.split("\\|", -1));
    CriteriaSet set = CriteriaSet.compile(List.of(new Criterion(1, field, operator, values)), null);
    boolean matched = set.evaluate(lead(field, actual)).matched();
    assertThat(set.matches(lead(field, actual)))
        .as("matches() agrees with evaluate()")
        .isEqualTo(matched);
    return matched;
  }

  @ParameterizedTest(name = "{0} {1} [{2}] on \"{3}\" -> {4}")
  @CsvSource(
      nullValues = "NULL",
      value = {
        // equals: case-insensitive, surrounding blanks ignored, numbers compared as numbers
        "Industry, EQUALS, Technology, technology, true",
        "Industry, EQUALS, technology, TECHNOLOGY, true",
        "Industry, EQUALS, Technology, '  Technology ', true",
        "Industry, EQUALS, Technology, Tech, false",
        "Industry, EQUALS, Technology, NULL, false",
        "Industry, EQUALS, Tech|Retail, retail, true",
        "NumberOfEmployees, EQUALS, 1000, 1000.0, true",
        "NumberOfEmployees, EQUALS, 1000.0, 1000, true",
        "NumberOfEmployees, EQUALS, 1000, 1e3, true",
        "NumberOfEmployees, EQUALS, 1000, +1000, true",
        "NumberOfEmployees, EQUALS, 1000, 1000.5, false",
        "NumberOfEmployees, EQUALS, 1000, 'one thousand', false",
        "AnnualRevenue, EQUALS, 5.0E7, 50000000, true",
        "NumberOfEmployees, EQUALS, 10|20, 20.00, true",
        "Score, EQUALS, -3.5, -3.50, true",
        // not equals: true on blank, as in Salesforce
        "Industry, NOT_EQUALS, Retail, NULL, true",
        "Industry, NOT_EQUALS, Retail, RETAIL, false",
        "Industry, NOT_EQUALS, Retail, Energy, true",
        "NumberOfEmployees, NOT_EQUALS, 1000, 1000.0, false",
        // in / not in
        "CountryCode, IN, DE|AT|CH, at, true",
        "CountryCode, IN, DE|AT|CH, FR, false",
        "CountryCode, IN, DE|AT|CH, NULL, false",
        "CountryCode, NOT_IN, DE|AT|CH, FR, true",
        "CountryCode, NOT_IN, DE|AT|CH, ch, false",
        "CountryCode, NOT_IN, DE|AT|CH, NULL, true",
        // contains / starts with: case-insensitive
        "Title, CONTAINS, vp, Senior VP Sales, true",
        "Title, CONTAINS, VP, vp, true",
        "Title, CONTAINS, Director, Senior VP Sales, false",
        "Title, CONTAINS, Director|VP, Svp, true",
        "Title, CONTAINS, VP, NULL, false",
        "Title, STARTS_WITH, head, Head of IT, true",
        "Title, STARTS_WITH, Head, The Head of IT, false",
        "Title, STARTS_WITH, Head, He, false",
        "Title, STARTS_WITH, VP|Head, HEAD, true",
        "Title, STARTS_WITH, Head, NULL, false",
        // greater / less: numeric when the criterion is a number ("900" < "1000"), text
        // otherwise; a lead value that is not a number never compares with a number
        "NumberOfEmployees, GREATER_THAN, 1000, lots, false",
        "NumberOfEmployees, LESS_THAN, 1000, lots, false",
        "NumberOfEmployees, GREATER_THAN, 1000, 1001, true",
        "NumberOfEmployees, GREATER_THAN, 1000, 1000, false",
        "NumberOfEmployees, GREATER_THAN, 1000, 1000.0, false",
        "NumberOfEmployees, GREATER_THAN, 1000, 900, false",
        "NumberOfEmployees, GREATER_THAN, 1000, 5.0E7, true",
        "NumberOfEmployees, GREATER_THAN, 1000, NULL, false",
        "NumberOfEmployees, LESS_THAN, 1000, 900, true",
        "NumberOfEmployees, LESS_THAN, 1000, 10000, false",
        "NumberOfEmployees, LESS_THAN, 1000, -5, true",
        "NumberOfEmployees, LESS_THAN, 1000, NULL, false",
        "Score, GREATER_THAN, 29, 30, true",
        "Score, GREATER_THAN, -10, -9.5, true",
        "Score, GREATER_THAN, -10, -11, false",
        "CreatedDate, GREATER_THAN, 2026-01-01, 2026-03-05, true",
        "CreatedDate, GREATER_THAN, 2026-01-01, 2025-12-31, false",
        "CreatedDate, LESS_THAN, 2026-01-01, 2025-12-31, true",
        "Rating, GREATER_THAN, b, C, true",
        "Rating, LESS_THAN, B, a, true",
        // blank checks: absent, empty and whitespace-only all read as blank
        "Email, IS_BLANK, NULL, NULL, true",
        "Email, IS_BLANK, NULL, '', true",
        "Email, IS_BLANK, NULL, '   ', true",
        "Email, IS_BLANK, NULL, a@b.co, false",
        "Email, IS_NOT_BLANK, NULL, a@b.co, true",
        "Email, IS_NOT_BLANK, NULL, NULL, false",
        "Email, IS_NOT_BLANK, NULL, ' ', false",
      })
  void operatorSemantics(
      String field, Operator operator, String value, String actual, boolean expected)
      throws InvalidCriteriaException {
    assertThat(holds(field, operator, value, actual)).isEqualTo(expected);
  }

  @Test
  void fieldNamesAreCaseInsensitive() throws InvalidCriteriaException {
    CriteriaSet set =
        CriteriaSet.compile(List.of(Criterion.of(1, "COUNTRYCODE", Operator.EQUALS, "DE")), null);

    assertThat(set.matches(lead("countryCode", "de"))).isTrue();
    assertThat(set.fields()).containsExactly("countrycode");
  }

  @Test
  void evaluateReportsEveryCriterionsValueAndResultInOrder() throws InvalidCriteriaException {
    Criterion country = Criterion.of(1, "CountryCode", Operator.IN, "DE", "AT");
    Criterion size = Criterion.of(2, "NumberOfEmployees", Operator.GREATER_THAN, "1000");
    Criterion email = Criterion.of(3, "Email", Operator.IS_BLANK);
    CriteriaSet set = CriteriaSet.compile(List.of(country, size, email), "1 OR 2 OR 3");
    Lead lead = Lead.of("00Q000000000001", Map.of("CountryCode", "DE", "NumberOfEmployees", "50"));

    CriteriaOutcome outcome = set.evaluate(lead);

    // The first criterion decides the OR, but the trace still has all three.
    assertThat(outcome.matched()).isTrue();
    assertThat(outcome.results())
        .containsExactly(
            new CriterionResult(country, "DE", true),
            new CriterionResult(size, "50", false),
            new CriterionResult(email, null, true));
  }

  @Test
  void blankLogicMeansEveryCriterionMustHold() throws InvalidCriteriaException {
    CriteriaSet set =
        CriteriaSet.compile(
            List.of(
                Criterion.of(1, "CountryCode", Operator.EQUALS, "DE"),
                Criterion.of(2, "Industry", Operator.EQUALS, "Retail")),
            "  ");

    assertThat(set.logic()).isEqualTo("1 AND 2");
    assertThat(set.matches(Lead.of(null, Map.of("CountryCode", "DE", "Industry", "Retail"))))
        .isTrue();
    assertThat(set.matches(Lead.of(null, Map.of("CountryCode", "DE", "Industry", "Energy"))))
        .isFalse();
  }

  @Test
  void logicRefersToCriteriaByNumberNotPosition() throws InvalidCriteriaException {
    CriteriaSet set =
        CriteriaSet.compile(
            List.of(
                Criterion.of(7, "CountryCode", Operator.EQUALS, "DE"),
                Criterion.of(3, "Industry", Operator.EQUALS, "Retail")),
            "7 AND NOT 3");

    assertThat(set.matches(Lead.of(null, Map.of("CountryCode", "DE", "Industry", "Energy"))))
        .isTrue();
    assertThat(set.matches(Lead.of(null, Map.of("CountryCode", "DE", "Industry", "Retail"))))
        .isFalse();
  }

  @Test
  void noCriteriaAlwaysHold() {
    CriteriaOutcome outcome = CriteriaSet.always().evaluate(Lead.of(null, Map.of()));

    assertThat(outcome.matched()).isTrue();
    assertThat(outcome.results()).isEmpty();
  }

  @Test
  void duplicateNumbersAreRejected() {
    assertThatThrownBy(
            () ->
                CriteriaSet.compile(
                    List.of(
                        Criterion.of(1, "CountryCode", Operator.EQUALS, "DE"),
                        Criterion.of(2, "Industry", Operator.EQUALS, "Retail"),
                        Criterion.of(2, "Title", Operator.CONTAINS, "VP")),
                    null))
        .isInstanceOfSatisfying(
            InvalidCriteriaException.class,
            e -> {
              assertThat(e.field()).isEqualTo("criterion 2 number");
              assertThat(e.getMessage()).contains("used twice");
            });
  }

  @Test
  void numbersStartAtOne() {
    assertThatThrownBy(
            () -> CriteriaSet.compile(List.of(Criterion.of(0, "Title", Operator.IS_BLANK)), null))
        .isInstanceOfSatisfying(
            InvalidCriteriaException.class,
            e -> assertThat(e.field()).isEqualTo("criterion 0 number"));
    assertThatThrownBy(
            () -> CriteriaSet.compile(List.of(Criterion.of(-1, "Title", Operator.IS_BLANK)), null))
        .isInstanceOfSatisfying(
            InvalidCriteriaException.class,
            e -> assertThat(e.field()).isEqualTo("criterion -1 number"));
  }

  @Test
  void operatorsThatCompareNeedAValue() {
    assertThatThrownBy(
            () ->
                CriteriaSet.compile(
                    List.of(
                        Criterion.of(1, "Title", Operator.IS_BLANK),
                        Criterion.of(2, "Industry", Operator.EQUALS)),
                    null))
        .isInstanceOfSatisfying(
            InvalidCriteriaException.class,
            e -> {
              assertThat(e.field()).isEqualTo("criterion 2 value");
              assertThat(e.getMessage()).contains("equals");
            });
  }

  @Test
  void theFieldMustBeNamed() {
    assertThatThrownBy(
            () -> CriteriaSet.compile(List.of(Criterion.of(1, " ", Operator.IS_BLANK)), null))
        .isInstanceOfSatisfying(
            InvalidCriteriaException.class,
            e -> assertThat(e.field()).isEqualTo("criterion 1 field"));
  }

  @Test
  void badLogicIsReportedOnTheLogicField() {
    assertThatThrownBy(
            () ->
                CriteriaSet.compile(
                    List.of(Criterion.of(1, "Title", Operator.IS_BLANK)), "1 AND 2"))
        .isInstanceOfSatisfying(
            InvalidCriteriaException.class,
            e -> {
              assertThat(e.field()).isEqualTo("logic");
              assertThat(e.getMessage()).contains("criterion 2");
            });
  }

  @Test
  void describeReadsLikeTheAdminWroteIt() {
    assertThat(Criterion.of(1, "Country", Operator.IN, "DE", "AT").describe())
        .isEqualTo("Country in DE, AT");
    assertThat(Criterion.of(2, "Email", Operator.IS_NOT_BLANK).describe())
        .isEqualTo("Email is not blank");
  }
}
