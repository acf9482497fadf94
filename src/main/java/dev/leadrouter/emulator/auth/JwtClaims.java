package dev.leadrouter.emulator.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Base64;
import java.util.Optional;

/** The claims of a JWT bearer assertion the token endpoint checks; the signature is not read. */
record JwtClaims(String issuer, String subject, long expiresAt) {

  static Optional<JwtClaims> parse(String assertion, ObjectMapper json) {
    if (assertion == null) {
      return Optional.empty();
    }
    String[] parts = assertion.split("\\.");
    if (parts.length != 3) {
      return Optional.empty();
    }
    try {
      JsonNode claims = json.readTree(Base64.getUrlDecoder().decode(parts[1]));
      if (!claims.path("iss").isTextual()
          || !claims.path("sub").isTextual()
          || !claims.path("exp").canConvertToLong()) {
        return Optional.empty();
      }
      return Optional.of(
          new JwtClaims(
              claims.get("iss").asText(), claims.get("sub").asText(), claims.get("exp").asLong()));
    } catch (IOException | IllegalArgumentException malformed) {
      return Optional.empty();
    }
  }
}
