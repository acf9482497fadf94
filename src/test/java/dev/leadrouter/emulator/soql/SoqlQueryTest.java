package dev.leadrouter.emulator.soql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

// Operators and literals as in
// https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_soql_select_comparisonoperators.htm
class SoqlQueryTest {

  private static final Instant NOW = Instant.parse("2024-04-26T17:49:40Z");

  private final List<Map<String, Object>> leads =
      List.of(
          lead("Novak", "DE", 1200, "2024-04-26T09:00:00.000+0000", true),
          lead("Ortiz", "US", 85, "2024-04-20T09:00:00.000+0000", false),
          lead("Wei", "SG", null, "2024-01-02T09:00:00.000+0000", false),
          lead("O'Brien", null, 10, "2024-04-25T23:59:59.000+0000", true));

  @Test
  void andBindsTighterThanOrAndParenthesesRegroup() {
    assertThat(
            names(
                "SELECT Id FROM Lead WHERE CountryCode = 'US' OR CountryCode = 'DE' AND IsHot__c = false"))
        .containsExactly("Ortiz");
    assertThat(
            names(
                "SELECT Id FROM Lead WHERE (CountryCode = 'US' OR CountryCode = 'DE') AND IsHot__c = true"))
        .containsExactly("Novak");
  }

  @Test
  void inLikeNullAndNumbers() {
    assertThat(names("select Id from Lead where CountryCode IN ('de', 'SG')"))
        .containsExactly("Novak", "Wei");
    assertThat(names("SELECT Id FROM Lead WHERE LastName LIKE 'o%'"))
        .containsExactly("Ortiz", "O'Brien");
    assertThat(names("SELECT Id FROM Lead WHERE LastName = 'O\\'Brien'"))
        .containsExactly("O'Brien");
    assertThat(names("SELECT Id FROM Lead WHERE CountryCode = null")).containsExactly("O'Brien");
    assertThat(names("SELECT Id FROM Lead WHERE NumberOfEmployees > 85")).containsExactly("Novak");
    assertThat(
            names(
                "SELECT Id FROM Lead WHERE NumberOfEmployees != null AND NumberOfEmployees < 100"))
        .containsExactly("Ortiz", "O'Brien");
  }

  @Test
  void lastNDaysCountsWholeDaysBackFromToday() {
    assertThat(names("SELECT Id FROM Lead WHERE CreatedDate = LAST_N_DAYS:1"))
        .containsExactly("Novak", "O'Brien");
    assertThat(names("SELECT Id FROM Lead WHERE CreatedDate < LAST_N_DAYS:30"))
        .containsExactly("Wei");
    assertThat(names("SELECT Id FROM Lead WHERE CreatedDate > 2024-04-21T00:00:00Z"))
        .containsExactly("Novak", "O'Brien");
  }

  @Test
  void ordersNullsFirstAndLimits() {
    assertThat(names("SELECT Id FROM Lead ORDER BY NumberOfEmployees LIMIT 2"))
        .containsExactly("Wei", "O'Brien");
    assertThat(names("SELECT Id FROM Lead ORDER BY LastName DESC"))
        .containsExactly("Wei", "Ortiz", "O'Brien", "Novak");
  }

  @Test
  void namesEveryFieldItUsesAndRejectsWhatItCannotParse() {
    assertThat(
            SoqlQuery.parse("SELECT Id, Email FROM Lead WHERE Status = 'x' ORDER BY Company")
                .namedFields())
        .containsExactly("Id", "Email", "Status", "Company");
    assertThatThrownBy(() -> SoqlQuery.parse("SELECT FROM Lead"))
        .isInstanceOf(MalformedQueryException.class);
    assertThatThrownBy(() -> SoqlQuery.parse("SELECT Id FROM Lead WHERE"))
        .isInstanceOf(MalformedQueryException.class);
  }

  private List<String> names(String soql) {
    return SoqlQuery.parse(soql).run(leads, NOW).stream()
        .map(r -> (String) r.get("LastName"))
        .toList();
  }

