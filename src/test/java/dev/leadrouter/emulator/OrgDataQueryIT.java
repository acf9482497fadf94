package dev.leadrouter.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leadrouter.emulator.org.Org;
import dev.leadrouter.testing.MutableClock;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * BusinessHours, Holiday and Custom Metadata records queried over REST as in an org
 * (https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/dome_query.htm), and
 * query cursors that close as
 * https://developer.salesforce.com/docs/atlas.en-us.api.meta/api/sforce_api_calls_querymore.htm
 * says (15 minutes idle, 10 per user).
 */
class OrgDataQueryIT {

  private final ObjectMapper json = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-08T09:30:00Z"));
  private OrgServer server;
  private String token;

  @BeforeEach
  void start() throws Exception {
    server =
        new OrgServer(OrgServer.Settings.defaults(clock).withQueryBatchSize(1), Org.small(clock))
            .start();
    token = token();
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  @Test
  void businessHoursAndHolidaysAreQueryable() throws Exception {
    JsonNode hours =
        query(
            "SELECT Id, Name, TimeZoneSidKey, MondayStartTime, SaturdayStartTime FROM BusinessHours"
                + " WHERE IsDefault = true");
    JsonNode holidays =
        query("SELECT Name, ActivityDate FROM Holiday WHERE ActivityDate > 2026-12-31");

    assertThat(hours.get("totalSize").asInt()).isEqualTo(1);
    JsonNode defaults = hours.at("/records/0");
    assertThat(defaults.at("/attributes/type").asText()).isEqualTo("BusinessHours");
    assertThat(defaults.get("Id").asText()).startsWith("01m").hasSize(18);
    assertThat(defaults.get("TimeZoneSidKey").asText()).isEqualTo("America/Los_Angeles");
    assertThat(defaults.get("MondayStartTime").asText()).isEqualTo("08:00:00.000Z");
    assertThat(defaults.get("SaturdayStartTime").isNull()).isTrue();
    assertThat(holidays.at("/records/0/Name").asText()).isEqualTo("New Year's Day");
  }

  @Test
  void customMetadataRecordsOfAnyTypeAreQueryableButUnknownFieldsAreNot() throws Exception {
    JsonNode rules =
        query(
            "SELECT DeveloperName, MasterLabel, QualifiedApiName, Order__c, Queue__c"
                + " FROM Routing_Rule__mdt WHERE Active__c = true ORDER BY Order__c");
    HttpResponse<String> unknownField = get("SELECT Shoe__c FROM Routing_Rule__mdt");
    HttpResponse<String> unknownType = get("SELECT DeveloperName FROM Nothing__mdt");

    List<String> names = new ArrayList<>();
    // Page size 1: reading every page also exercises queryMore on metadata.
    JsonNode page = rules;
    while (true) {
      page.get("records").forEach(r -> names.add(r.get("DeveloperName").asText()));
      if (page.get("done").asBoolean()) {
        break;
      }
      page = json.readTree(send(page.get("nextRecordsUrl").asText()).body());
    }
    assertThat(names).containsExactly("Enterprise_Accounts", "Catch_All");
    assertThat(rules.at("/records/0/attributes/type").asText()).isEqualTo("Routing_Rule__mdt");
    assertThat(rules.at("/records/0/QualifiedApiName").asText()).isEqualTo("Enterprise_Accounts");
    assertThat(unknownField.statusCode()).isEqualTo(400);
    assertThat(unknownField.body()).contains("INVALID_FIELD").contains("Shoe__c");
    assertThat(unknownType.statusCode()).isEqualTo(400);
    assertThat(unknownType.body()).contains("INVALID_TYPE");
  }

  @Test
  void aCursorIdleForFifteenMinutesIsGone() throws Exception {
    JsonNode first = query("SELECT Id FROM Lead");
    String next = first.get("nextRecordsUrl").asText();

    clock.advance(Duration.ofMinutes(14));
    HttpResponse<String> stillOpen = send(next);
    String after = json.readTree(stillOpen.body()).get("nextRecordsUrl").asText();
    clock.advance(Duration.ofMinutes(15).plusSeconds(1));
    HttpResponse<String> expired = send(after);

    assertThat(stillOpen.statusCode()).isEqualTo(200);
    assertThat(expired.statusCode()).isEqualTo(400);
    assertThat(expired.body()).contains("INVALID_QUERY_LOCATOR");
  }

  @Test
  void theEleventhCursorOfAUserClosesTheOldest() throws Exception {
    List<String> next = new ArrayList<>();
    for (int i = 0; i < 11; i++) {
      next.add(query("SELECT Id FROM Lead").get("nextRecordsUrl").asText());
      clock.advance(Duration.ofSeconds(1));
    }

    assertThat(send(next.get(0)).statusCode()).isEqualTo(400);
    assertThat(send(next.get(1)).statusCode()).isEqualTo(200);
    assertThat(send(next.get(10)).statusCode()).isEqualTo(200);
  }

  /**
   * Child-to-parent fields come back nested under the relationship name with their own attributes
   * (https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_soql_relationships_query_using.htm);
   * a relationship the object lacks is INVALID_FIELD. A new lead is unconverted.
   */
  @Test
  void parentFieldsAreNestedUnderTheRelationship() throws Exception {
    String ann = server.org().userId("ann.lee@emulator.lead-router.dev").orElseThrow();
    String leadId =
        server
            .org()
            .data()
            .insert(
                dev.leadrouter.emulator.org.SObjectType.LEAD,
                java.util.Map.of("LastName", "Nested", "Company", "Parent Fields Ltd"),
                ann)
            .id();

    JsonNode lead =
        query(
                "SELECT Id, Owner.IsActive, Owner.Name, IsConverted FROM Lead WHERE Id = '"
                    + leadId
                    + "'")
            .get("records")
            .get(0);

    assertThat(lead.get("Owner").get("attributes").get("type").asText()).isEqualTo("User");
    assertThat(lead.get("Owner").get("IsActive").asBoolean()).isTrue();
    assertThat(lead.get("Owner").get("Name").asText()).isEqualTo("Ann Lee");
    assertThat(lead.get("IsConverted").asBoolean(true)).isFalse();
    HttpResponse<String> unknown = get("SELECT Id, Nope.Name FROM Lead");
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(unknown.body()).contains("INVALID_FIELD");
  }

  private JsonNode query(String soql) throws Exception {
    HttpResponse<String> response = get(soql);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json.readTree(response.body());
  }

  private HttpResponse<String> get(String soql) throws Exception {
    return send("/services/data/v62.0/query?q=" + URLEncoder.encode(soql, StandardCharsets.UTF_8));
  }

  private HttpResponse<String> send(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(server.instanceUrl() + path))
            .header("Authorization", "Bearer " + token)
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private String token() throws Exception {
    return EmulatorTokens.clientCredentials(
        http, server, "3MVG9EmulatorLeadRouterClientId", "emulator-secret");
  }
}
