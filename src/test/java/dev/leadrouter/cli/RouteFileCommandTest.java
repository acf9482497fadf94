package dev.leadrouter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RouteFileCommandTest {

  private static final String RULES = "config/rules.example.yaml";

  /** Two New York leads in a row: NA_East's round robin gives the first to Frank, then Grace. */
  private static final String TWO_NEW_YORK_LEADS =
      """
      leads:
        - id: 00Q5f00000GD960EAD
          fields: { Company: Hudson Freight, Email: hal@hudsonfreight.com, Country: US, State: NY, LeadSource: Web }
        - id: 00Q5f00000GD961EAD
          fields: { Company: Empire Paper, Email: eve@empirepaper.com, Country: US, State: NY, LeadSource: Web }
      """;

  @TempDir Path dir;

  @Test
  void routesEverySampleLead() throws IOException {
    List<String> ids = sampleLeadIds();
    assertThat(ids).hasSize(12);

    CliRun run = CliRun.of("route-file", "--rules", RULES, "--at", "2026-11-25T16:00:00Z");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out())
        .contains(
            "Routing 12 sample leads with rule set example-2026-11 as of 2026-11-25T16:00:00Z")
        .contains("Leads per owner:");
    for (String id : ids) {
      assertThat(row(run.out(), id)).as("row for %s", id).isNotNull();
    }
    assertThat(row(run.out(), "00Q5f00000LR007EAD")).contains("Catch_All", "catch-all");
  }

  @Test
  void roundRobinMovesOnToTheNextRep() throws IOException {
    CliRun run = demoTwoNewYorkLeads("2026-12-15T16:00:00Z"); // a Tuesday; Grace is in

    assertThat(row(run.out(), "00Q5f00000GD960EAD")).contains("Frank Foster");
    assertThat(row(run.out(), "00Q5f00000GD961EAD")).contains("Grace Green");
  }

  @Test
  void anOutOfOfficeRepIsPassedOverInTheRotation() throws IOException {
    // Grace Green is out of office 2026-12-21 to 2027-01-01: her turn goes to Frank Foster.
    CliRun run = demoTwoNewYorkLeads("2026-12-22T16:00:00Z");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(row(run.out(), "00Q5f00000GD960EAD")).contains("Frank Foster");
    assertThat(row(run.out(), "00Q5f00000GD961EAD")).contains("Frank Foster");
  }

  private CliRun demoTwoNewYorkLeads(String at) throws IOException {
    Path leads = Files.writeString(dir.resolve("leads.yaml"), TWO_NEW_YORK_LEADS);
    CliRun run = CliRun.of("route-file", "--rules", RULES, "--leads", leads.toString(), "--at", at);
    assertThat(run.exitCode()).as(run.toString()).isZero();
    return run;
  }

  /** The table row for a lead, or {@code null} when the lead is not in the output. */
  private static String row(String out, String leadId) {
    return out.lines().filter(line -> line.startsWith(leadId + " ")).findFirst().orElse(null);
  }

  private static List<String> sampleLeadIds() throws IOException {
    JsonNode leads =
        new ObjectMapper(new YAMLFactory())
            .readTree(Path.of("config/sample-leads.yaml").toFile())
            .path("leads");
    List<String> ids = new ArrayList<>();
    leads.forEach(lead -> ids.add(lead.path("id").asText()));
    return ids;
  }
}
