package dev.leadrouter.config;

/**
 * One thing wrong with a rule set, pointing at the record (e.g. {@code rule Enterprise_Team}) and
 * the field (e.g. {@code criteria[2].operator}) an admin must fix.
 */
public record RuleSetProblem(String record, String field, String message) {

  @Override
  public String toString() {
    return record + ", field " + field + ": " + message;
  }
}
