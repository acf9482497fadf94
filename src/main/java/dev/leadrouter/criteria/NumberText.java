package dev.leadrouter.criteria;

/** Reads numbers as Salesforce writes them ("1000", "5.0E7", "-3.5"), cheaply rejecting text. */
final class NumberText {

  private static final int LONGEST_NUMBER = 40;

  private NumberText() {}

  static Double parse(String text) {
    if (text == null || text.isEmpty() || text.length() > LONGEST_NUMBER) {
      return null;
    }
    char first = text.charAt(0);
    if (!(Character.isDigit(first) || first == '-' || first == '+' || first == '.')) {
      return null;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!(c >= '0' && c <= '9') && "+-.eE".indexOf(c) < 0) {
        return null;
      }
    }
    try {
      double value = Double.parseDouble(text);
      return Double.isFinite(value) ? value : null;
    } catch (NumberFormatException notANumber) {
      return null;
    }
  }
}
