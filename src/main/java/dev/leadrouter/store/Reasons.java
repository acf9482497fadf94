package dev.leadrouter.store;

import dev.leadrouter.route.ReasonCode;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reason codes as one comma-separated column, in the order they arose: readable in SQL and easy to
 * filter with {@code LIKE}, which a JSON array is not. Code names hold no commas.
 */
final class Reasons {

  private Reasons() {}

  static String join(List<ReasonCode> reasons) {
    return reasons.stream().map(ReasonCode::name).collect(Collectors.joining(","));
  }

  static List<ReasonCode> split(String text) {
    if (text == null || text.isEmpty()) {
      return List.of();
    }
    return Arrays.stream(text.split(",")).map(ReasonCode::valueOf).toList();
  }
}
