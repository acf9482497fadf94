package dev.leadrouter.criteria;

/**
 * Reads numbers as Salesforce writes them ("1000", "5.0E7", "-3.5"), cheaply rejecting text.
 * Returns {@code NaN} for anything that is not a finite number, so the hot path never boxes.
 */
final class NumberText {

  private static final int LONGEST_NUMBER = 40;

  private NumberText() {}

  static double parse(String text) {
    if (text == null || text.isEmpty() || text.length() > LONGEST_NUMBER) {
      return Double.NaN;
    }
    char first = text.charAt(0);
    if (!(Character.isDigit(first) || first == '-' || first == '+' || first == '.')) {
      return Double.NaN;
    }
    // Most values compared are whole numbers (NumberOfEmployees, scores): read those directly,
    // since Double.parseDouble is slow and runs once per criterion per lead.
    if (text.length() <= 15) {
      long whole = 0;
      int start = first == '-' || first == '+' ? 1 : 0;
      int i = start;
      while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
        whole = whole * 10 + (text.charAt(i) - '0');
        i++;
      }
      if (i == text.length() && i > start) {
        return first == '-' ? -whole : whole;
      }
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!(c >= '0' && c <= '9') && "+-.eE".indexOf(c) < 0) {
        return Double.NaN;
      }
    }
    try {
      double value = Double.parseDouble(text);
      return Double.isFinite(value) ? value : Double.NaN;
    } catch (NumberFormatException notANumber) {
      return Double.NaN;
    }
  }
}