  @Test
  void readsEveryEscapeSoqlLiteralWritesIncludingFormFeedBackspaceAndUnicode() {
    // Found by SoqlLiteralFuzzTest: \f, \b and \\uXXXX came back as the letters f, b, u0007.
    SoqlQuery query = SoqlQuery.parse("SELECT Id FROM Lead WHERE LastName = 'a\\fb\\bc\\u0007d'");

    assertThat(query.where().orElseThrow())
        .isEqualTo(new Condition.Comparison("LastName", "=", List.of("a\fb\bc\u0007d")));
    assertThatThrownBy(() -> SoqlQuery.parse("SELECT Id FROM Lead WHERE LastName = 'a\\qb'"))
        .isInstanceOf(MalformedQueryException.class)
        .hasMessageContaining("illegal escape sequence \\q");
  }

  @Test
  void aLongStringLiteralDoesNotOverflowTheStack() {
    // Found by SoqlLiteralFuzzTest: the string regex recursed once per character.
    String longName = "\\'".repeat(20_000);

    SoqlQuery query =
        SoqlQuery.parse(
            "SELECT Id FROM Lead WHERE LastName = '" + longName + "' AND IsHot__c = true");

    assertThat(query.where().orElseThrow()).isInstanceOf(Condition.And.class);
  }

  @Test
  void likeMatchesTextBeyondTheBasicPlaneSuchAsEmoji() {
    // Found by SoqlLiteralFuzzTest: each half of a surrogate pair was quoted on its own.
    Map<String, Object> lead = lead("Caf\u00e9 \uD83D\uDE00 Bar", null, null, null, false);

    assertThat(
            SoqlQuery.parse("SELECT Id FROM Lead WHERE LastName LIKE 'caf\u00e9 \uD83D\uDE00%'")
                .run(List.of(lead), NOW))
        .hasSize(1);
  }

  @Test
  void anEscapedWildcardInLikeMatchesOnlyItself() {
    assertThat(names("SELECT Id FROM Lead WHERE LastName LIKE 'O\\_Brien'")).isEmpty();
    assertThat(names("SELECT Id FROM Lead WHERE LastName LIKE 'O_Brien'"))
        .containsExactly("O'Brien");
  }

  @Test
  void selectsRecordsCreatedOrChangedSinceAnInstantOldestFirst() {
    // The query the worker reconciles with after an expired replay id (ReconciliationWindow).
    List<Map<String, Object>> records =
        List.of(
            stamped("Untouched", "2024-04-01T00:00:00.000+0000", "2024-04-01T00:00:00.000+0000"),
            stamped("Later", "2024-04-26T10:00:01.000+0000", "2024-04-26T10:00:01.000+0000"),
            stamped("Worked", "2024-04-01T00:00:00.000+0000", "2024-04-26T11:00:00.000+0000"),
            stamped("AtTheStart", "2024-04-26T10:00:00.000+0000", "2024-04-26T10:00:00.000+0000"),
            stamped("JustBefore", "2024-04-26T09:59:59.000+0000", "2024-04-26T09:59:59.000+0000"));

    List<String> found =
        SoqlQuery.parse(
                "SELECT Id, CreatedDate, SystemModstamp FROM Lead WHERE CreatedDate >="
                    + " 2024-04-26T10:00:00Z OR SystemModstamp >= 2024-04-26T10:00:00Z"
                    + " ORDER BY CreatedDate")
            .run(records, NOW)
            .stream()
            .map(r -> (String) r.get("LastName"))
            .toList();

    assertThat(found).containsExactly("Worked", "AtTheStart", "Later");
  }

  private static Map<String, Object> stamped(String lastName, String created, String modstamp) {
    Map<String, Object> lead = lead(lastName, null, null, created, false);
    lead.put("SystemModstamp", modstamp);
    return lead;
  }

  private static Map<String, Object> lead(
      String lastName, String country, Integer employees, String created, boolean hot) {
    Map<String, Object> lead = new HashMap<>();
    lead.put("LastName", lastName);
    lead.put("CountryCode", country);
    lead.put("NumberOfEmployees", employees);
    lead.put("CreatedDate", created);
    lead.put("IsHot__c", hot);
    return lead;
  }
}
