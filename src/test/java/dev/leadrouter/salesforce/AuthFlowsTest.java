package dev.leadrouter.salesforce;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.leadrouter.config.Secret;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class AuthFlowsTest {

  @RegisterExtension
  static final WireMockExtension SALESFORCE =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final String TOKEN_PATH = "/services/oauth2/token";
  private static final String SECRET = "s3cr3t-consumer-value";
  // A DST switch day in the test zone, so a zone mistake would show in exp.
  private static final Instant NOW = Instant.parse("2026-03-08T10:30:00Z");

  @TempDir Path tempDir;

  private final ObjectMapper json = new ObjectMapper();
  private final Clock clock = Clock.fixed(NOW, ZoneId.of("America/Los_Angeles"));
  private final TokenEndpoint endpoint =
      new TokenEndpoint(HttpClient.newHttpClient(), json, clock, Duration.ofSeconds(5));

  @Test
  void clientCredentialsPostsTheFormAndReadsTheToken() {
    SALESFORCE.stubFor(post(TOKEN_PATH).willReturn(okJson("oauth-client-credentials.json")));

    AccessToken token = clientCredentials().token();

    assertThat(token.value()).isEqualTo("00DRM000000CCAT!AQ4AQClientCredentialsTokenForTests");
    assertThat(token.instanceUrl()).isEqualTo(URI.create(SALESFORCE.baseUrl()));
    assertThat(token.issuedAt()).isEqualTo(Instant.ofEpochMilli(1278448384422L));
    LoggedRequest sent = onlyTokenRequest();
    assertThat(sent.getHeader("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
    assertThat(form(sent))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "grant_type", "client_credentials",
                "client_id", "3MVG9client",
                "client_secret", SECRET));
  }

  @Test
  void jwtBearerPostsASignedAssertion() throws Exception {
    SALESFORCE.stubFor(post(TOKEN_PATH).willReturn(okJson("oauth-jwt-bearer.json")));

    AccessToken token = jwt(TestKeys.pemFile(tempDir)).token();

    assertThat(token.value()).isEqualTo("00Dxx0000001gPL!AR8AQJwtBearerTokenForTests");
    assertThat(token.issuedAt()).as("no issued_at: time received").isEqualTo(NOW);
    Map<String, String> form = form(onlyTokenRequest());
    assertThat(form).containsEntry("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer");
    String[] parts = form.get("assertion").split("\\.");
    assertThat(parts).hasSize(3);
    assertThat(form.get("assertion")).doesNotContain("=", "+", "/");
    assertThat(decode(parts[0])).isEqualTo("{\"alg\":\"RS256\"}");
    JsonNode claims = json.readTree(decode(parts[1]));
    assertThat(claims.get("iss").asText()).isEqualTo("3MVG9client");
    assertThat(claims.get("sub").asText()).isEqualTo("router@acme.example");
    assertThat(claims.get("aud").asText()).isEqualTo("https://login.salesforce.com");
    assertThat(claims.get("exp").asLong()).isEqualTo(NOW.getEpochSecond() + 180);
    Signature verifier = Signature.getInstance("SHA256withRSA");
    verifier.initVerify(TestKeys.PAIR.getPublic());
    verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
    assertThat(verifier.verify(Base64.getUrlDecoder().decode(parts[2]))).isTrue();
  }

  @Test
  void refusedSignInIsAnAuthErrorWithoutSecrets() {
    SALESFORCE.stubFor(
        post(TOKEN_PATH)
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withHeader("Content-Type", "application/json")
                    .withBody(Fixtures.read("oauth-error-invalid-grant.json"))));

    SalesforceException e =
        catchThrowableOfType(SalesforceException.class, () -> clientCredentials().token());

    assertThat(e.kind()).isEqualTo(ErrorKind.AUTH);
    assertThat(e.httpStatus()).isEqualTo(400);
    assertThat(e.errors()).extracting(SalesforceError::code).containsExactly("invalid_grant");
    assertThat(e).hasMessageContaining("user hasn't approved this consumer");
    assertThat(e.getMessage()).doesNotContain(SECRET);
  }

  @Test
  void anEchoedSecretOrAssertionIsMasked() throws Exception {
    SALESFORCE.stubFor(
        post(TOKEN_PATH)
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withBody(
                        "{\"error\":\"invalid_client\",\"error_description\":\"bad secret "
                            + SECRET
                            + "\"}")));
    SalesforceException e =
        catchThrowableOfType(SalesforceException.class, () -> clientCredentials().token());
    assertThat(e.getMessage()).doesNotContain(SECRET).contains("bad secret ****");

    JwtBearerFlow flow = jwt(TestKeys.pemFile(tempDir));
    String assertion = flow.assertion();
    SALESFORCE.stubFor(
        post(TOKEN_PATH)
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withBody(
                        "{\"error\":\"invalid_grant\",\"error_description\":\"bad "
                            + assertion
                            + "\"}")));
    SalesforceException jwtError = catchThrowableOfType(SalesforceException.class, flow::token);
    assertThat(jwtError.getMessage()).doesNotContain(assertion);
    assertThat(flow.toString()).doesNotContain("PRIVATE");
    assertThat(clientCredentials().toString()).doesNotContain(SECRET);
  }

  @Test
  void anUnavailableTokenEndpointIsRetryable() {
    SALESFORCE.stubFor(post(TOKEN_PATH).willReturn(aResponse().withStatus(503)));

    SalesforceException e =
        catchThrowableOfType(SalesforceException.class, () -> clientCredentials().token());

    assertThat(e.kind()).isEqualTo(ErrorKind.RETRYABLE);
  }

  @Test
  void readsOnlyPkcs8Pem() throws Exception {
    Path pkcs1 = tempDir.resolve("rsa.pem");
    Files.writeString(
        pkcs1, "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n");

    assertThat(PemPrivateKey.read(TestKeys.pemFile(tempDir))).isEqualTo(TestKeys.PAIR.getPrivate());
    assertThat(
            catchThrowableOfType(IllegalArgumentException.class, () -> PemPrivateKey.read(pkcs1)))
        .hasMessageContaining("openssl pkcs8");
  }

  @Test
  void tokenToStringHidesTheValue() {
    AccessToken token =
        new AccessToken("00D!secret-token", URI.create("https://acme.my.salesforce.com"), NOW);

    assertThat(token.toString()).doesNotContain("secret-token").contains("acme.my.salesforce.com");
  }

  private ClientCredentialsFlow clientCredentials() {
    return new ClientCredentialsFlow(
        endpoint, URI.create(SALESFORCE.baseUrl() + "/"), "3MVG9client", new Secret(SECRET));
  }

  private JwtBearerFlow jwt(Path pem) {
    return new JwtBearerFlow(
        endpoint,
        json,
        URI.create(SALESFORCE.baseUrl()),
        "3MVG9client",
        "router@acme.example",
        PemPrivateKey.read(pem),
        clock);
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder okJson(
      String fixture) {
    return Stubs.okJson(fixture, SALESFORCE.baseUrl());
  }

  private static LoggedRequest onlyTokenRequest() {
    SALESFORCE.verify(1, postRequestedFor(urlEqualTo(TOKEN_PATH)));
    return SALESFORCE.findAll(postRequestedFor(urlEqualTo(TOKEN_PATH))).get(0);
  }

  static Map<String, String> form(LoggedRequest request) {
    return Arrays.stream(request.getBodyAsString().split("&"))
        .map(pair -> pair.split("=", 2))
        .collect(
            Collectors.toMap(
                pair -> URLDecoder.decode(pair[0], StandardCharsets.UTF_8),
                pair -> URLDecoder.decode(pair[1], StandardCharsets.UTF_8)));
  }

  private static String decode(String base64url) {
    return new String(Base64.getUrlDecoder().decode(base64url), StandardCharsets.UTF_8);
  }
}
