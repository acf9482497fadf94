package dev.leadrouter.emulator.auth;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leadrouter.emulator.org.ConnectedApp;
import dev.leadrouter.emulator.org.Org;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code POST /services/oauth2/token}: the client credentials and JWT bearer flows, answering as an
 * org does
 * (https://help.salesforce.com/s/articleView?id=sf.remoteaccess_oauth_client_credentials_flow.htm,
 * https://help.salesforce.com/s/articleView?id=sf.remoteaccess_oauth_jwt_flow.htm).
 *
 * <p>A JWT bearer assertion is checked as an org checks it, with the errors that flow documents:
 * {@code iss} a seeded app ({@code invalid_client_id}), {@code aud} the login server ({@code
 * https://login.salesforce.com}, {@code https://test.salesforce.com} or this org's own URL, else
 * "audience is invalid"), {@code exp} not passed ("expired authorization code"), an RS256 signature
 * that the app's certificate verifies ("invalid assertion"), and {@code sub} the app's user ("user
 * hasn't approved this consumer").
 */
public final class TokenServlet extends HttpServlet {

  static final String CLIENT_CREDENTIALS = "client_credentials";
  static final String JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer";

  private final transient Org org;
  private final transient Sessions sessions;
  private final transient Clock clock;
  private final transient ObjectMapper json = new ObjectMapper();
  private final transient Supplier<URI> instanceUrl;

  /**
   * @param instanceUrl the org's URL, known once its server has a port
   */
  public TokenServlet(Org org, Sessions sessions, Clock clock, Supplier<URI> instanceUrl) {
    this.org = org;
    this.sessions = sessions;
    this.clock = clock;
    this.instanceUrl = instanceUrl;
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String grant = request.getParameter("grant_type");
    Outcome outcome;
    if (CLIENT_CREDENTIALS.equals(grant)) {
      outcome = clientCredentials(request);
    } else if (JWT_BEARER.equals(grant)) {
      outcome = jwtBearer(request.getParameter("assertion"));
    } else {
      outcome = Outcome.error("unsupported_grant_type", "grant type not supported");
    }
    response.setContentType("application/json;charset=UTF-8");
    response.setStatus(outcome.body().containsKey("error") ? 400 : 200);
    json.writeValue(response.getOutputStream(), outcome.body());
  }

  private Outcome clientCredentials(HttpServletRequest request) {
    String clientId = request.getParameter("client_id");
    String secret = request.getParameter("client_secret");
    String basic = request.getHeader("Authorization");
    // simple-salesforce sends the app's key and secret as HTTP Basic instead of form fields.
    if (clientId == null && basic != null && basic.regionMatches(true, 0, "Basic ", 0, 6)) {
      String pair =
          new String(Base64.getDecoder().decode(basic.substring(6).trim()), StandardCharsets.UTF_8);
      int colon = pair.indexOf(':');
      clientId = colon < 0 ? pair : pair.substring(0, colon);
      secret = colon < 0 ? null : pair.substring(colon + 1);
    }
    Optional<ConnectedApp> app = clientId == null ? Optional.empty() : org.app(clientId);
    if (app.isEmpty() || !app.get().clientSecret().equals(secret)) {
      return Outcome.error("invalid_client", "invalid client credentials");
    }
    return issue(app.get(), true);
  }

  private Outcome jwtBearer(String assertion) {
    Optional<JwtClaims> claims = JwtClaims.parse(assertion, json);
    if (claims.isEmpty()) {
      return Outcome.error("invalid_grant", "invalid assertion");
    }
    JwtClaims jwt = claims.get();
    Optional<ConnectedApp> app = org.app(jwt.issuer());
    if (app.isEmpty()) {
      return Outcome.error("invalid_client_id", "client identifier invalid");
    }
    if (!audiences().contains(withoutTrailingSlash(jwt.audience()))) {
      return Outcome.error("invalid_grant", "audience is invalid");
    }
    if (jwt.expiresAt() <= clock.instant().getEpochSecond()) {
      return Outcome.error("invalid_grant", "expired authorization code");
    }
    boolean verified =
        app.get().certificate().map(cert -> jwt.signedBy(cert.getPublicKey())).orElse(false);
    if (!verified) {
      return Outcome.error("invalid_grant", "invalid assertion");
    }
    if (!app.get().username().equals(jwt.subject())) {
      return Outcome.error("invalid_grant", "user hasn't approved this consumer");
    }
    return issue(app.get(), false);
  }

  /** The authorization servers an assertion may name: production, sandbox, or this org. */
  private Set<String> audiences() {
    return Set.of(
        "https://login.salesforce.com",
        "https://test.salesforce.com",
        withoutTrailingSlash(instanceUrl.get().toString()));
  }

  private static String withoutTrailingSlash(String url) {
    return url.replaceAll("/+$", "").toLowerCase(Locale.ROOT);
  }

  private Outcome issue(ConnectedApp app, boolean signed) {
    String userId = org.userId(app.username()).orElseThrow();
    Session session = sessions.open(userId, app.clientId());
    String instance = instanceUrl.get().toString().replaceAll("/$", "");
    String id = instance + "/id/" + sessions.orgId() + "/" + userId;
    String issuedAt = String.valueOf(clock.millis());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("access_token", session.accessToken());
    if (signed) {
      body.put("signature", signature(id + issuedAt, app.clientSecret()));
    }
    body.put("scope", "api");
    body.put("instance_url", instance);
    body.put("id", id);
    body.put("token_type", "Bearer");
    body.put("issued_at", issuedAt);
    return new Outcome(body);
  }

  /** As an org signs: HMAC-SHA256 of id and issued_at, keyed by the consumer secret, base64. */
  private static String signature(String text, String secret) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return Base64.getEncoder().encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  private record Outcome(Map<String, Object> body) {
    static Outcome error(String error, String description) {
      return new Outcome(Map.of("error", error, "error_description", description));
    }
  }
}
