package dev.leadrouter.salesforce;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * OAuth 2.0 JWT bearer: a JWT signed with the app's private key (RS256) is exchanged for a token of
 * the named user. Claims: {@code iss} consumer key, {@code sub} username, {@code aud} the
 * authorization server ({@link JwtAudience}: login, test or an Experience Cloud site, also when the
 * token comes from a My Domain host), {@code exp} three minutes from now, the most Salesforce
 * allows. Each call signs in afresh; wrap in {@link SingleFlightTokenSource} to reuse tokens.
 */
final class JwtBearerFlow implements AccessTokenSource {

  static final String GRANT_TYPE = "urn:ietf:params:oauth:grant-type:jwt-bearer";
  private static final Duration LIFETIME = Duration.ofMinutes(3);
  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  private final TokenEndpoint endpoint;
  private final ObjectMapper json;
  private final URI loginUrl;
  private final String clientId;
  private final String username;
  private final PrivateKey key;
  private final Clock clock;

  JwtBearerFlow(
      TokenEndpoint endpoint,
      ObjectMapper json,
      URI loginUrl,
      String clientId,
      String username,
      PrivateKey key,
      Clock clock) {
    this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    this.json = Objects.requireNonNull(json, "json");
    this.loginUrl = Objects.requireNonNull(loginUrl, "loginUrl");
    this.clientId = Objects.requireNonNull(clientId, "clientId");
    this.username = Objects.requireNonNull(username, "username");
    this.key = Objects.requireNonNull(key, "key");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public AccessToken token() {
    String assertion = assertion();
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", GRANT_TYPE);
    form.put("assertion", assertion);
    return endpoint.request(loginUrl, form, List.of(assertion));
  }

  @Override
  public AccessToken refresh(AccessToken stale) {
    return token();
  }

  /** The signed JWT: base64url(header).base64url(claims).base64url(signature), no padding. */
  String assertion() {
    ObjectNode claims = json.createObjectNode();
    claims.put("iss", clientId);
    claims.put("sub", username);
    claims.put("aud", JwtAudience.of(loginUrl));
    claims.put("exp", clock.instant().plus(LIFETIME).getEpochSecond());
    String signingInput = encode("{\"alg\":\"RS256\"}") + "." + encode(write(claims));
    try {
      Signature rs256 = Signature.getInstance("SHA256withRSA");
      rs256.initSign(key);
      rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
      return signingInput + "." + BASE64URL.encodeToString(rs256.sign());
    } catch (GeneralSecurityException e) {
      // A key that cannot sign RS256 is a configuration error; no secret is in the message.
      throw new IllegalStateException("cannot sign the JWT with the configured key", e);
    }
  }

  private String write(ObjectNode claims) {
    try {
      return json.writeValueAsString(claims);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String encode(String text) {
    return BASE64URL.encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    return "JwtBearerFlow[" + loginUrl + ", clientId=" + clientId + ", user=" + username + "]";
  }
}
