package dev.leadrouter.route;

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

  /** Upper case without spaces or hyphens ("sw1a 1aa" is "SW1A1AA"); runs for every lead. */
  private static String canonical(String code) {
    if (code == null) {
      return "";
    }
    StringBuilder canonical = new StringBuilder(code.length());
    for (int i = 0; i < code.length(); i++) {
      char c = code.charAt(i);
      if (c != '-' && !Character.isWhitespace(c)) {
        canonical.append(Character.toUpperCase(c));
      }
    }
    return canonical.toString();
  }

  @Override
  public String toString() {
    return first.equals(last) ? first : first + "-" + last;
  }
}
