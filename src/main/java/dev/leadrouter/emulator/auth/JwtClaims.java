package dev.leadrouter.emulator.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.Optional;

/**
 * A JWT bearer assertion as the token endpoint reads it: the header's algorithm, the claims it
 * checks, and the signed bytes with their signature.
 */
record JwtClaims(
    String algorithm,
    String issuer,
    String subject,
    String audience,
    long expiresAt,
    byte[] signingInput,
    byte[] signature) {

  static Optional<JwtClaims> parse(String assertion, ObjectMapper json) {
    if (assertion == null) {
      return Optional.empty();
    }
    String[] parts = assertion.split("\\.", -1);
    if (parts.length != 3) {
      return Optional.empty();
    }
    try {
      Base64.Decoder base64 = Base64.getUrlDecoder();
      JsonNode header = json.readTree(base64.decode(parts[0]));
      JsonNode claims = json.readTree(base64.decode(parts[1]));
      if (header == null
          || claims == null
          || !claims.path("iss").isTextual()
          || !claims.path("sub").isTextual()
          || !claims.path("exp").canConvertToLong()) {
        return Optional.empty();
      }
      return Optional.of(
          new JwtClaims(
              header.path("alg").asText(""),
              claims.get("iss").asText(),
              claims.get("sub").asText(),
              claims.path("aud").asText(""),
              claims.get("exp").asLong(),
              (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII),
              base64.decode(parts[2])));
    } catch (IOException | IllegalArgumentException malformed) {
      return Optional.empty();
    }
  }

  /** Whether the assertion is RS256-signed by the private key belonging to this public key. */
  boolean signedBy(PublicKey key) {
    if (!algorithm.equals("RS256")) {
      return false;
    }
    try {
      Signature rs256 = Signature.getInstance("SHA256withRSA");
      rs256.initVerify(key);
      rs256.update(signingInput);
      return rs256.verify(signature);
    } catch (GeneralSecurityException wrongKeyOrSignature) {
      return false;
    }
  }
}
