package dev.leadrouter.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leadrouter.config.StoreSettings;
import dev.leadrouter.emulator.OrgServer;
import dev.leadrouter.emulator.org.Org;
import dev.leadrouter.emulator.org.SObjectType;
import dev.leadrouter.lead.SalesforceId;
import dev.leadrouter.store.Database;
import dev.leadrouter.store.DeadLetters;
import dev.leadrouter.testing.OrgCredentialsFile;
import dev.leadrouter.testing.PackagedJar;
import dev.leadrouter.testing.WorkerConfFile;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lead-router run} and {@code lead-router dlq} against an emulated org. */
class WorkerCommandsIT {

  private static final String RULES = "src/test/resources/worker/rules.yaml";
  private static final String INTEGRATION_USER = new SalesforceId("005Wk0000000001").value();

  @TempDir Path scratch;
  private final Clock clock = Clock.systemUTC();
  private OrgServer org;
  private Path config;
  private Path credentials;

  @BeforeEach
  void startOrg() throws Exception {
    org =
        new OrgServer(
                OrgServer.Settings.defaults(clock),
                Org.load(Path.of("src/test/resources/worker/seed.json"), clock))
            .start();
    config =
        WorkerConfFile.write(
            scratch.resolve("worker.conf"),
            "lead-router.mode = LIVE",
            "lead-router.rules.source = file",
            "lead-router.admin.port = 0",
            "lead-router.store.url = \"" + storeUrl() + "\"");
    credentials =
        OrgCredentialsFile.write(
            scratch.resolve("org.json"),
            OrgCredentialsFile.clientCredentials(
                org.instanceUrl(),
                "integration@worker.test",
                "worker-test-client",
                "worker-test-secret"));
  }

  @AfterEach
  void stopOrg() throws Exception {
    org.close();
  }

  private String storeUrl() {
    return "jdbc:h2:file:"
        + scratch.resolve("data/lead-router").toAbsolutePath()
        + ";MODE=PostgreSQL";
  }

  private String insertLead(String lastName) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("LastName", lastName);
    fields.put("Company", lastName + " Ltd");
    return org.org().data().insert(SObjectType.LEAD, fields, INTEGRATION_USER).id();
  }

  @Test
  void runRoutesNewLeadsUntilSigtermThenStopsCleanly() throws Exception {
    List<String> command =
        PackagedJar.command(List.of(), PackagedJar.run(config, credentials, "--rules", RULES));
    Path output = scratch.resolve("run.log");
    Process process = PackagedJar.start(command, output);
    try {
      await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () -> Files.readString(output, Charset.defaultCharset()).contains("worker running"));
      // The subscription follows the start line closely; a lead created before it would be missed
      // by a new worker (it starts from new events), so create until one is routed.
      List<String> leads = new ArrayList<>();
      await()
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(500))
          .until(
              () -> {
                leads.add(createdByWebForm("Novak" + leads.size()));
                return leads.stream().anyMatch(id -> lead(id).get("Routing_Rule__c") != null);
              });
    } finally {
      process.destroy();
    }
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String log = Files.readString(output, Charset.defaultCharset());
    assertThat(process.exitValue()).as(log).isIn(0, 143);
    assertThat(log)
        .contains("health and metrics at http://127.0.0.1:")
        .contains("worker stopped")
        .doesNotContain("worker-test-secret");
  }

  @Test
  void dlqListsDeadLettersAndReplaysThemOnce() throws Exception {
    String lead = insertLead("Parked");
    long good;
    long bad;
    try (Database database =
        Database.open(new StoreSettings(storeUrl(), Optional.empty(), Optional.empty(), 2))) {
      DeadLetters letters = new DeadLetters(database, clock);
      good =
          letters.add(
              "/data/LeadChangeEvent",
              "could not record a decision: store down",
              new ObjectMapper().writeValueAsString(leadCreated(lead)));
      bad = letters.add("/data/LeadChangeEvent", "payload is missing", "{\"schema\":\"x\"}");
    }

    CliRun list = CliRun.of("dlq", "list", "--config", config.toString());
    assertThat(list.exitCode()).as(list.toString()).isZero();
    assertThat(list.out()).contains("store down", "payload is missing");

    CliRun replay =
        CliRun.of(
            "dlq",
            "replay",
            "--all",
            "--config",
            config.toString(),
            "--org-credentials",
            credentials.toString(),
            "--rules",
            RULES);
    assertThat(replay.exitCode()).as(replay.toString()).isEqualTo(1);
    assertThat(replay.out())
        .contains(good + " replayed: 1 of 1 leads routed")
        .contains(bad + " failed again: still malformed");
    assertThat(lead(lead).get("Routing_Rule__c")).isEqualTo("Inbound_Team");

    CliRun again = CliRun.of("dlq", "list", "--config", config.toString());
    assertThat(again.out()).doesNotContain("store down").contains("still malformed");
  }

  private Map<String, Object> lead(String id) {
    return org.org().data().find(SObjectType.LEAD, id).orElseThrow();
  }

  private String createdByWebForm(String lastName) throws Exception {
    // Through the org's own write path, so a change event is published as for a REST create.
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("LastName", lastName);
    fields.put("Company", lastName + " GmbH");
    var http = java.net.http.HttpClient.newHttpClient();
    var token =
        http.send(
            java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(org.instanceUrl() + "/services/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    java.net.http.HttpRequest.BodyPublishers.ofString(
                        "grant_type=client_credentials&client_id=worker-test-client"
                            + "&client_secret=worker-test-secret"))
                .build(),
            java.net.http.HttpResponse.BodyHandlers.ofString());
    String accessToken = new ObjectMapper().readTree(token.body()).get("access_token").asText();
    var created =
        http.send(
            java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(org.instanceUrl() + "/services/data/v62.0/sobjects/Lead"))
                .header("Authorization", "Bearer " + accessToken)
                .header("Content-Type", "application/json")
                .POST(
                    java.net.http.HttpRequest.BodyPublishers.ofString(
                        new ObjectMapper().writeValueAsString(fields)))
                .build(),
            java.net.http.HttpResponse.BodyHandlers.ofString());
    return new ObjectMapper().readTree(created.body()).get("id").asText();
  }

  private static Map<String, Object> leadCreated(String id) {
    Map<String, Object> header = new LinkedHashMap<>();
    header.put("entityName", "Lead");
    header.put("recordIds", List.of(id));
    header.put("changeType", "CREATE");
    header.put("changeOrigin", "com/salesforce/api/rest/62.0");
    header.put("commitTimestamp", 1_764_000_000_000L);
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("ChangeEventHeader", header);
    payload.put("LastName", "Parked");
    payload.put("Company", "Parked Ltd");
    return Map.of("schema", "s", "payload", payload, "event", Map.of("replayId", 42));
  }
}
