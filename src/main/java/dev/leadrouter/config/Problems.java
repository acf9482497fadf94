package dev.leadrouter.config;

import java.util.ArrayList;
import java.util.List;

/** Collects every problem found while assembling a rule set, so admins see them all at once. */
final class Problems {

  private final List<RuleSetProblem> found = new ArrayList<>();

  void add(String record, String field, String message) {
    found.add(new RuleSetProblem(record, field, message));
  }

  boolean isEmpty() {
    return found.isEmpty();
  }

  List<RuleSetProblem> list() {
    return List.copyOf(found);
  }

  static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.trim();
  }

  static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }
}
