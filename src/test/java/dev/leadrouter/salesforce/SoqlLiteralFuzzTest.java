package dev.leadrouter.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.leadrouter.emulator.soql.Condition;
import dev.leadrouter.emulator.soql.SoqlQuery;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Lead data goes into SOQL only through {@link SoqlLiteral}. Whatever the text, the literal must
 * read back as exactly that text with the emulator's SOQL parser, and must not end early: the
 * condition written after it must still be there. Seeds: {@code SoqlLiteralFuzzTestInputs/}.
 */
class SoqlLiteralFuzzTest {

  @FuzzTest(maxDuration = "60s")
  void aQuotedValueReadsBackAsItselfAndNeverEndsTheLiteral(FuzzedDataProvider data) {
    String value = data.consumeRemainingAsString();

    SoqlQuery query =
        SoqlQuery.parse(
            "SELECT Id FROM Lead WHERE Company = "
                + SoqlLiteral.quote(value)
                + " AND IsConverted = false");

    Condition.And where = (Condition.And) query.where().orElseThrow();
    assertThat(where.left()).isEqualTo(new Condition.Comparison("Company", "=", list(value)));
    assertThat(where.right())
        .isEqualTo(new Condition.Comparison("IsConverted", "=", list(Boolean.FALSE)));
  }

  @FuzzTest(maxDuration = "60s")
  void aLikePatternNeverEndsTheLiteral(FuzzedDataProvider data) {
    String value = data.consumeRemainingAsString();

    SoqlQuery query =
        SoqlQuery.parse(
            "SELECT Id FROM Lead WHERE Company LIKE '"
                + SoqlLiteral.likePattern(value)
                + "%' AND IsConverted = false");

    Condition.And where = (Condition.And) query.where().orElseThrow();
    assertThat(where.right())
        .isEqualTo(new Condition.Comparison("IsConverted", "=", list(Boolean.FALSE)));
    // The value's own % and _ match only themselves: it matches itself with a suffix, and a
    // record that differs only where the value has a wildcard does not match.
    Instant now = Instant.parse("2026-11-27T10:00:00Z");
    assertThat(query.run(List.of(lead(value + "tail")), now)).hasSize(1);
    String wildcardsReplaced = value.replace('%', 'x').replace('_', 'x');
    if (!wildcardsReplaced.equalsIgnoreCase(value)) {
      assertThat(query.run(List.of(lead(wildcardsReplaced)), now)).isEmpty();
    }
  }

  private static Map<String, Object> lead(String company) {
    Map<String, Object> lead = new HashMap<>();
    lead.put("Id", "00Q000000000001");
    lead.put("Company", company);
    lead.put("IsConverted", Boolean.FALSE);
    return lead;
  }

  private static List<Object> list(Object literal) {
    return java.util.Collections.singletonList(literal);
  }
}
