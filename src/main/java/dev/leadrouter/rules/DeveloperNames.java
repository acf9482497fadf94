package dev.leadrouter.rules;

import java.util.Locale;

/**
 * Record API names as Salesforce allows them: letters, digits and single underscores, starting with
 * a letter, not ending with an underscore, at most 40 characters.
 */
final class DeveloperNames {

  static final int MAX_LENGTH = 40;

  private DeveloperNames() {}

  static String of(String text) {
    String name =
        text.trim().replaceAll("[^A-Za-z0-9]+", "_").replaceAll("_+", "_").replaceAll("^_|_$", "");
    if (name.isEmpty() || !Character.isLetter(name.charAt(0))) {
      name = "R_" + name;
    }
    if (name.length() > MAX_LENGTH) {
      name = name.substring(0, MAX_LENGTH).replaceAll("_$", "");
    }
    return name;
  }

  static boolean isValid(String name) {
    return name.length() <= MAX_LENGTH
        && name.matches("[A-Za-z][A-Za-z0-9_]*")
        && !name.contains("__")
        && !name.endsWith("_");
  }

  static String label(String text) {
    String label = text.trim();
    return label.length() > MAX_LENGTH ? label.substring(0, MAX_LENGTH).trim() : label;
  }

  static String lower(String text) {
    return text.toLowerCase(Locale.ROOT);
  }
}
