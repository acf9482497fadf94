package dev.leadrouter.engine;

import dev.leadrouter.route.Decision;
import java.util.List;

/** How one golden case fared: the decision, and what (if anything) differs from the expectation. */
public record GoldenResult(GoldenCase golden, Decision decision, List<String> mismatches) {

  public GoldenResult {
    mismatches = List.copyOf(mismatches);
  }

  public boolean passed() {
    return mismatches.isEmpty();
  }
}
