package dev.leadrouter.criteria;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class OperatorTest {

  @ParameterizedTest(name = "\"{0}\" -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "equals | EQUALS",
        "Equals | EQUALS",
        "EQUALS | EQUALS",
        "equal | EQUALS",
        "eq | EQUALS",
        "= | EQUALS",
        "== | EQUALS",
        "not equals | NOT_EQUALS",
        "NOT_EQUALS | NOT_EQUALS",
        "not-equal | NOT_EQUALS",
        "not equal to | NOT_EQUALS",
        "ne | NOT_EQUALS",
        "!= | NOT_EQUALS",
        "<> | NOT_EQUALS",
        "in | IN",
        "IN | IN",
        "is one of | IN",
        "not in | NOT_IN",
        "not_in | NOT_IN",
        "is not one of | NOT_IN",
        "contains | CONTAINS",
        "CONTAINS | CONTAINS",
        "starts with | STARTS_WITH",
        "starts_with | STARTS_WITH",
        "Starts-With | STARTS_WITH",
        "startswith | STARTS_WITH",
        "greater than | GREATER_THAN",
        "GREATER_THAN | GREATER_THAN",
        "gt | GREATER_THAN",
        "> | GREATER_THAN",
        "less than | LESS_THAN",
        "less-than | LESS_THAN",
        "lt | LESS_THAN",
        "< | LESS_THAN",
        "is blank | IS_BLANK",
        "blank | IS_BLANK",
        "is null | IS_BLANK",
        "is empty | IS_BLANK",
        "IS_BLANK | IS_BLANK",
        "is not blank | IS_NOT_BLANK",
        "not blank | IS_NOT_BLANK",
        "is not null | IS_NOT_BLANK",
        "is_not_empty | IS_NOT_BLANK",
      })
  void readsLabelsNamesAndSymbols(String text, Operator expected) {
    assertThat(Operator.parse(text)).contains(expected);
  }

  @Test
  void ignoresSurroundingAndRepeatedWhitespace() {
    assertThat(Operator.parse("  greater \t  than ")).contains(Operator.GREATER_THAN);
    assertThat(Operator.parse("is   not\tblank")).contains(Operator.IS_NOT_BLANK);
  }

  @ParameterizedTest
  @EnumSource(Operator.class)
  void everyLabelAndEnumNameReadsBack(Operator operator) {
    assertThat(Operator.parse(operator.label())).contains(operator);
    assertThat(Operator.parse(operator.name())).contains(operator);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {
        " ",
        "equalz",
        "=>",
        ">=",
        "<=",
        "=<",
        "===",
        "like",
        "contain",
        "starts",
        "is",
        "not",
        "greater",
        "in in",
        "equals;drop",
        "ｅｑｕａｌｓ",
        "\u0000"
      })
  void junkIsNotAnOperator(String text) {
    assertThat(Operator.parse(text)).isEmpty();
  }

  @Test
  void onlyBlankChecksTakeNoValue() {
    assertThat(Arrays.stream(Operator.values()).filter(o -> !o.needsValue()))
        .containsExactlyInAnyOrder(Operator.IS_BLANK, Operator.IS_NOT_BLANK);
  }

  @Test
  void allowedLabelsListEveryOperatorForErrorMessages() {
    String allowed = Operator.allowedLabels();
    for (Operator operator : Operator.values()) {
      assertThat(allowed).contains(operator.label());
    }
  }
}
