package dev.leadrouter.route;

import java.util.Locale;

/**
 * Postal codes from {@code first} to {@code last}, compared on as many leading characters as the
 * bounds have: {@code 94-95} covers 94000 to 95999, {@code 10115-14199} covers Berlin.
 */
public record PostalRange(String first, String last) {

  public PostalRange {
    first = canonical(first);
    last = canonical(last);
    if (first.isEmpty() || first.length() != last.length()) {
      throw new IllegalArgumentException(
          "postal range '" + first + "-" + last + "' needs two bounds of the same length");
    }
    if (first.compareTo(last) > 0) {
      throw new IllegalArgumentException("postal range '" + first + "-" + last + "' is reversed");
    }
  }

  /** Reads {@code "94000-95999"} or a single code {@code "10115"}. */
  public static PostalRange parse(String text) {
    String[] bounds = text.split("-", -1);
    if (bounds.length == 1) {
      return new PostalRange(bounds[0], bounds[0]);
    }
    if (bounds.length != 2) {
      throw new IllegalArgumentException(
          "postal range '" + text + "' should look like 94000-95999");
    }
    return new PostalRange(bounds[0], bounds[1]);
  }

  public boolean contains(String postalCode) {
    if (postalCode == null) {
      return false;
    }
    String code = canonical(postalCode);
    if (code.length() < first.length()) {
      return false;
    }
    String head = code.substring(0, first.length());
    return head.compareTo(first) >= 0 && head.compareTo(last) <= 0;
  }

  private static String canonical(String code) {
    return code == null ? "" : code.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return first.equals(last) ? first : first + "-" + last;
  }
}
