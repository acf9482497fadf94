package dev.leadrouter.match;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Small-number codes for values that repeat across accounts (countries, states, types, industries,
 * owners), so each account holds a short or an int instead of a reference to a string. Code 0
 * stands for "none". Not thread-safe: the index guards it.
 */
final class Dictionary {

  private final Map<String, Integer> codes = new HashMap<>();
  private final List<String> values = new ArrayList<>();

  Dictionary() {
    values.add(null);
  }

  int code(String value) {
    if (value == null) {
      return 0;
    }
    Integer known = codes.get(value);
    if (known != null) {
      return known;
    }
    int code = values.size();
    values.add(value);
    codes.put(value, code);
    return code;
  }

  /** The code of a value already seen, else -1 (without adding it). */
  int find(String value) {
    Integer known = value == null ? null : codes.get(value);
    return known == null ? -1 : known;
  }

  String value(int code) {
    return values.get(code);
  }

  int size() {
    return values.size();
  }
}
