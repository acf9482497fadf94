package dev.leadrouter.admin;

import dev.leadrouter.config.Secret;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks an {@code Authorization: Bearer <token>} header against the configured admin token, in
 * constant time, so the time a wrong guess takes tells nothing about how close it was.
 */
final class BearerToken {

  private static final String SCHEME = "bearer ";

  private final Optional<Secret> expected;

  BearerToken(Optional<Secret> expected) {
    this.expected = expected;
  }

  boolean required() {
    return expected.isPresent();
  }

  /** Whether the header grants access; always true when no token is configured. */
  boolean admits(String authorizationHeader) {
    if (expected.isEmpty()) {
      return true;
    }
    if (authorizationHeader == null
        || authorizationHeader.length() < SCHEME.length()
        || !authorizationHeader
            .substring(0, SCHEME.length())
            .toLowerCase(Locale.ROOT)
            .equals(SCHEME)) {
      return false;
    }
    byte[] given =
        authorizationHeader.substring(SCHEME.length()).strip().getBytes(StandardCharsets.UTF_8);
    // MessageDigest.isEqual is constant-time for equal lengths and returns early only on length,
    // which a token's length does not make a secret worth hiding.
    return MessageDigest.isEqual(given, expected.get().reveal().getBytes(StandardCharsets.UTF_8));
  }
}
