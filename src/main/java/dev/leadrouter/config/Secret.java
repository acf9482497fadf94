package dev.leadrouter.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * A password, client secret or token, kept out of logs: {@link #toString()} never shows it, only
 * {@link #reveal()} does, at the one place that sends it.
 *
 * <p>A class rather than a record on purpose: a record would expose the value through a public
 * accessor that JSON mappers and debuggers call without being asked.
 */
public final class Secret {

  private static final String MASK = "****";

  private final String value;

  /** Wraps a secret value, which must not be empty. */
  public Secret(String value) {
    Objects.requireNonNull(value, "value");
    if (value.isEmpty()) {
      throw new IllegalArgumentException("a secret must not be empty");
    }
    this.value = value;
  }

  /** The secret itself; call it only where it is handed to the system that needs it. */
  public String reveal() {
    return value;
  }

  @Override
  public boolean equals(Object other) {
    // Compared in constant time so that equality checks on tokens leak nothing through timing.
    return other instanceof Secret that
        && MessageDigest.isEqual(
            value.getBytes(StandardCharsets.UTF_8), that.value.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  /** Always {@code ****}, whatever the value. */
  @Override
  public String toString() {
    return MASK;
  }
}
