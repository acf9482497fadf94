package dev.leadrouter.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dry run over {@code dryrun/leads.csv} (six good leads, two bad rows) and {@code
 * dryrun/rules-a.yaml}: four US leads to a round-robin team of three, one German lead to a queue,
 * one French lead that no rule takes, and a partner rule nobody hits.
 */
class DryRunCommandTest {

  static final Path LEADS = Path.of("src/test/resources/dryrun/leads.csv");
  static final Path RULES_A = Path.of("src/test/resources/dryrun/rules-a.yaml");
  static final Path RULES_B = Path.of("src/test/resources/dryrun/rules-b.yaml");

  @TempDir Path dir;

  private CliRun dryRun(String... more) {
    List<String> args = new ArrayList<>(List.of("dry-run", "--rules", RULES_A.toString()));
    args.addAll(List.of("--out", dir.resolve("out").toString()));
    args.addAll(List.of(more));
    return CliRun.of(args.toArray(String[]::new));
  }

  private JsonNode summary() throws IOException {
    return new ObjectMapper().readTree(dir.resolve("out/summary.json").toFile());
  }

  @Test
  void summaryCountsChangesRulesCatchAllAndFairness() throws IOException {
    CliRun run = dryRun("--csv", LEADS.toString());

    assertThat(run.exitCode()).as(run.toString()).isZero();
    JsonNode summary = summary();
    assertThat(summary.fieldNames())
        .toIterable()
        .contains(
            "leads", "changed", "by_rule", "by_owner", "catch_all", "unused_rules", "fairness");
    assertThat(summary.get("leads").asInt()).isEqualTo(6);
    assertThat(summary.get("skipped_rows").asInt()).isEqualTo(2);
    // Round robin gives the US leads to Ann, Ben, Cat, Ann: all four had Ann, so two change; the
    // French lead leaves Ann for the catch-all; the German lead stays in its queue.
    assertThat(summary.get("changed").asInt()).isEqualTo(3);
    assertThat(summary.at("/by_rule/US_Team/leads").asInt()).isEqualTo(4);
    assertThat(summary.at("/by_rule/US_Team/changed").asInt()).isEqualTo(2);
    assertThat(summary.at("/by_rule/DE_Queue/leads").asInt()).isEqualTo(1);
    assertThat(summary.at("/by_rule/DE_Queue/changed").asInt()).isZero();
    assertThat(summary.at("/by_rule/Partner_User/leads").asInt()).isZero();
    assertThat(summary.get("unused_rules")).hasSize(1);
    assertThat(summary.at("/unused_rules/0").asText()).isEqualTo("Partner_User");
    assertThat(summary.get("catch_all").asInt()).isEqualTo(1);
    assertThat(summary.at("/catch_all_leads/0").asText()).isEqualTo("00Q5f00000DR007EAD");
    // Jain's index over 2, 1, 1 leads: (2+1+1)^2 / (3 * (4+1+1)) = 16/18.
    assertThat(summary.at("/fairness/index").asText()).isEqualTo("jain");
    assertThat(summary.at("/fairness/by_team/US").asDouble()).isCloseTo(16.0 / 18, within(0.001));
    JsonNode ann = summary.at("/by_owner/0");
    assertThat(ann.get("name").asText()).isEqualTo("Ann Able");
    assertThat(ann.get("leads").asInt()).isEqualTo(2);
    assertThat(ann.get("current_leads").asInt()).isEqualTo(5);
    assertThat(run.out()).contains("6 leads routed", "3 would change owner", "1 to the catch-all");
  }

  @Test
  void csvHasEveryLeadWithItsOwnersRuleReasonsAndChange() throws IOException {
    CliRun run = dryRun("--csv", LEADS.toString());

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(Files.readAllLines(dir.resolve("out/dry-run.csv"), StandardCharsets.UTF_8))
        .containsExactly(
            "lead_id,current_owner,new_owner,rule,reasons,changed",
            "00Q5f00000DR001EAD,0055f00000DR001AAD,0055f00000DR001AAD,US_Team,TEAM_ROUND_ROBIN,false",
            "00Q5f00000DR002EAD,0055f00000DR001AAD,0055f00000DR002AAD,US_Team,TEAM_ROUND_ROBIN,true",
            "00Q5f00000DR003EAD,0055f00000DR001AAD,0055f00000DR003AAD,US_Team,TEAM_ROUND_ROBIN,true",
            "00Q5f00000DR005EAD,00G5f00000DR002EAD,00G5f00000DR002EAD,DE_Queue,QUEUE,false",
            "00Q5f00000DR007EAD,0055f00000DR001AAD,00G5f00000DR001EAD,,\"NO_RULE_MATCHED"
                + " CATCH_ALL\",true",
            "00Q5f00000DR004EAD,0055f00000DR001AAD,0055f00000DR001AAD,US_Team,TEAM_ROUND_ROBIN,false");
  }

