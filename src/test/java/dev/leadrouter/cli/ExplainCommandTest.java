package dev.leadrouter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExplainCommandTest {

  private static final String RULES = "config/rules.example.yaml";
  private static final String AT = "2026-10-28T15:30:00Z";

  /** Oregon, so the NA_West territory (Dev Desai first); Wednesday 08:30 in Los Angeles. */
  private static final String WEST_COAST_LEAD =
      """
      {
        "id": "00Q5f00000GD950EAD",
        "fields": {
          "Company": "Ford & Sons Inc.", "Email": "ben@fordsons.com",
          "Country": "United States", "State": "Oregon", "LeadSource": "Web"
        }
      }
      """;

  private final ObjectMapper json = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void explainsOwnerAndRulePathInWords() throws IOException {
    CliRun run = explain(write("lead.json", WEST_COAST_LEAD));

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out())
        .contains(
            "Lead 00Q5f00000GD950EAD goes to Dev Desai (user 0055f00000LR004AAD),"
                + " by rule North_America_Territories.")
        .contains("Rules tried, in order:")
        .contains("[matched] Existing_Lead_Owner: matched, but")
        .contains("[skipped] Enterprise_Team: criteria not met")
        .contains("[applied] North_America_Territories")
        .contains("Team NA_West (round_robin)")
        .contains("TERRITORY: ")
        .contains("Decided at " + AT);
    assertThat(run.err()).isEmpty();
  }

  @Test
  void jsonCarriesOwnerReasonsAndPath() throws IOException {
    CliRun run = explain(write("lead.json", WEST_COAST_LEAD), "--json");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    JsonNode decision = json.readTree(run.out());
    assertThat(decision.path("owner").path("id").asText()).isEqualTo("0055f00000LR004AAD");
    assertThat(decision.path("owner").path("name").asText()).isEqualTo("Dev Desai");
    assertThat(decision.path("rule").asText()).isEqualTo("North_America_Territories");
    assertThat(texts(decision.path("reasons"))).containsExactly("TERRITORY", "TEAM_ROUND_ROBIN");
    assertThat(texts(decision.path("path"), "rule"))
        .containsExactly(
            "Existing_Lead_Owner",
            "Existing_Account_Owner",
            "Enterprise_Team",
            "DACH_Queue",
            "North_America_Territories");
    JsonNode applied = decision.path("path").get(4);
    assertThat(applied.path("applied").asBoolean()).isTrue();
    assertThat(decision.path("inputs").path("StateCode").asText()).isEqualTo("OR");
  }

  @Test
  void jsonPathSaysWhyAMatchedRuleWasPassedOver() throws IOException {
    // Golden records can only assert the rule that decided; the path holds why earlier rules
    // that matched could not place the lead.
    Path lead =
        write(
            "lead.yaml",
            """
            id: 00Q5f00000GD951EAD
            fields: { Company: Thames Tools, Country: UK, LeadSource: Web }
            duplicate: { id: 00Q5f00000DU001EAD, ownerId: 0055f00000LR011AAD }
            account: { id: 0015f00000GD001AAD, ownerId: 0055f00000LR014AAD, confidence: 0.6 }
            """);

    JsonNode decision = json.readTree(explain(lead, "--json").out());

    assertThat(texts(decision.path("path"), "reason"))
        .startsWith("DUPLICATE_OWNER_INACTIVE", "ACCOUNT_MATCH_LOW_CONFIDENCE");
    assertThat(decision.path("rule").asText()).isEqualTo("Commercial_Team");
  }

  @Test
  void acceptsALeadAsSalesforcesRestApiReturnsIt() throws IOException {
    // Country only inside the compound Address field, as a REST query returns it: Austria with
    // no language is a DACH lead, so the owner proves the Address was flattened.
    Path lead =
        write(
            "rest.json",
            """
            {
              "attributes": {
                "type": "Lead",
                "url": "/services/data/v62.0/sobjects/Lead/00Q5f00000GD952EAD"
              },
              "Id": "00Q5f00000GD952EAD",
              "FirstName": "Franz",
              "LastName": "Huber",
              "Company": "Alpen Logistik GmbH",
              "Email": "franz@alpenlogistik.at",
              "LeadSource": "Web",
              "NumberOfEmployees": 120,
              "HasOptedOutOfEmail": false,
              "Language__c": null,
              "Country": null,
              "Address": {
                "street": "Ringstrasse 1",
                "city": "Wien",
                "state": null,
                "postalCode": "1010",
                "country": "Austria",
                "countryCode": null
              }
            }
            """);

    CliRun run = explain(lead, "--json");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    JsonNode decision = json.readTree(run.out());
    assertThat(decision.path("leadId").asText()).isEqualTo("00Q5f00000GD952EAD");
    assertThat(decision.path("inputs").path("CountryCode").asText()).isEqualTo("AT");
    assertThat(decision.path("owner").path("name").asText()).isEqualTo("DACH_Inbound");
    assertThat(decision.path("rule").asText()).isEqualTo("DACH_Queue");
  }

  private CliRun explain(Path lead, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of("explain", "--rules", RULES, "--at", AT, "--lead", lead.toString()));
    args.addAll(List.of(more));
    return CliRun.of(args.toArray(String[]::new));
  }

  private Path write(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content);
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(node -> texts.add(node.asText()));
    return texts;
  }

  private static List<String> texts(JsonNode array, String field) {
    List<String> texts = new ArrayList<>();
    array.forEach(node -> texts.add(node.path(field).asText()));
    return texts;
  }
}
