package dev.leadrouter.emulator.soql;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** SOQL's comparison rules over JSON-like record values. */
final class Values {

  // Salesforce writes +0000, SOQL literals may write Z or +00:00.
  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss[.SSS][XXX][XX][X]", Locale.ROOT);

  private Values() {}

  /** The field's value, matching the name case-insensitively as SOQL does. */
  static Object lookup(Map<String, Object> record, String field) {
    if (record.containsKey(field)) {
      return record.get(field);
    }
    for (Map.Entry<String, Object> entry : record.entrySet()) {
      if (entry.getKey().equalsIgnoreCase(field)) {
        return entry.getValue();
      }
    }
    return null;
  }

  static boolean equal(Object value, Object literal, Instant now) {
    if (literal == null || value == null) {
      return literal == value;
    }
    if (literal instanceof LastNDays range) {
      return instant(value)
          .map(i -> !i.isBefore(range.start(now)) && i.isBefore(range.end(now)))
          .orElse(false);
    }
    Integer order = compare(value, literal);
    return order != null && order == 0;
  }

  static boolean ordered(Object value, String operator, Object literal, Instant now) {
    if (value == null || literal == null) {
      return false;
    }
    Integer order;
    if (literal instanceof LastNDays range) {
      Optional<Instant> at = instant(value);
      if (at.isEmpty()) {
        return false;
      }
      // Greater means after the whole range, less means before it.
      order = at.get().isBefore(range.start(now)) ? -1 : at.get().isBefore(range.end(now)) ? 0 : 1;
    } else {
      order = compare(value, literal);
    }
    if (order == null) {
      return false;
    }
    return switch (operator) {
      case "<" -> order < 0;
      case "<=" -> order <= 0;
      case ">" -> order > 0;
      case ">=" -> order >= 0;
      default -> throw new MalformedQueryException("unknown operator " + operator);
    };
  }

  /** SOQL LIKE: {@code %} any run, {@code _} one character, case-insensitive. */
  static boolean like(Object value, String pattern) {
    if (value == null) {
      return false;
    }
    // Literal text is quoted in runs, not char by char: a quoted lone half of a surrogate pair
    // never matches the whole character (found by SoqlLiteralFuzzTest with an emoji).
    StringBuilder regex = new StringBuilder();
    StringBuilder literal = new StringBuilder();
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\\' && i + 1 < pattern.length()) {
        // An escaped %, _ or backslash matches itself (the parser keeps these escapes).
        literal.append(pattern.charAt(++i));
      } else if (c == '%' || c == '_') {
        if (literal.length() > 0) {
          regex.append(Pattern.quote(literal.toString()));
          literal.setLength(0);
        }
        regex.append(c == '%' ? ".*" : ".");
      } else {
        literal.append(c);
      }
    }
    if (literal.length() > 0) {
      regex.append(Pattern.quote(literal.toString()));
    }
    return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.DOTALL)
        .matcher(value.toString())
        .matches();
  }

  /** ORDER BY: nulls first, numbers by value, everything else as text ignoring case. */
  static int sortOrder(Object a, Object b) {
    if (a == null || b == null) {
      return a == null ? (b == null ? 0 : -1) : 1;
    }
    if (a instanceof Number x && b instanceof Number y) {
      return new BigDecimal(x.toString()).compareTo(new BigDecimal(y.toString()));
    }
    return a.toString().compareToIgnoreCase(b.toString());
  }

  /** Orders two values of one kind; null when they cannot be compared. */
  private static Integer compare(Object value, Object literal) {
    if (literal instanceof BigDecimal number) {
      return value instanceof Number n ? new BigDecimal(n.toString()).compareTo(number) : null;
    }
    if (literal instanceof Boolean flag) {
      return value instanceof Boolean b ? Boolean.compare(b, flag) : null;
    }
    if (literal instanceof Instant at) {
      return instant(value).map(i -> i.compareTo(at)).orElse(null);
    }
    if (literal instanceof LocalDate day) {
      try {
        return LocalDate.parse(value.toString().substring(0, 10)).compareTo(day);
      } catch (DateTimeParseException | StringIndexOutOfBoundsException notADate) {
        return null;
      }
    }
    // Text comparisons in SOQL ignore case.
    return value
        .toString()
        .toLowerCase(Locale.ROOT)
        .compareTo(literal.toString().toLowerCase(Locale.ROOT));
  }

  static Optional<Instant> instant(Object value) {
    if (value == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(OffsetDateTime.parse(value.toString(), DATE_TIME).toInstant());
    } catch (DateTimeParseException notADateTime) {
      return Optional.empty();
    }
  }
}
