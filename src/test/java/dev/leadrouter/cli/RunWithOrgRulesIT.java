package dev.leadrouter.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leadrouter.emulator.OrgServer;
import dev.leadrouter.emulator.org.CustomMetadata;
import dev.leadrouter.emulator.org.Org;
import dev.leadrouter.emulator.org.SObjectType;
import dev.leadrouter.emulator.seed.DemoOrgGenerator;
import dev.leadrouter.testing.OrgCredentialsFile;
import dev.leadrouter.testing.PackagedJar;
import dev.leadrouter.testing.WorkerConfFile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lead-router run} with {@code rules.source = org} against the emulated demo org serving the
 * demo rule set as Custom Metadata records: the worker routes by them, in the mode the Routing
 * Setting names, and reloads them on request.
 */
class RunWithOrgRulesIT {

  private static final Pattern ADMIN = Pattern.compile("--admin-url (http://\\S+)");

  @TempDir Path scratch;
  private OrgServer server;
  private Path config;
  private Path credentials;
  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void startDemoOrg() throws Exception {
    Org org = DemoOrgGenerator.org(Clock.systemUTC());
    SfdxMetadataSeed.load(org, Path.of(EmulatorCommand.DEMO_METADATA));
    setting(org.customMetadata(), "Mode__c", "LIVE");
    server = new OrgServer(OrgServer.Settings.defaults(Clock.systemUTC()), org).start();
    config =
        WorkerConfFile.write(
            scratch.resolve("worker.conf"),
            "lead-router.mode = SHADOW",
            "lead-router.rules.source = org",
            "lead-router.admin.port = 0",
            "lead-router.store.url = \"jdbc:h2:file:"
                + scratch.resolve("data/lead-router").toAbsolutePath()
                + ";MODE=PostgreSQL\"");
    credentials =
        OrgCredentialsFile.write(
            scratch.resolve("org.json"),
            OrgCredentialsFile.clientCredentials(
                server.instanceUrl(),
                DemoOrgGenerator.INTEGRATION_USER,
                DemoOrgGenerator.CLIENT_ID,
                DemoOrgGenerator.CLIENT_SECRET));
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  @Test
  void routesLiveByTheOrgsRecordsAndReloadsThemOnRequest() throws Exception {
    List<String> command = PackagedJar.command(List.of(), PackagedJar.run(config, credentials));
    Path output = scratch.resolve("run.log");
    Process process = PackagedJar.start(command, output);
    try {
      await()
          .atMost(Duration.ofSeconds(90))
          .until(() -> log(output).contains("rules re-read from the org every"));
      assertThat(log(output)).contains("running in LIVE mode with rule set demo-2026-11");
      Matcher admin = ADMIN.matcher(log(output));
      assertThat(admin.find()).as(log(output)).isTrue();
      URI adminUrl = URI.create(admin.group(1));

      List<String> leads = new ArrayList<>();
      await()
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(500))
          .until(
              () -> {
                leads.add(createLead("Kowalczyk" + leads.size()));
                return leads.stream()
                    .anyMatch(
                        id ->
                            server
                                    .org()
                                    .data()
                                    .find(SObjectType.LEAD, id)
                                    .orElseThrow()
                                    .get("Routing_Rule__c")
                                != null);
              });

      JsonNode unchanged = reload(adminUrl);
      assertThat(unchanged.get("outcome").asText()).isEqualTo("unchanged");

      setting(server.org().customMetadata(), "Version__c", "demo-2026-12");
      JsonNode applied = reload(adminUrl);
      assertThat(applied.get("outcome").asText()).as(applied.toString()).isEqualTo("applied");
      assertThat(applied.get("version").asText()).isEqualTo("demo-2026-12");

      HttpResponse<String> health =
          http.send(
              HttpRequest.newBuilder(adminUrl.resolve("/health")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(json.readTree(health.body()).at("/components/rules/status").asText())
          .isEqualTo("UP");
    } finally {
      process.destroy();
    }
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(log(output)).contains("changed from version demo-2026-11 to demo-2026-12");
    assertThat(log(output)).doesNotContain(DemoOrgGenerator.CLIENT_SECRET);
  }

  private JsonNode reload(URI adminUrl) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(adminUrl.resolve("/rules/reload"))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return json.readTree(response.body());
  }

  private static void setting(CustomMetadata metadata, String field, Object value) {
    CustomMetadata.Type type = metadata.type("Routing_Setting__mdt").orElseThrow();
    List<Map<String, Object>> records = new ArrayList<>();
    for (Map<String, Object> record : type.records()) {
      Map<String, Object> copy = new LinkedHashMap<>(record);
      copy.remove("Id");
      copy.put(field, value);
      records.add(copy);
    }
    metadata.replace("Routing_Setting__mdt", type.fields(), records);
  }

  private static String log(Path output) throws Exception {
    return Files.readString(output, Charset.defaultCharset());
  }

  /** Through the org's REST API, as a web form would, so a change event is published. */
  private String createLead(String lastName) throws Exception {
    HttpResponse<String> token =
        http.send(
            HttpRequest.newBuilder(URI.create(server.instanceUrl() + "/services/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "grant_type=client_credentials&client_id="
                            + DemoOrgGenerator.CLIENT_ID
                            + "&client_secret="
                            + DemoOrgGenerator.CLIENT_SECRET))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    String accessToken = json.readTree(token.body()).get("access_token").asText();
    HttpResponse<String> created =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(server.instanceUrl() + "/services/data/v62.0/sobjects/Lead"))
                .header("Authorization", "Bearer " + accessToken)
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"LastName\":\""
                            + lastName
                            + "\",\"Company\":\""
                            + lastName
                            + " GmbH\",\"Country\":\"Germany\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return json.readTree(created.body()).get("id").asText();
  }
}
