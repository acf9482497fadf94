package dev.leadrouter.emulator.rest;

import java.util.Optional;

/**
 * The {@code client} of a {@code Sforce-Call-Options} header. Current docs separate options with
 * {@code ;}, older docs and jsforce with {@code , }; both are read.
 */
final class CallOptions {

  private CallOptions() {}

  static Optional<String> client(String header) {
    if (header == null) {
      return Optional.empty();
    }
    for (String option : header.split("[;,]")) {
      String trimmed = option.trim();
      if (trimmed.startsWith("client=") && trimmed.length() > "client=".length()) {
        return Optional.of(trimmed.substring("client=".length()).trim());
      }
    }
    return Optional.empty();
  }

  /**
   * Whether assignment rules run: {@code Sforce-Auto-Assign} absent, TRUE or an AssignmentRule id
   * runs them; only FALSE turns them off.
   */
  static boolean autoAssign(String header) {
    return header == null || !header.trim().equalsIgnoreCase("FALSE");
  }
}
