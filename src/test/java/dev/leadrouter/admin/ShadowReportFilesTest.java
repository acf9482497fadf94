package dev.leadrouter.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leadrouter.lead.SalesforceId;
import dev.leadrouter.route.Owner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShadowReportFilesTest {

  private static final Instant SINCE = Instant.parse("2026-11-20T00:00:00Z");
  private static final Instant NOW = Instant.parse("2026-11-27T08:00:00Z");
  private static final SalesforceId ANN = new SalesforceId("005000000000001");
  private static final SalesforceId BO = new SalesforceId("005000000000002");
  private static final SalesforceId QUEUE = new SalesforceId("00G000000000001");

  @TempDir Path dir;

  @Test
  void summarisesByRuleTeamAndOwnerMostDisagreementsFirst() {
    ShadowSummary summary = report().summary();

    assertThat(summary.decisions()).isEqualTo(5);
    assertThat(summary.compared()).isEqualTo(4);
    assertThat(summary.agreed()).isEqualTo(1);
    assertThat(summary.notFound()).isEqualTo(1);
    assertThat(summary.agreementPercent()).isEqualTo(25.0);
    assertThat(summary.byRule())
        .containsExactly(
            new Tally("EMEA, \"inbound\"", 2, 2),
            new Tally("(catch-all)", 1, 1),
            new Tally("US <West>", 1, 0));
    assertThat(summary.byTeam()).first().isEqualTo(new Tally("emea", 2, 2));
    assertThat(summary.byOwner()).first().isEqualTo(new Tally("Ann Lee", 2, 2));
  }

  @Test
  void writesTheThreeFilesWithEverythingEscaped() throws Exception {
    new ShadowReportFiles().write(report(), dir);

    List<String> csv = Files.readAllLines(dir.resolve("shadow-report.csv"));
    assertThat(csv)
        .containsExactly(
            "lead_id,would_owner,actual_owner,rule,agree",
            "00Q000000000001," + ANN + "," + QUEUE + ",\"EMEA, \"\"inbound\"\"\",false",
            "00Q000000000002," + ANN + "," + BO + ",\"EMEA, \"\"inbound\"\"\",false",
            "00Q000000000003," + BO + "," + BO + ",\"US <West>\",true",
            "00Q000000000004," + QUEUE + "," + ANN + ",,false",
            "00Q000000000005," + ANN + ",,\"US <West>\",");

    JsonNode json = new ObjectMapper().readTree(dir.resolve("summary.json").toFile());
    assertThat(json.get("since").asText()).isEqualTo("2026-11-20T00:00:00Z");
    assertThat(json.get("agreement_pct").decimalValue()).isEqualByComparingTo("25.0");
    assertThat(json.at("/by_rule/0/rule").asText()).isEqualTo("EMEA, \"inbound\"");
    assertThat(json.at("/by_team/0/agreement_pct").decimalValue()).isEqualByComparingTo("0.0");

    String html = Files.readString(dir.resolve("report.html"));
    assertThat(html)
        .contains("<title>Lead Router shadow report</title>")
        .contains("2026-11-20 00:00 UTC")
        .contains("US &lt;West&gt;")
        .contains("Inbound Leads") // the queue's name from the org
        .contains("25.0%")
        .contains("aria-labelledby=\"chart-rule\"")
        .doesNotContain("US <West>")
        .doesNotContain("<script", "<link", "src=", "https://");
    // The lead that agreed is not in the disagreements table.
    assertThat(html).doesNotContain("<th scope=\"row\">00Q000000000003</th>");
    assertThat(html).contains("<th scope=\"row\">00Q000000000001</th>");
  }

  @Test
  void anEmptyPeriodStillGivesAReport() throws Exception {
    new ShadowReportFiles().write(new ShadowReport(SINCE, NOW, List.of(), Map.of()), dir);

    assertThat(Files.readAllLines(dir.resolve("shadow-report.csv")))
        .containsExactly("lead_id,would_owner,actual_owner,rule,agree");
    assertThat(Files.readString(dir.resolve("report.html")))
        .contains("Nothing to compare")
        .contains("No shadow decision in the period could be compared")
        .contains("<strong>n/a</strong>Agreement");
  }

  private static ShadowReport report() {
    List<ShadowComparison> rows = new ArrayList<>();
    rows.add(row(1, Owner.user(ANN, "Ann Lee"), "EMEA, \"inbound\"", "emea", QUEUE));
    rows.add(row(2, Owner.user(ANN, "Ann Lee"), "EMEA, \"inbound\"", "emea", BO));
    rows.add(row(3, Owner.user(BO, "Bo Chen"), "US <West>", "us", BO));
    rows.add(row(4, Owner.queue(QUEUE, "Catch-all"), null, null, ANN));
    rows.add(row(5, Owner.user(ANN, "Ann Lee"), "US <West>", "us", null));
    return new ShadowReport(
        SINCE, NOW, rows, Map.of(QUEUE, "Inbound Leads", BO, "Bo Chen", ANN, "Ann Lee"));
  }

  private static ShadowComparison row(
      int n, Owner would, String rule, String team, SalesforceId actual) {
    return new ShadowComparison(
        String.format(java.util.Locale.ROOT, "00Q%012d", n),
        would,
        rule,
        team,
        Optional.ofNullable(actual),
        NOW.minusSeconds(3600L * n));
  }
}
