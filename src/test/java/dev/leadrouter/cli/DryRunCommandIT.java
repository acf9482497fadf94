package dev.leadrouter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leadrouter.emulator.OrgServer;
import dev.leadrouter.emulator.org.SObjectType;
import dev.leadrouter.emulator.seed.DemoOrgGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lead-router dry-run --since} against the emulated demo org: its leads read over REST and
 * matched against its accounts' export, routed through {@code config/demo/rules.yaml}, nothing
 * written back.
 */
class DryRunCommandIT {

  @TempDir Path dir;

  private final Clock clock = Clock.systemUTC();
  private OrgServer server;

  @BeforeEach
  void startOrg() throws Exception {
    server = new OrgServer(OrgServer.Settings.defaults(clock), DemoOrgGenerator.org(clock)).start();
  }

  @AfterEach
  void stopOrg() throws Exception {
    server.close();
  }

  @Test
  void routesTheOrgsRecentLeadsAgainstItsAccountsAndWritesNothing() throws Exception {
    List<Map<String, Object>> before = server.org().data().all(SObjectType.LEAD);
    Path credentials = dir.resolve("org.json");
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("instance_url", server.instanceUrl().toString());
    json.put("login_url", server.instanceUrl().toString());
    json.put("username", DemoOrgGenerator.INTEGRATION_USER);
    json.put("password", DemoOrgGenerator.INTEGRATION_PASSWORD);
    json.put("client_id", DemoOrgGenerator.CLIENT_ID);
    json.put("client_secret", DemoOrgGenerator.CLIENT_SECRET);
    json.put("api_version", "62.0");
    new ObjectMapper().writeValue(credentials.toFile(), json);
    Path out = dir.resolve("out");
    // The emulator does not answer relationship fields such as Owner.IsActive, which the org's
    // account loader asks for, so the accounts come from the demo org's export instead.
    CliRun export = CliRun.of("bench", "dry-run-data", "--leads", "0", "--out", dir.toString());
    assertThat(export.exitCode()).as(export.toString()).isZero();

    CliRun run =
        CliRun.of(
            "dry-run",
            "--since",
            // The demo org's open leads came in over the last 60 days.
            "90d",
            "--rules",
            "config/demo/rules.yaml",
            "--accounts",
            dir.resolve("accounts.csv").toString(),
            "--org-credentials",
            credentials.toString(),
            "--out",
            out.toString());

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.err()).contains("600 leads read from the org");
    JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
    assertThat(summary.get("leads").asInt()).isEqualTo(600);
    assertThat(summary.get("changed").asInt()).isPositive().isLessThanOrEqualTo(600);
    // Known accounts' leads go to the account owner, so the account index was read and used.
    assertThat(summary.at("/by_rule/Existing_Account_Owner/leads").asInt()).isPositive();
    assertThat(Files.readAllLines(out.resolve("dry-run.csv"))).hasSize(601);
    assertThat(server.org().data().all(SObjectType.LEAD)).isEqualTo(before);
  }
}
