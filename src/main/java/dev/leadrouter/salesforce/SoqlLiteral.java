package dev.leadrouter.salesforce;

import java.util.Objects;

/**
 * Writes values into SOQL string literals so that no value can end the literal early or change the
 * query. Follows the SOQL reference, "Quoted String Escape Sequences": backslash, both quotes, new
 * line, carriage return, tab, form feed; bell and backspace are written as {@code \}{@code uXXXX}
 * because the documented {@code \b} is described as "bell" in one translation and "backspace" in
 * another. {@code %} and {@code _} may be escaped only inside LIKE; elsewhere a backslash before
 * them is an error.
 */
public final class SoqlLiteral {

  private SoqlLiteral() {}

  /** The value as a quoted SOQL string literal, e.g. {@code 'Bob\'s BBQ'}; for =, !=, IN. */
  public static String quote(String value) {
    return "'" + escape(value, false) + "'";
  }

  /**
   * The value escaped for use inside a LIKE pattern, without the quotes, so that its {@code %} and
   * {@code _} match themselves; add the wildcards around it, e.g. {@code "Name LIKE '" +
   * likePattern(prefix) + "%'"}.
   */
  public static String likePattern(String value) {
    return escape(value, true);
  }

  private static String escape(String value, boolean like) {
    Objects.requireNonNull(value, "value (SOQL has the keyword null for no value)");
    StringBuilder out = new StringBuilder(value.length() + 8);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\'' -> out.append("\\'");
        case '"' -> out.append("\\\"");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\f' -> out.append("\\f");
        case '\u0007' -> out.append("\\u0007");
        case '\b' -> out.append("\\u0008");
        case '%', '_' -> {
          if (like) {
            out.append('\\');
          }
          out.append(c);
        }
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
