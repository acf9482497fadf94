package dev.leadrouter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leadrouter.config.YamlRuleSetLoader;
import dev.leadrouter.emulator.OrgServer;
import dev.leadrouter.emulator.org.CustomMetadata;
import dev.leadrouter.emulator.org.Org;
import dev.leadrouter.emulator.seed.DemoOrgGenerator;
import dev.leadrouter.route.RoutingRule;
import dev.leadrouter.route.RuleSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lead-router rules} against the emulated demo org, which serves the demo rule set from its
 * SFDX record files (config/demo/salesforce) as a deployed org would.
 */
class RulesCommandIT {

  @TempDir Path scratch;
  private OrgServer server;
  private Path credentials;

  @BeforeEach
  void startDemoOrg() throws Exception {
    Org org = DemoOrgGenerator.org(Clock.systemUTC());
    assertThat(SfdxMetadataSeed.load(org, Path.of(EmulatorCommand.DEMO_METADATA)))
        .isGreaterThan(50);
    server = new OrgServer(OrgServer.Settings.defaults(Clock.systemUTC()), org).start();
    credentials = scratch.resolve("org.json");
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("instance_url", server.instanceUrl().toString());
    json.put("login_url", server.instanceUrl().toString());
    json.put("username", DemoOrgGenerator.INTEGRATION_USER);
    json.put("password", null);
    json.put("client_id", DemoOrgGenerator.CLIENT_ID);
    json.put("client_secret", DemoOrgGenerator.CLIENT_SECRET);
    json.put("api_version", "62.0");
    new ObjectMapper().writeValue(credentials.toFile(), json);
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  @Test
  void lintsTheOrgsRecordsAsTheDemoRuleSet() {
    CliRun run = CliRun.of("rules", "lint", "--org", "--org-credentials", credentials.toString());

    assertThat(run.exitCode()).as(run.toString()).isZero();
    RuleSet demo = new YamlRuleSetLoader().load(Path.of("config/demo/rules.yaml"));
    assertThat(run.out())
        .contains(
            "Rule set demo-2026-11 is valid: " + demo.rules().size() + " active rules",
            demo.teams().size() + " teams",
            "mode SHADOW");
  }

  @Test
  void exportsTheOrgsRulesToYamlThatLoadsAsTheSameRules() throws Exception {
    Path yaml = scratch.resolve("exported/rules.yaml");

    CliRun run =
        CliRun.of(
            "rules",
            "export",
            "--to-yaml",
            yaml.toString(),
            "--org-credentials",
            credentials.toString());

    assertThat(run.exitCode()).as(run.toString()).isZero();
    RuleSet exported = new YamlRuleSetLoader().load(yaml);
    RuleSet demo = new YamlRuleSetLoader().load(Path.of("config/demo/rules.yaml"));
    assertThat(exported.version()).isEqualTo(demo.version());
    assertThat(exported.rules())
        .extracting(RoutingRule::name)
        .containsExactlyElementsOf(demo.rules().stream().map(RoutingRule::name).toList());
    assertThat(exported.rules().stream().map(r -> r.action().toString() + r.when().criteria()))
        .containsExactlyElementsOf(
            demo.rules().stream().map(r -> r.action().toString() + r.when().criteria()).toList());
    assertThat(exported.teams()).isEqualTo(demo.teams());
    assertThat(exported.policy()).isEqualTo(demo.policy());
  }

  @Test
  void aWrongRecordInTheOrgIsNamedAndExitsTwo() {
    CustomMetadata metadata = server.org().customMetadata();
    CustomMetadata.Type rules = metadata.type("Routing_Rule__mdt").orElseThrow();
    List<Map<String, Object>> changed = new ArrayList<>();
    String broken = null;
    for (Map<String, Object> record : rules.records()) {
      Map<String, Object> copy = new LinkedHashMap<>(record);
      copy.remove("Id");
      if (broken == null && copy.get("Criteria_Logic__c") == null) {
        broken = (String) copy.get("DeveloperName");
        copy.put("Criteria_Logic__c", "1 AND (2");
      }
      changed.add(copy);
    }
    metadata.replace("Routing_Rule__mdt", rules.fields(), changed);

    CliRun run = CliRun.of("rules", "lint", "--org", "--org-credentials", credentials.toString());

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).contains("Routing_Rule__mdt." + broken + ", field Criteria_Logic__c");
  }

  @Test
  void writesSfdxRecordsFromYaml() {
    CliRun run =
        CliRun.of(
            "rules",
            "export",
            "--to-sfdx",
            scratch.toString(),
            "--yaml",
            "config/rules.example.yaml");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(scratch.resolve("customMetadata/Routing_Rule.Enterprise_Team.md-meta.xml")).exists();
    assertThat(Files.exists(scratch.resolve("customMetadata/Routing_Setting.Default.md-meta.xml")))
        .isTrue();
  }
}
