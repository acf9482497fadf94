package dev.leadrouter.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.leadrouter.config.AuthMethod;
import dev.leadrouter.config.ClockModule;
import dev.leadrouter.config.SalesforceSettings;
import dev.leadrouter.config.Secret;
import dev.leadrouter.emulator.org.Org;
import dev.leadrouter.salesforce.AccessToken;
import dev.leadrouter.salesforce.AccessTokenSource;
import dev.leadrouter.salesforce.ErrorKind;
import dev.leadrouter.salesforce.SalesforceException;
import dev.leadrouter.salesforce.SalesforceModule;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * force-wsc against the emulated org, through our own clients: SOAP partner login, then Bulk API
 * 1.0. Shapes follow https://developer.salesforce.com/docs/atlas.en-us.api.meta/api/ and
 * https://developer.salesforce.com/docs/atlas.en-us.api_asynch.meta/api_asynch/.
 */
class SoapBulkIT {

  private static final String USERNAME = "integration@emulator.lead-router.dev";
  private static final String PASSWORD = "emulator-password";

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
  void forceWscSignsInWithThePasswordAndTheSessionServesRest() throws Exception {
    AccessToken token = injector(PASSWORD).getInstance(AccessTokenSource.class).token();

    assertThat(token.instanceUrl()).isEqualTo(server.instanceUrl());
    HttpResponse<String> query =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(
                        server.instanceUrl()
                            + "/services/data/v62.0/query?q=SELECT+Id+FROM+Lead+LIMIT+1"))
                .header("Authorization", "Bearer " + token.value())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(query.statusCode()).as(query.body()).isEqualTo(200);
  }

  @Test
  void aWrongPasswordIsAnInvalidLoginFault() {
    AccessTokenSource tokens = injector("wrong").getInstance(AccessTokenSource.class);

    assertThatThrownBy(tokens::token)
        .isInstanceOfSatisfying(
            SalesforceException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(ErrorKind.AUTH);
              assertThat(e.errors().get(0).code()).isEqualTo("INVALID_LOGIN");
            });
  }

  @Test
  void loginAboveApi64IsAnUnsupportedVersionFault() throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(server.instanceUrl() + "/services/Soap/u/65.0"))
                .header("Content-Type", "text/xml; charset=UTF-8")
                .header("SOAPAction", "login")
                .POST(HttpRequest.BodyPublishers.ofString(loginEnvelope(USERNAME, PASSWORD)))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(response.body()).contains("<faultcode>sf:UNSUPPORTED_API_VERSION</faultcode>");
  }

  @Test
  void anEnvelopeWithADoctypeIsRefused() throws Exception {
    String xxe =
        "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY p SYSTEM \"file:///etc/passwd\">]>"
            + loginEnvelope(USERNAME, "&p;");
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(server.instanceUrl() + "/services/Soap/u/64.0"))
                .header("Content-Type", "text/xml; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(xxe))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(response.body()).contains("sf:INVALID_LOGIN").doesNotContain("root:");
  }

  private static String loginEnvelope(String username, String password) {
    return "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\""
        + " xmlns:urn=\"urn:partner.soap.sforce.com\"><soapenv:Body><urn:login><urn:username>"
        + username
        + "</urn:username><urn:password>"
        + password
        + "</urn:password></urn:login></soapenv:Body></soapenv:Envelope>";
  }

  private Injector injector(String password) {
    SalesforceSettings settings =
        new SalesforceSettings(
            server.instanceUrl(),
            Optional.empty(),
            "62.0",
            AuthMethod.SOAP_PASSWORD,
            Optional.empty(),
            Optional.of(USERNAME),
            Optional.empty(),
            Optional.empty(),
            Optional.of(new Secret(password)),
            "lead-router");
    return Guice.createInjector(
        new ClockModule(clock),
        new SalesforceModule(),
        new AbstractModule() {
          @Override
          protected void configure() {
            bind(SalesforceSettings.class).toInstance(settings);
          }
        });
  }
}
