package dev.leadrouter.criteria;

import java.util.List;
import java.util.Objects;

/**
 * One numbered condition on a lead field, as in a Salesforce assignment rule entry: {@code 2.
 * NumberOfEmployees greater than 1000}.
 *
 * <p>{@code values} holds one value, or several for {@link Operator#IN}/{@link Operator#NOT_IN}
 * (and for {@link Operator#EQUALS}/{@link Operator#NOT_EQUALS}, which Salesforce also lets take a
 * comma-separated list meaning "any of").
 */
public record Criterion(int number, String field, Operator operator, List<String> values) {

  public Criterion {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(operator, "operator");
    values = List.copyOf(values);
  }

  public static Criterion of(int number, String field, Operator operator, String... values) {
    return new Criterion(number, field, operator, List.of(values));
  }

  /** The criterion in admin words, for explanations: {@code Country in DE, AT, CH}. */
  public String describe() {
    if (!operator.needsValue()) {
      return field + " " + operator.label();
    }
    return field + " " + operator.label() + " " + String.join(", ", values);
  }

  /**
   * The field name in lower case and interned, so that field caches can compare names by identity.
   */
  String lowerField() {
    return dev.leadrouter.lead.FieldSource.key(field);
  }
}
