package dev.leadrouter.criteria;

import dev.leadrouter.lead.FieldSource;
import java.util.List;

/**
 * A criterion prepared once for fast, allocation-free evaluation: field name lower-cased, numbers
 * parsed ahead of time.
 */
final class CompiledCriterion {

  private final Criterion criterion;
  private final String field;
  private final String[] values;
  private final double[] numbers;
  private final boolean allNumeric;

  CompiledCriterion(Criterion criterion) {
    this.criterion = criterion;
    this.field = criterion.lowerField();
    List<String> raw = criterion.values();
    this.values = raw.stream().map(String::trim).toArray(String[]::new);
    this.numbers = new double[values.length];
    boolean numeric = values.length > 0;
    for (int i = 0; i < values.length; i++) {
      numbers[i] = NumberText.parse(values[i]);
      numeric &= !Double.isNaN(numbers[i]);
    }
    this.allNumeric = numeric;
  }

  Criterion criterion() {
    return criterion;
  }

  String read(FieldSource lead) {
    return lead.get(field);
  }

  boolean test(String actual) {
    boolean blank = actual == null || actual.isBlank();
    return switch (criterion.operator()) {
      case IS_BLANK -> blank;
      case IS_NOT_BLANK -> !blank;
      case EQUALS, IN -> !blank && equalsAny(actual);
      case NOT_EQUALS, NOT_IN -> blank || !equalsAny(actual);
      case CONTAINS -> !blank && containsAny(actual);
      case STARTS_WITH -> !blank && startsWithAny(actual);
      case GREATER_THAN -> !blank && compareToFirst(actual) == AFTER;
      case LESS_THAN -> !blank && compareToFirst(actual) == BEFORE;
    };
  }

  private boolean equalsAny(String actual) {
    String trimmed = actual.strip();
    double number = allNumeric ? NumberText.parse(trimmed) : Double.NaN;
    boolean numeric = !Double.isNaN(number);
    for (int i = 0; i < values.length; i++) {
      if (numeric ? number == numbers[i] : values[i].equalsIgnoreCase(trimmed)) {
        return true;
      }
    }
    return false;
  }

  private boolean containsAny(String actual) {
    for (String value : values) {
      if (containsIgnoreCase(actual, value)) {
        return true;
      }
    }
    return false;
  }

  private boolean startsWithAny(String actual) {
    for (String value : values) {
      if (actual.regionMatches(true, 0, value, 0, value.length())) {
        return true;
      }
    }
    return false;
  }

  private static final int BEFORE = -1;
  private static final int AFTER = 1;
  private static final int INCOMPARABLE = 2;

  /**
   * Orders the lead's value against the criterion's: as numbers when the criterion is a number (a
   * lead value that is not a number then compares with nothing, so "lots" is not greater than
   * 1000), as text otherwise (ISO dates order correctly as text).
   */
  private int compareToFirst(String actual) {
    if (values.length == 0) {
      return INCOMPARABLE;
    }
    String trimmed = actual.strip();
    if (allNumeric) {
      double number = NumberText.parse(trimmed);
      return Double.isNaN(number)
          ? INCOMPARABLE
          : Integer.signum(Double.compare(number, numbers[0]));
    }
    return Integer.signum(trimmed.compareToIgnoreCase(values[0]));
  }

  private static boolean containsIgnoreCase(String text, String part) {
    int last = text.length() - part.length();
    for (int start = 0; start <= last; start++) {
      if (text.regionMatches(true, start, part, 0, part.length())) {
        return true;
      }
    }
    return false;
  }
}
