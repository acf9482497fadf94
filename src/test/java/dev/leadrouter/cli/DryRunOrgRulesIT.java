package dev.leadrouter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.leadrouter.emulator.OrgServer;
import dev.leadrouter.emulator.org.Org;
import dev.leadrouter.emulator.org.SObjectType;
import dev.leadrouter.emulator.seed.DemoOrgGenerator;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --rules org} reads the rule set from the org's Custom Metadata records, through the reader
 * the worker uses. The emulated demo org serves {@code config/demo/rules.yaml} as such records
 * (Custom Metadata queried over REST like any SObject: "Custom Metadata Types and SOQL",
 * https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/apex_methods_system_custom_metadata_types.htm),
 * so routing the same CSV both ways must give the same summary.
 */
class DryRunOrgRulesIT {

  private static final String DEMO_RULES = "config/demo/rules.yaml";

  @TempDir Path dir;

  private final Clock clock = Clock.systemUTC();
  private OrgServer server;
  private Path credentials;

  @BeforeEach
  void startDemoOrg() throws Exception {
    // As `lead-router emulator --demo` serves it: the demo org with config/demo's records.
    Org org = DemoOrgGenerator.org(clock);
    SfdxMetadataSeed.load(org, Path.of(EmulatorCommand.DEMO_METADATA));
    server = new OrgServer(OrgServer.Settings.defaults(clock), org).start();
    credentials = dir.resolve("org.json");
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("instance_url", server.instanceUrl().toString());
    json.put("login_url", server.instanceUrl().toString());
    json.put("client_id", DemoOrgGenerator.CLIENT_ID);
    json.put("client_secret", DemoOrgGenerator.CLIENT_SECRET);
    json.put("api_version", "62.0");
    new ObjectMapper().writeValue(credentials.toFile(), json);
    CliRun data = CliRun.of("bench", "dry-run-data", "--leads", "2000", "--out", dir.toString());
    assertThat(data.exitCode()).as(data.toString()).isZero();
    withOwnerActivity(dir.resolve("accounts.csv"), org);
  }

  /**
   * Adds {@code Owner.IsActive} to the account export, as a Data Loader export can carry it. The
   * worker reads it with every account; a rule file lists inactive users itself, the org's rule
   * records name only the users on teams and rules, so without it the two could not agree.
   */
  private static void withOwnerActivity(Path accounts, Org org) throws Exception {
    Map<String, Boolean> active = new HashMap<>();
    for (Map<String, Object> user : org.data().all(SObjectType.USER)) {
      active.put((String) user.get("Id"), !Boolean.FALSE.equals(user.get("IsActive")));
    }
    CsvMapper csv = new CsvMapper();
    List<Map<String, String>> rows = new ArrayList<>();
    try (MappingIterator<Map<String, String>> read =
        csv.readerForMapOf(String.class)
            .with(CsvSchema.emptySchema().withHeader())
            .readValues(accounts.toFile())) {
      while (read.hasNext()) {
        Map<String, String> row = new LinkedHashMap<>(read.next());
        row.put("Owner.IsActive", String.valueOf(active.getOrDefault(row.get("OwnerId"), true)));
        rows.add(row);
      }
    }
    assertThat(rows).as("accounts").isNotEmpty();
    assertThat(rows)
        .as("some accounts owned by inactive users")
        .anyMatch(row -> row.get("Owner.IsActive").equals("false"));
    CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
    rows.get(0).keySet().forEach(schema::addColumn);
    csv.writer(schema.build()).writeValue(accounts.toFile(), rows);
  }

  @AfterEach
  void stopOrg() throws Exception {
    server.close();
  }

  @Test
  void dryRunWithTheOrgsRulesMatchesTheSameRulesFromYaml() throws Exception {
    CliRun fromYaml = dryRun(DEMO_RULES, "yaml");
    CliRun fromOrg = dryRun("org", "org");

    assertThat(fromYaml.exitCode()).as(fromYaml.toString()).isZero();
    assertThat(fromOrg.exitCode()).as(fromOrg.toString()).isZero();
    JsonNode yaml = summary("yaml");
    JsonNode org = summary("org");
    assertThat(yaml.get("leads").asInt()).isEqualTo(2000);
    assertThat(yaml.get("by_rule").size()).as("rules hit").isGreaterThan(3);
    assertThat(withoutVersion(org)).isEqualTo(withoutVersion(yaml));
  }

  @Test
  void diffRulesFromTheOrgToTheSameYamlMovesNoLead() throws Exception {
    CliRun diff =
        CliRun.of(
            "diff-rules",
            "--old",
            "org",
            "--new",
            DEMO_RULES,
            "--csv",
            dir.resolve("leads.csv").toString(),
            "--accounts",
            dir.resolve("accounts.csv").toString(),
            "--org-credentials",
            credentials.toString(),
            "--out",
            dir.resolve("diff").toString());

    assertThat(diff.exitCode()).as(diff.toString()).isZero();
    JsonNode summary = new ObjectMapper().readTree(dir.resolve("diff/diff-summary.json").toFile());
    assertThat(summary.toString()).contains("\"moved\":0");
  }

  @Test
  void aCommandWithoutAnOrgConnectionRefusesRulesOrgClearly() {
    CliRun check = CliRun.of("check-rules", "--rules", "org");

    assertThat(check.exitCode()).isEqualTo(2);
    assertThat(check.err()).contains("--rules org reads the org's rules");
  }

  private CliRun dryRun(String rules, String outName) {
    return CliRun.of(
        "dry-run",
        "--csv",
        dir.resolve("leads.csv").toString(),
        "--accounts",
        dir.resolve("accounts.csv").toString(),
        "--rules",
        rules,
        "--org-credentials",
        credentials.toString(),
        "--out",
        dir.resolve(outName).toString());
  }

  private JsonNode summary(String outName) throws Exception {
    return new ObjectMapper().readTree(dir.resolve(outName).resolve("summary.json").toFile());
  }

  /** Version and run time say where and when the rules were read, not how leads were routed. */
  private static JsonNode withoutVersion(JsonNode summary) {
    ObjectNode copy = summary.deepCopy();
    copy.remove("rule_set_version");
    copy.remove("routed_at");
    // Reps who own leads today but are on no team: a rule file names them, the org's rule records
    // do not mention them (the worker never needs their names); the counts must still agree.
    for (JsonNode owner : copy.withArray("by_owner")) {
      ((ObjectNode) owner).remove("name");
    }
    return copy;
  }
}
