package dev.leadrouter.criteria;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The comparison operators a criterion may use, modelled on Salesforce assignment rule criteria.
 *
 * <p>Text comparisons ignore case, as Salesforce's do. {@link #GREATER_THAN} and {@link #LESS_THAN}
 * compare numerically when both sides are numbers and as text otherwise (ISO dates therefore
 * compare in time order).
 */
public enum Operator {
  EQUALS("equals", true),
  NOT_EQUALS("not equals", true),
  IN("in", true),
  NOT_IN("not in", true),
  CONTAINS("contains", true),
  STARTS_WITH("starts with", true),
  GREATER_THAN("greater than", true),
  LESS_THAN("less than", true),
  IS_BLANK("is blank", false),
  IS_NOT_BLANK("is not blank", false);

  private final String label;
  private final boolean needsValue;

  Operator(String label, boolean needsValue) {
    this.label = label;
    this.needsValue = needsValue;
  }

  /** The words admins write, for example {@code "starts with"}. */
  public String label() {
    return label;
  }

  public boolean needsValue() {
    return needsValue;
  }

  /**
   * Reads an operator as admins write it: its label in any case, with spaces, underscores or
   * hyphens, or a symbol ({@code = != <> > <}).
   */
  public static Optional<Operator> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String key = text.trim().toLowerCase(Locale.ROOT).replace('_', ' ').replace('-', ' ');
    key = key.replaceAll("\\s+", " ");
    switch (key) {
      case "=", "==", "eq", "equal", "equals" -> {
        return Optional.of(EQUALS);
      }
      case "!=", "<>", "ne", "not equal", "not equals", "not equal to" -> {
        return Optional.of(NOT_EQUALS);
      }
      case ">", "gt", "greater than" -> {
        return Optional.of(GREATER_THAN);
      }
      case "<", "lt", "less than" -> {
        return Optional.of(LESS_THAN);
      }
      case "in", "is one of" -> {
        return Optional.of(IN);
      }
      case "not in", "is not one of" -> {
        return Optional.of(NOT_IN);
      }
      case "contains" -> {
        return Optional.of(CONTAINS);
      }
      case "starts with", "startswith" -> {
        return Optional.of(STARTS_WITH);
      }
      case "is blank", "blank", "is null", "is empty" -> {
        return Optional.of(IS_BLANK);
      }
      case "is not blank", "not blank", "is not null", "is not empty" -> {
        return Optional.of(IS_NOT_BLANK);
      }
      default -> {
        return Optional.empty();
      }
    }
  }

  public static String allowedLabels() {
    return Arrays.stream(values()).map(Operator::label).collect(Collectors.joining(", "));
  }
}
