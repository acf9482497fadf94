package dev.leadrouter.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.leadrouter.config.AuthMethod;
import dev.leadrouter.config.ClockModule;
import dev.leadrouter.config.SalesforceSettings;
import dev.leadrouter.config.Secret;
import dev.leadrouter.emulator.org.Org;
import dev.leadrouter.emulator.org.SObjectType;
import dev.leadrouter.salesforce.AccessToken;
import dev.leadrouter.salesforce.AccessTokenSource;
import dev.leadrouter.salesforce.BulkClient;
import dev.leadrouter.salesforce.ErrorKind;
import dev.leadrouter.salesforce.SalesforceException;
import dev.leadrouter.salesforce.SalesforceModule;
import dev.leadrouter.salesforce.SaveResult;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cometd.bayeux.Message;
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
  void aBulkUpdateSignedInBySoapSavesGoodRowsReportsTheBadOneAndPublishesEvents() throws Exception {
    Injector injector = injector(PASSWORD);
    String token = injector.getInstance(AccessTokenSource.class).token().value();
    List<String> leads =
        server.org().data().all(SObjectType.LEAD).stream()
            .map(lead -> (String) lead.get("Id"))
            .limit(2)
            .toList();
    try (LeadEventListener listener = LeadEventListener.subscribe(server.cometdUri(), token)) {
      List<Message> events = listener.events();

      List<SaveResult> results =
          injector
              .getInstance(BulkClient.class)
              .update(
                  "Lead",
                  List.of(
                      Map.of("Id", leads.get(0), "Status", "Working - Contacted"),
                      Map.of("Id", "00Qnot-an-id", "Status", "Working - Contacted"),
                      Map.of("Id", leads.get(1), "Status", "Closed - Converted")));

      assertThat(results).hasSize(3);
      assertThat(results.get(0).success()).isTrue();
      assertThat(results.get(0).id()).contains(leads.get(0));
      assertThat(results.get(1).success()).isFalse();
      assertThat(results.get(1).errors().get(0).code()).isEqualTo("MALFORMED_ID");
      assertThat(results.get(2).success()).isTrue();
      assertThat(server.org().data().find(SObjectType.LEAD, leads.get(0)).orElseThrow())
          .containsEntry("Status", "Working - Contacted");
      assertThat(server.org().data().find(SObjectType.LEAD, leads.get(1)).orElseThrow())
          .containsEntry("Status", "Closed - Converted");

      await().atMost(Duration.ofSeconds(10)).until(() -> events.size() >= 2);
      List<Object> changed = new ArrayList<>();
      for (Message event : events) {
        Map<String, Object> header = LeadEventListener.header(event);
        assertThat(header)
            .containsEntry("changeType", "UPDATE")
            .containsEntry("changeOrigin", "com/salesforce/api/bulkapi/62.0;client=lead-router");
        Object ids = header.get("recordIds");
        changed.addAll(ids instanceof Object[] array ? List.of(array) : (List<?>) ids);
      }
      assertThat(changed).containsExactlyInAnyOrderElementsOf(leads);
    }
  }

  @Test
  void aLockedRowComesBackFromForceWscBulkAsARetryableRowError() {
    Injector injector = injector(PASSWORD);
    String lead = (String) server.org().data().all(SObjectType.LEAD).get(0).get("Id");
    server.faults().set("lock=1");

    List<SaveResult> results =
        injector
            .getInstance(BulkClient.class)
            .update("Lead", List.of(Map.of("Id", lead, "Status", "Working - Contacted")));

    assertThat(results).hasSize(1);
    assertThat(results.get(0).success()).isFalse();
    assertThat(results.get(0).errors().get(0).code()).isEqualTo("UNABLE_TO_LOCK_ROW");
    assertThat(results.get(0).failureKind()).hasValue(ErrorKind.RETRYABLE);
    assertThat(server.org().data().find(SObjectType.LEAD, lead).orElseThrow())
        .containsEntry("Status", "Open - Not Contacted");
  }

  @Test
  void bulkReportsUnknownIdsBadFieldsAndInsertsOverTheWire() throws Exception {
    String token = injector(PASSWORD).getInstance(AccessTokenSource.class).token().value();
    String known = (String) server.org().data().all(SObjectType.LEAD).get(0).get("Id");
    // force-wsc posts new jobs to job/ with a trailing slash.
    String job =
        between(
            bulk("POST", "job/", token, "application/xml", jobInfo("update"), 201),
            "<id>",
            "</id>");
    String batch =
        between(
            bulk(
                "POST",
                "job/" + job + "/batch",
                token,
                "text/csv",
                "Id,Status,NoSuchField__c\n"
                    + "00QEm0000000999,Working - Contacted,\n"
                    + known
                    + ",Working - Contacted,x\n",
                201),
            "<id>",
            "</id>");
    bulk("POST", "job/" + job, token, "application/xml", state("Closed"), 200);

    assertThat(bulk("GET", "job/" + job + "/batch", token, null, null, 200))
        .contains("<batchInfoList")
        .contains("<id>" + batch + "</id>")
        .contains("<state>InProgress</state>");
    assertThat(bulk("GET", "job/" + job + "/batch/" + batch, token, null, null, 200))
        .contains("<state>Completed</state>")
        .contains("<numberRecordsFailed>2</numberRecordsFailed>");
    String results =
        bulk("GET", "job/" + job + "/batch/" + batch + "/result", token, null, null, 200);
    assertThat(results.lines())
        .containsExactly(
            "\"Id\",\"Success\",\"Created\",\"Error\"",
            "\"00QEm0000000999\",\"false\",\"false\",\"ENTITY_IS_DELETED:entity is deleted:--\"",
            "\""
                + known
                + "\",\"false\",\"false\",\"INVALID_FIELD:No such column 'NoSuchField__c' on"
                + " entity 'Lead':NoSuchField__c --\"");
    assertThat(bulk("GET", "job/" + job, token, null, null, 200))
        .contains("<state>Closed</state>")
        .contains("<numberRecordsProcessed>2</numberRecordsProcessed>");
    assertThat(bulk("POST", "job/" + job + "/batch", token, "text/csv", "Id\n", 400))
        .contains("<exceptionCode>InvalidJobState</exceptionCode>");

    // A number field stays a number, so SOQL still compares it as one.
    String counted =
        server.org().data().all(SObjectType.LEAD).stream()
            .filter(lead -> lead.get("NumberOfEmployees") != null)
            .map(lead -> (String) lead.get("Id"))
            .findFirst()
            .orElseThrow();
    String typed =
        between(
            bulk("POST", "job", token, "application/xml", jobInfo("update"), 201), "<id>", "</id>");
    String typedBatch =
        between(
            bulk(
                "POST",
                "job/" + typed + "/batch",
                token,
                "text/csv",
                "Id,NumberOfEmployees\n" + counted + ",250\n",
                201),
            "<id>",
            "</id>");
    bulk("GET", "job/" + typed + "/batch/" + typedBatch, token, null, null, 200);
    bulk("GET", "job/" + typed + "/batch/" + typedBatch, token, null, null, 200);
    assertThat(server.org().data().find(SObjectType.LEAD, counted).orElseThrow())
        .containsEntry("NumberOfEmployees", 250);

    String insert =
        between(
            bulk("POST", "job", token, "application/xml", jobInfo("insert"), 201), "<id>", "</id>");
    String inserted =
        between(
            bulk(
                "POST",
                "job/" + insert + "/batch",
                token,
                "text/csv",
                "LastName,Company\nOkafor,Hooli\n",
                201),
            "<id>",
            "</id>");
    bulk("GET", "job/" + insert + "/batch/" + inserted, token, null, null, 200);
    bulk("GET", "job/" + insert + "/batch/" + inserted, token, null, null, 200);
    assertThat(
            bulk("GET", "job/" + insert + "/batch/" + inserted + "/result", token, null, null, 200))
        .matches("(?s).*\"00Q\\w{15}\",\"true\",\"true\",\"\".*");
  }

  @Test
  void anAbortedJobLeavesItsWaitingBatchUnprocessed() throws Exception {
    String token = injector(PASSWORD).getInstance(AccessTokenSource.class).token().value();
    Map<String, Object> lead = server.org().data().all(SObjectType.LEAD).get(0);
    String job =
        between(
            bulk("POST", "job", token, "application/xml", jobInfo("update"), 201), "<id>", "</id>");
    String batch =
        between(
            bulk(
                "POST",
                "job/" + job + "/batch",
                token,
                "text/csv",
                "Id,Status\n" + lead.get("Id") + ",Closed - Converted\n",
                201),
            "<id>",
            "</id>");

    assertThat(bulk("POST", "job/" + job, token, "application/xml", state("Aborted"), 200))
        .contains("<state>Aborted</state>");
    assertThat(bulk("GET", "job/" + job + "/batch/" + batch, token, null, null, 200))
        .contains("<state>NotProcessed</state>");
    assertThat(bulk("GET", "job/" + job + "/batch/" + batch + "/result", token, null, null, 400))
        .contains("<exceptionCode>InvalidBatch</exceptionCode>");
    assertThat(server.org().data().find(SObjectType.LEAD, (String) lead.get("Id")).orElseThrow())
        .containsEntry("Status", lead.get("Status"));
  }

  @Test
  void bulkRefusesAnUnknownSession() throws Exception {
    assertThat(bulk("POST", "job/", "00Dnope!AQnope", "application/xml", jobInfo("update"), 400))
        .contains("<exceptionCode>InvalidSessionId</exceptionCode>")
        .contains("<exceptionMessage>Invalid session id</exceptionMessage>");
  }

  private String bulk(
      String method, String path, String session, String contentType, String body, int status)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(server.instanceUrl() + "/services/async/62.0/" + path))
            .header("X-SFDC-Session", session)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    HttpResponse<String> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    return response.body();
  }

  private static String jobInfo(String operation) {
    return "<jobInfo xmlns=\"http://www.force.com/2009/06/asyncapi/dataload\"><operation>"
        + operation
        + "</operation><object>Lead</object><contentType>CSV</contentType></jobInfo>";
  }

  private static String state(String state) {
    return "<jobInfo xmlns=\"http://www.force.com/2009/06/asyncapi/dataload\"><state>"
        + state
        + "</state></jobInfo>";
  }

  private static String between(String text, String start, String end) {
    int from = text.indexOf(start) + start.length();
    return text.substring(from, text.indexOf(end, from));
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
