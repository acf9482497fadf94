package dev.leadrouter.criteria;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Criteria logic as admins write it. Each expression is checked against all eight combinations of
 * three criteria results, so precedence mistakes cannot hide behind a lucky input.
 */
class CriteriaLogicTest {

  /** Criteria numbered 1, 2, 3 at positions 0, 1, 2. */
  private static final Map<Integer, Integer> THREE = Map.of(1, 0, 2, 1, 3, 2);

  static Stream<Arguments> expressions() {
    return Stream.of(
        expression("1 OR 2 AND 3", r -> r[0] || (r[1] && r[2])),
        expression("1 AND 2 OR 3", r -> (r[0] && r[1]) || r[2]),
        expression("NOT 1 AND 2", r -> !r[0] && r[1]),
        expression("NOT 1 OR 2", r -> !r[0] || r[1]),
        expression("1 AND NOT 2 OR 3", r -> (r[0] && !r[1]) || r[2]),
        expression("NOT (1 OR 2)", r -> !(r[0] || r[1])),
        expression("NOT (1 AND 2) AND 3", r -> !(r[0] && r[1]) && r[2]),
        expression("(1 OR 2) AND 3", r -> (r[0] || r[1]) && r[2]),
        expression("1 AND (2 OR NOT 3)", r -> r[0] && (r[1] || !r[2])),
        expression("(1 OR 2)AND(3)", r -> (r[0] || r[1]) && r[2]),
        expression("not 1 and not 2 or 3", r -> (!r[0] && !r[1]) || r[2]),
        expression("NOT NOT 1", r -> r[0]),
        expression("((1))", r -> r[0]),
        expression("1 OR 2 OR 3", r -> r[0] || r[1] || r[2]),
        expression("3 AND 2 AND 1", r -> r[0] && r[1] && r[2]),
        expression("\t1\nAND\r\n2  ", r -> r[0] && r[1]),
        expression("1 AND ((2 OR 3) AND NOT (1 AND 3))", r -> r[0] && (r[1] || r[2]) && !r[2]));
  }

  private static Arguments expression(String logic, Predicate<boolean[]> meaning) {
    return Arguments.of(logic, meaning);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("expressions")
  void evaluatesWithNotBeforeAndBeforeOr(String logic, Predicate<boolean[]> meaning)
      throws InvalidCriteriaException {
    CriteriaLogic parsed = CriteriaLogic.parse(logic, THREE);

    for (int bits = 0; bits < 8; bits++) {
      boolean[] results = {(bits & 1) != 0, (bits & 2) != 0, (bits & 4) != 0};
      assertThat(parsed.evaluate(results))
          .as("%s with 1=%s 2=%s 3=%s", logic, results[0], results[1], results[2])
          .isEqualTo(meaning.test(results));
    }
  }

  @ParameterizedTest(name = "\"{0}\"")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "1 AND 4 | criterion 4, which does not exist",
        "0 | criterion 0, which does not exist",
        "(1 AND 2 | never closed",
        "((1 OR 2) AND 3 | never closed",
        "1 AND 2) | unexpected ')'",
        "() | unexpected ')'",
        ") 1 ( | unexpected ')'",
        "1 && 2 | unexpected character '&'",
        "1 AND 2; | unexpected character ';'",
        "1 AND 2 -- | unexpected character '-'",
        "1 AND $ | unexpected character '$'",
        "1 AND | ends too early",
        "NOT | ends too early",
        "AND 1 | unexpected 'AND'",
        "1 XOR 2 | unexpected 'XOR'",
        "1 2 | unexpected '2'",
        "1AND2 | unexpected '1AND2'",
        "99999 | unexpected '99999'",
        "TRUE | unexpected 'TRUE'",
      })
  void badLogicIsRejectedOnTheLogicField(String logic, String message) {
    assertThatThrownBy(() -> CriteriaLogic.parse(logic, THREE))
        .isInstanceOfSatisfying(
            InvalidCriteriaException.class,
            e -> {
              assertThat(e.field()).isEqualTo("logic");
              assertThat(e.getMessage()).contains(message);
            });
  }

  @Test
  void emptyLogicIsRejected() {
    assertThatThrownBy(() -> CriteriaLogic.parse("   ", THREE))
        .isInstanceOfSatisfying(
            InvalidCriteriaException.class, e -> assertThat(e.field()).isEqualTo("logic"));
    assertThatThrownBy(() -> CriteriaLogic.parse(null, THREE))
        .isInstanceOf(InvalidCriteriaException.class);
  }

  @Test
  void moderateNestingIsFine() throws InvalidCriteriaException {
    String logic = "(".repeat(30) + "1" + ")".repeat(30);
    assertThat(CriteriaLogic.parse(logic, THREE).evaluate(new boolean[] {true, false, false}))
        .isTrue();
    String nots = "NOT ".repeat(30) + "1";
    assertThat(CriteriaLogic.parse(nots, THREE).evaluate(new boolean[] {true, false, false}))
        .isTrue();
  }

  @Test
  void tooDeepNestingIsRejectedNotAStackOverflow() {
    for (String logic :
        new String[] {
          "(".repeat(100) + "1" + ")".repeat(100),
          "(".repeat(900) + "1" + ")".repeat(900),
          "NOT ".repeat(400) + "1",
        }) {
      assertThatThrownBy(() -> CriteriaLogic.parse(logic, THREE))
          .as("%d characters of nesting", logic.length())
          .isInstanceOfSatisfying(
              InvalidCriteriaException.class,
              e -> {
                assertThat(e.field()).isEqualTo("logic");
                assertThat(e.getMessage()).contains("deeper");
              });
    }
  }

  @Test
  void logicUpTo2000CharactersIsReadAndLongerIsRejected() throws InvalidCriteriaException {
    StringBuilder logic = new StringBuilder("1");
    while (logic.length() + " OR 2".length() <= 2_000) {
      logic.append(" OR 2");
    }
    String longest = logic + " ".repeat(2_000 - logic.length());
    assertThat(longest).hasSize(2_000);
    assertThat(CriteriaLogic.parse(longest, THREE).evaluate(new boolean[] {false, true, false}))
        .isTrue();

    assertThatThrownBy(() -> CriteriaLogic.parse(longest + "3", THREE))
        .isInstanceOfSatisfying(
            InvalidCriteriaException.class,
            e -> {
              assertThat(e.field()).isEqualTo("logic");
              assertThat(e.getMessage()).contains("longer than 2000");
            });
  }

  @Test
  void keepsTheLogicAsWrittenAndBuildsAllOfText() throws InvalidCriteriaException {
    assertThat(CriteriaLogic.parse("  1 AND (2 OR 3) ", THREE).text()).isEqualTo("1 AND (2 OR 3)");
    assertThat(CriteriaLogic.allOf(3).text()).isEqualTo("1 AND 2 AND 3");
    assertThat(CriteriaLogic.allOf(3).evaluate(new boolean[] {true, true, false})).isFalse();
    assertThat(CriteriaLogic.allOf(3).evaluate(new boolean[] {true, true, true})).isTrue();
    assertThat(CriteriaLogic.allOf(0).evaluate(new boolean[0])).isTrue();
  }
}