  @Test
  void badRowsAreReportedWithTheirLineNumbersAndSkipped() {
    CliRun run = dryRun("--csv", LEADS.toString());

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.err())
        .contains("leads.csv line 5: Id 'bad-id' is not a Salesforce id; row skipped")
        .contains("leads.csv line 8: CreatedDate 'yesterday' is not a date and time");
    assertThat(run.out()).contains("2 rows skipped");
  }

  @Test
  void loadPerRepIsCountedInTheRepsTimeZonePerHourOfTheWeek() throws IOException {
    CliRun run = dryRun("--csv", LEADS.toString());

    assertThat(run.exitCode()).as(run.toString()).isZero();
    JsonNode summary = summary();
    // The leads span exactly one week (Mon 2 Nov 09:00Z to Mon 9 Nov 09:00Z). Ann's two leads
    // arrived on Mondays at 09:00 UTC, 04:00 in New York: hour 4 of her week.
    assertThat(summary.at("/sla_load/weeks").asDouble()).isEqualTo(1.0);
    JsonNode ann = summary.at("/sla_load/reps/0055f00000DR001AAD");
    assertThat(ann.get("zone").asText()).isEqualTo("America/New_York");
    assertThat(ann.at("/per_hour_of_week/4").asDouble()).isEqualTo(2.0);
    double total = 0;
    for (JsonNode hour : ann.get("per_hour_of_week")) {
      total += hour.asDouble();
    }
    assertThat(total).isEqualTo(2.0);
    // Cat works from Berlin: Tuesday 3 Nov 09:15 UTC is Tuesday 10:15 there, hour 24 + 10.
    assertThat(summary.at("/sla_load/reps/0055f00000DR003AAD/per_hour_of_week/34").asDouble())
        .isEqualTo(1.0);
  }

  @Test
  void reportIsOneSelfContainedAccessiblePage() throws IOException {
    CliRun run = dryRun("--csv", LEADS.toString());

    assertThat(run.exitCode()).as(run.toString()).isZero();
    String html = Files.readString(dir.resolve("out/report.html"), StandardCharsets.UTF_8);
    assertThat(html)
        .startsWith("<!DOCTYPE html>")
        .contains("<html lang=\"en\">", "<svg role=\"img\"", "<title id=\"chart-rule\">")
        .contains("Partner_User", "00Q5f00000DR007EAD", "0.889")
        .doesNotContain("<script", "src=\"http", "href=\"http", "<link");
  }

  @Test
  void leadsAreMatchedAgainstTheAccountsExport() throws IOException {
    Path accounts =
        Files.writeString(
            dir.resolve("accounts.csv"),
            String.join(",", MatchCommand.ACCOUNT_HEADERS)
                + "\n001000000000001,One Inc,one.com,USA,NY,0055f00000DR004AAD,,Customer,10,Tech\n",
            StandardCharsets.UTF_8);
    // rules-a with one more rule in front: leads of a known account go to its owner.
    Path rules =
        Files.writeString(
            dir.resolve("rules.yaml"),
            Files.readString(RULES_A)
                .replace(
                    "rules:\n",
                    "rules:\n  - name: Account_Owner\n    order: 5\n"
                        + "    action: { type: accountOwner, minConfidence: 0.8 }\n"),
            StandardCharsets.UTF_8);

    CliRun run =
        CliRun.of(
            "dry-run",
            "--csv",
            LEADS.toString(),
            "--accounts",
            accounts.toString(),
            "--rules",
            rules.toString(),
            "--out",
            dir.resolve("out").toString());

    assertThat(run.exitCode()).as(run.toString()).isZero();
    JsonNode summary = summary();
    // a@one.com is One Inc's: its owner Dan takes the lead; the other US leads rotate as before.
    assertThat(summary.at("/by_rule/Account_Owner/leads").asInt()).isEqualTo(1);
    assertThat(summary.at("/by_rule/US_Team/leads").asInt()).isEqualTo(3);
    assertThat(Files.readAllLines(dir.resolve("out/dry-run.csv")))
        .anyMatch(
            line ->
                line.startsWith(
                    "00Q5f00000DR001EAD,0055f00000DR001AAD,0055f00000DR004AAD,Account_Owner,"));
  }

  @Test
  void leadsComeFromACsvOrTheOrgNotBoth() {
    CliRun neither = dryRun();
    CliRun both = dryRun("--csv", LEADS.toString(), "--since", "90d");

    assertThat(neither.exitCode()).isEqualTo(2);
    assertThat(neither.err()).contains("--csv", "--since");
    assertThat(both.exitCode()).isEqualTo(2);
    assertThat(both.err()).contains("mutually exclusive");
  }

  @Test
  void aMissingLeadFileIsNamed() {
    CliRun run = dryRun("--csv", dir.resolve("nope.csv").toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("nope.csv: no such file");
  }
}
