package dev.leadrouter.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import dev.leadrouter.config.AuthMethod;
import dev.leadrouter.config.ClockModule;
import dev.leadrouter.config.SalesforceSettings;
import dev.leadrouter.emulator.org.Org;
import dev.leadrouter.salesforce.RestClient;
import dev.leadrouter.salesforce.SalesforceModule;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The JWT bearer flow against the emulated org, which verifies the assertion's RS256 signature with
 * the certificate its seed holds for the app. Errors as
 * https://help.salesforce.com/s/articleView?id=sf.remoteaccess_oauth_jwt_flow.htm lists them
 * (invalid_client_id, invalid_grant with "audience is invalid", "expired authorization code",
 * "invalid assertion", "user hasn't approved this consumer").
 */
class JwtBearerIT {

  private static final String CLIENT_ID = "3MVG9EmulatorLeadRouterClientId";
  private static final String USER = "integration@emulator.lead-router.dev";
  private static final String AUDIENCE = "https://login.salesforce.com";
  private static final Path DEMO_KEY =
      Path.of("src/test/resources/emulator/demo-app.DEMO-ONLY.key.pem");

  private final ObjectMapper json = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  private final Clock clock = Clock.systemUTC();
  private OrgServer server;

  @BeforeEach
  void start() throws Exception {
    server = new OrgServer(OrgServer.Settings.defaults(clock), Org.small(clock)).start();
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  @Test
  void ourJwtBearerClientSignsInWithTheDemoKeyAndQueries() {
    SalesforceSettings settings =
        new SalesforceSettings(
            server.instanceUrl(),
            Optional.empty(),
            "62.0",
            AuthMethod.JWT,
            Optional.of(CLIENT_ID),
            Optional.of(USER),
            Optional.of(DEMO_KEY),
            Optional.empty(),
            Optional.empty(),
            "lead-router");
    RestClient rest =
        Guice.createInjector(
                new ClockModule(clock),
                new SalesforceModule(),
                new AbstractModule() {
                  @Override
                  protected void configure() {
                    bind(SalesforceSettings.class).toInstance(settings);
                  }
                })
            .getInstance(RestClient.class);

    assertThat(rest.query("SELECT Id FROM Lead").count()).isEqualTo(3);
  }

  @Test
  void aProperlySignedAssertionGetsAToken() throws Exception {
    HttpResponse<String> response =
        exchange(assertion(demoKey(), CLIENT_ID, USER, AUDIENCE, exp()));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(json.readTree(response.body()).path("token_type").asText()).isEqualTo("Bearer");
    assertThat(json.readTree(response.body()).has("refresh_token")).isFalse();
  }

  @Test
  void aSignatureByAnotherKeyIsAnInvalidAssertion() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    PrivateKey stranger = generator.generateKeyPair().getPrivate();

    assertRejected(
        assertion(stranger, CLIENT_ID, USER, AUDIENCE, exp()),
        "invalid_grant",
        "invalid assertion");
    String unsigned = assertion(demoKey(), CLIENT_ID, USER, AUDIENCE, exp());
    assertRejected(
        unsigned.substring(0, unsigned.lastIndexOf('.') + 1) + "c2ln",
        "invalid_grant",
        "invalid assertion");
  }

  @Test
  void eachWrongClaimGetsSalesforcesError() throws Exception {
    PrivateKey key = demoKey();
    assertRejected(
        assertion(key, "3MVG9Unknown", USER, AUDIENCE, exp()),
        "invalid_client_id",
        "client identifier invalid");
    assertRejected(
        assertion(key, CLIENT_ID, USER, "https://example.com", exp()),
        "invalid_grant",
        "audience is invalid");
    assertRejected(
        assertion(key, CLIENT_ID, USER, AUDIENCE, Instant.now().minusSeconds(5).getEpochSecond()),
        "invalid_grant",
        "expired authorization code");
    assertRejected(
        assertion(key, CLIENT_ID, "ann.lee@emulator.lead-router.dev", AUDIENCE, exp()),
        "invalid_grant",
        "user hasn't approved this consumer");
    assertRejected("not-a-jwt", "invalid_grant", "invalid assertion");
  }

  @Test
  void theOrgsOwnUrlIsAnAcceptedAudience() throws Exception {
    String audience = server.instanceUrl().toString();
    assertThat(exchange(assertion(demoKey(), CLIENT_ID, USER, audience, exp())).statusCode())
        .isEqualTo(200);
  }

  private void assertRejected(String assertion, String error, String description) throws Exception {
    HttpResponse<String> response = exchange(assertion);
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json.readTree(response.body()).path("error").asText()).isEqualTo(error);
    assertThat(json.readTree(response.body()).path("error_description").asText())
        .isEqualTo(description);
  }

  private static long exp() {
    return Instant.now().plusSeconds(180).getEpochSecond();
  }

  private static PrivateKey demoKey() throws Exception {
    String pem = Files.readString(DEMO_KEY);
    String body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    return KeyFactory.getInstance("RSA")
        .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
  }

  private static String assertion(
      PrivateKey key, String issuer, String subject, String audience, long exp) throws Exception {
    Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
    String claims =
        String.format(
            "{\"iss\":\"%s\",\"sub\":\"%s\",\"aud\":\"%s\",\"exp\":%d}",
            issuer, subject, audience, exp);
    String input =
        base64.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8))
            + "."
            + base64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
    Signature rs256 = Signature.getInstance("SHA256withRSA");
    rs256.initSign(key);
    rs256.update(input.getBytes(StandardCharsets.US_ASCII));
    return input + "." + base64.encodeToString(rs256.sign());
  }

  private HttpResponse<String> exchange(String assertion) throws Exception {
    return http.send(
        HttpRequest.newBuilder(tokenEndpoint())
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "grant_type="
                        + URLEncoder.encode(
                            "urn:ietf:params:oauth:grant-type:jwt-bearer", StandardCharsets.UTF_8)
                        + "&assertion="
                        + assertion))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private URI tokenEndpoint() throws URISyntaxException {
    return new URI(server.instanceUrl() + "/services/oauth2/token");
  }
}
