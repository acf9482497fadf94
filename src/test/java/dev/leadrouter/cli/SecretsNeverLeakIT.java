package dev.leadrouter.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leadrouter.config.Secret;
import dev.leadrouter.config.StoreSettings;
import dev.leadrouter.emulator.OrgServer;
import dev.leadrouter.emulator.org.Org;
import dev.leadrouter.emulator.org.SObjectType;
import dev.leadrouter.store.Database;
import dev.leadrouter.store.DeadLetters;
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
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * No secret ever shows: runs real flows with known secret values (the connected app's client
 * secret, the integration user's password, the JWT private key, the store password, the enrichment
 * API key, and the access tokens the emulated org issued) and scans everything they leave behind:
 * console output of the worker process and of each command, every log event (with its exceptions),
 * every table of the store, and the shadow report's files. A failure names where a secret leaked.
 *
 * <p>The admin console's refusal without its token and its loopback default are proven by {@code
 * AdminServerTest} and {@code WorkerSettingsLoaderTest}.
 */
class SecretsNeverLeakIT {

  private static final String RULES = "src/test/resources/worker/rules.yaml";
  private static final Path PRIVATE_KEY =
      Path.of("src/test/resources/emulator/demo-app.DEMO-ONLY.key.pem");
  private static final Path CERTIFICATE = Path.of("src/main/resources/emulator/demo-app.crt.pem");

  private static final String CLIENT_SECRET = "cs-CANARY-7f3a9e1c55";
  private static final String USER_PASSWORD = "pw-CANARY-b81d2c44e0";
  private static final String WRONG_PASSWORD = "pw-CANARY-WRONG-0a9d13";
  private static final String STORE_PASSWORD = "store-CANARY-5e6f7a8b9c";
  private static final String API_KEY = "key-CANARY-1d2e3f4a5b";

  @TempDir Path scratch;
  private final Clock clock = Clock.systemUTC();
  private final Map<String, String> secrets = new LinkedHashMap<>();
  private final Map<String, String> outputs = new LinkedHashMap<>();
  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  private OrgServer org;
  private Path config;
  private String storeUrl;

  @BeforeEach
  void startOrgAndWatchLogs() throws Exception {
    Path seed = scratch.resolve("seed.json");
    ObjectMapper json = new ObjectMapper();
    ObjectNode seedJson =
        (ObjectNode) json.readTree(Path.of("src/test/resources/worker/seed.json").toFile());
    ObjectNode app = (ObjectNode) seedJson.get("apps").get(0);
    app.put("client_secret", CLIENT_SECRET);
    app.put("certificate", Files.readString(CERTIFICATE));
    ((ObjectNode) ((ArrayNode) seedJson.get("users")).get(0)).put("password", USER_PASSWORD);
    json.writeValue(seed.toFile(), seedJson);
    org = new OrgServer(OrgServer.Settings.defaults(clock), Org.load(seed, clock)).start();

    storeUrl =
        "jdbc:h2:file:" + scratch.resolve("data/lead-router").toAbsolutePath() + ";MODE=PostgreSQL";
    config =
        conf(
            "lead-router.mode = LIVE",
            "lead-router.rules.source = file",
            "lead-router.store.url = \"" + storeUrl + "\"",
            "lead-router.store.username = sa",
            "lead-router.store.password-file = \"" + secretFile("store", STORE_PASSWORD) + "\"",
            "lead-router.enrich.provider = http",
            "lead-router.enrich.http.base-url = \"" + org.instanceUrl() + "/enrichment\"",
            "lead-router.enrich.http.api-key-file = \"" + secretFile("api-key", API_KEY) + "\"");

    secrets.put("client secret", CLIENT_SECRET);
    secrets.put("user password", USER_PASSWORD);
    secrets.put("wrong password tried", WRONG_PASSWORD);
    secrets.put("store password", STORE_PASSWORD);
    secrets.put("enrichment API key", API_KEY);
    // Every line of the key's body: a fragment of it is as bad as all of it.
    List<String> keyLines = Files.readAllLines(PRIVATE_KEY);
    for (int i = 0; i < keyLines.size(); i++) {
      if (!keyLines.get(i).startsWith("-----")) {
        secrets.put("private key line " + (i + 1), keyLines.get(i));
      }
    }

    logs.start();
    root().addAppender(logs);
  }

  @AfterEach
  void stop() throws Exception {
    root().detachAppender(logs);
    org.close();
  }

  @Test
  void noFlowLeavesASecretInOutputLogsStoreOrReports() throws Exception {
    runWorkerUntilLeadsAreRouted(false, 2);
    runWorkerUntilLeadsAreRouted(true, 2); // shadow decisions for the shadow report
    dlqList();
    shadowReport();
    dryRunsAndRuleDiffs();
    slaReport();
    unreachableStoreOnTheCommandLine();
    failedPasswordLogin();
    failedJwtLogin();
    misconfiguredSettings();
    scanStoreTables();

    assertThat(secrets.keySet()).as("secrets looked for").hasSizeGreaterThan(6);
    assertThat(outputs).as("outputs scanned").hasSizeGreaterThan(10);
    List<String> leaks = new ArrayList<>();
    outputs.forEach(
        (where, text) ->
            secrets.forEach(
                (what, secret) -> {
                  if (text.contains(secret)) {
                    leaks.add(what + " leaked in " + where);
                  }
                }));
    assertThat(leaks).as("secrets found in outputs").isEmpty();
  }

  private void runWorkerUntilLeadsAreRouted(boolean shadow, int leads) throws Exception {
    Path credentials =
        credentials(Map.of("client_id", "worker-test-client", "client_secret", CLIENT_SECRET));
    Path output = scratch.resolve(shadow ? "run-shadow.log" : "run.log");
    List<String> arguments = PackagedJar.run(config, credentials, "--rules", RULES);
    if (shadow) {
      arguments.add("--shadow");
    }
    Process process = PackagedJar.start(PackagedJar.command(List.of(), arguments), output);
    List<String> created = new ArrayList<>();
    try {
      try {
        await()
            .atMost(Duration.ofSeconds(60))
            .until(() -> Files.readString(output, Charset.defaultCharset()).contains("running"));
      } catch (org.awaitility.core.ConditionTimeoutException notStarted) {
        throw new AssertionError(
            "worker did not start:\n" + Files.readString(output, Charset.defaultCharset()));
      }
      // A lead created before the subscription is in place is not seen by a new worker.
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(500))
          .until(
              () -> {
                created.add(createLeadAsAWebForm("Canary" + created.size()));
                String log = Files.readString(output, Charset.defaultCharset());
                return created.stream()
                        .filter(
                            id -> shadow ? log.contains("lead " + id + " would go to") : routed(id))
                        .count()
                    >= leads;
              });
      // The worker's own session: its token is a secret too.
      org.liveTokens().forEach(token -> secrets.put("access token " + abbreviate(token), token));
    } finally {
      process.destroy();
    }
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    outputs.put(
        "output of lead-router run" + (shadow ? " --shadow" : ""),
        Files.readString(output, Charset.defaultCharset()));
  }

  private void dlqList() throws Exception {
    try (Database database = openStore()) {
      new DeadLetters(database, clock)
          .add("/data/LeadChangeEvent", "payload is missing", "{\"schema\":\"x\"}");
    }
    record("dlq list", CliRun.of("dlq", "list", "--all", "--config", config.toString()));
  }

  private void shadowReport() throws Exception {
    Path out = scratch.resolve("report");
    Path credentials =
        credentials(Map.of("client_id", "worker-test-client", "client_secret", CLIENT_SECRET));
    record(
        "shadow-report",
        CliRun.of(
            "shadow-report",
            "--since",
            "7d",
            "--out",
            out.toString(),
            "--config",
            config.toString(),
            "--org-credentials",
            credentials.toString()));
    try (Stream<Path> files = Files.walk(out)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        outputs.put("report file " + file.getFileName(), Files.readString(file));
      }
    }
  }

  /** dry-run over the org's leads (signed in), with the org's rules (refused: none deployed). */
  private void dryRunsAndRuleDiffs() throws Exception {
    Path credentials =
        credentials(Map.of("client_id", "worker-test-client", "client_secret", CLIENT_SECRET));
    Path out = scratch.resolve("dry-run");
    CliRun since =
        CliRun.of(
            "dry-run",
            "--since",
            "1d",
            "--rules",
            RULES,
            "--config",
            config.toString(),
            "--org-credentials",
            credentials.toString(),
            "--out",
            out.toString());
    assertThat(since.exitCode()).as(since.toString()).isZero();
    record("dry-run --since", since);
    reportFiles(out, "dry-run");
    CliRun orgRules =
        CliRun.of(
            "dry-run",
            "--csv",
            "src/test/resources/dryrun/leads.csv",
            "--rules",
            "org",
            "--config",
            config.toString(),
            "--org-credentials",
            credentials.toString(),
            "--out",
            scratch.resolve("dry-run-org").toString());
    record("dry-run --rules org (no rule records in this org)", orgRules);
    Path diffOut = scratch.resolve("diff-rules");
    CliRun diff =
        CliRun.of(
            "diff-rules",
            "--old",
            "src/test/resources/dryrun/rules-a.yaml",
            "--new",
            "src/test/resources/dryrun/rules-b.yaml",
            "--csv",
            "src/test/resources/dryrun/leads.csv",
            "--config",
            config.toString(),
            "--out",
            diffOut.toString());
    assertThat(diff.exitCode()).as(diff.toString()).isZero();
    record("diff-rules", diff);
    reportFiles(diffOut, "diff-rules");
    record(
        "diff-rules --old org",
        CliRun.of(
            "diff-rules",
            "--old",
            "org",
            "--new",
            RULES,
            "--csv",
            "src/test/resources/dryrun/leads.csv",
            "--config",
            config.toString(),
            "--org-credentials",
            credentials.toString()));
  }

  /** A store URL given on the command line, credentials and all, that cannot be opened. */
  private void unreachableStoreOnTheCommandLine() {
    CliRun run =
        CliRun.of(
            "explain",
            "--lead-id",
            "00Q000000000001",
            "--store",
            "jdbc:postgresql://lr:" + STORE_PASSWORD + "@127.0.0.1:1/leadrouter");
    assertThat(run.exitCode()).as(run.toString()).isNotZero();
    record("explain with an unreachable --store URL holding a password", run);
  }

  private void slaReport() throws Exception {
    Path out = scratch.resolve("sla-report");
    CliRun run =
        CliRun.of(
            "sla-report", "--since", "7d", "--config", config.toString(), "--out", out.toString());
    assertThat(run.exitCode()).as(run.toString()).isZero();
    record("sla-report", run);
    reportFiles(out, "sla-report");
  }

  private void reportFiles(Path out, String command) throws Exception {
    try (Stream<Path> files = Files.walk(out)) {
      List<Path> written = files.filter(Files::isRegularFile).toList();
      assertThat(written).as(command + " files").isNotEmpty();
      for (Path file : written) {
        outputs.put(command + " file " + file.getFileName(), Files.readString(file));
      }
    }
  }

  private void failedPasswordLogin() throws Exception {
    Path credentials =
        credentials(Map.of("username", "integration@worker.test", "password", WRONG_PASSWORD));
    CliRun run =
        CliRun.of(
            "shadow-report",
            "--out",
            scratch.resolve("no-report").toString(),
            "--config",
            config.toString(),
            "--org-credentials",
            credentials.toString());
    assertThat(run.exitCode()).as(run.toString()).isNotZero();
    record("shadow-report with a wrong password", run);
  }

  private void failedJwtLogin() throws Exception {
    Path jwtConfig =
        conf(
            "lead-router.store.url = \"" + storeUrl + "\"",
            "lead-router.store.username = sa",
            "lead-router.store.password-file = \"" + secretFile("store", STORE_PASSWORD) + "\"",
            "lead-router.salesforce.auth = jwt",
            "lead-router.salesforce.login-url = \"" + org.instanceUrl() + "\"",
            "lead-router.salesforce.instance-url = \"" + org.instanceUrl() + "\"",
            "lead-router.salesforce.client-id = worker-test-client",
            "lead-router.salesforce.username = \"nobody@worker.test\"",
            "lead-router.salesforce.private-key-file = \"" + PRIVATE_KEY.toAbsolutePath() + "\"");
    CliRun run =
        CliRun.of(
            "shadow-report",
            "--out",
            scratch.resolve("no-report-jwt").toString(),
            "--config",
            jwtConfig.toString());
    assertThat(run.exitCode()).as(run.toString()).isNotZero();
    record("shadow-report with a JWT for an unknown user", run);
  }

  private void misconfiguredSettings() throws Exception {
    List<List<String>> broken =
        List.of(
            List.of("lead-router.store.password = \"" + STORE_PASSWORD),
            List.of("lead-router.store.password = [\"" + STORE_PASSWORD + "\"]"),
            List.of("lead-router.store.passwort = \"" + STORE_PASSWORD + "\""),
            List.of("lead-router.store.url = \"jdbc:postgresql://lr:" + STORE_PASSWORD + "@db/x\""),
            List.of(
                "lead-router.store.url = \"jdbc:h2:mem:x;PASSWORD=" + STORE_PASSWORD + "\"",
                "lead-router.salesforce.client-secret = { value = \"" + CLIENT_SECRET + "\" }"),
            List.of(
                "lead-router.enrich.provider = http",
                "lead-router.enrich.http.api-key = " + API_KEY + " " + API_KEY,
                "lead-router.enrich.http.base-url = \"htps://me:" + API_KEY + "@enrich.example\""));
    for (int i = 0; i < broken.size(); i++) {
      Path bad = conf(broken.get(i).toArray(String[]::new));
      CliRun run = CliRun.of("dlq", "list", "--config", bad.toString());
      assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
      record("dlq list with misconfigured settings #" + (i + 1), run);
    }
  }

  private void scanStoreTables() throws Exception {
    StringBuilder dump = new StringBuilder();
    try (Database database = openStore();
        Connection connection = database.dataSource().getConnection();
        Statement statement = connection.createStatement()) {
      List<String> tables = new ArrayList<>();
      try (ResultSet names =
          statement.executeQuery(
              "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'")) {
        while (names.next()) {
          tables.add(names.getString(1));
        }
      }
      assertThat(tables).as("store tables").contains("ROUTING_DECISION", "DEAD_LETTER");
      for (String table : tables) {
        try (ResultSet rows = statement.executeQuery("SELECT * FROM \"" + table + "\"")) {
          int columns = rows.getMetaData().getColumnCount();
          while (rows.next()) {
            for (int c = 1; c <= columns; c++) {
              dump.append(table).append(": ").append(rows.getString(c)).append('\n');
            }
          }
        }
      }
    }
    assertThat(dump).as("routing log rows").contains("ROUTING_DECISION: ");
    outputs.put("store tables", dump.toString());
  }

  private void record(String what, CliRun run) {
    outputs.put("stdout of " + what, run.out());
    outputs.put("stderr of " + what, run.err());
    StringBuilder events = new StringBuilder();
    for (ILoggingEvent event : logs.list) {
      events.append(event.getFormattedMessage()).append('\n');
      event.getMDCPropertyMap().forEach((k, v) -> events.append(k).append('=').append(v));
      for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
        events.append(t.getClassName()).append(": ").append(t.getMessage()).append('\n');
        for (StackTraceElementProxy frame : t.getStackTraceElementProxyArray()) {
          events.append(frame.getSTEAsString()).append('\n');
        }
      }
    }
    logs.list.clear();
    outputs.put("log events of " + what, events.toString());
  }

  private Database openStore() {
    return Database.open(
        new StoreSettings(storeUrl, Optional.of("sa"), Optional.of(new Secret(STORE_PASSWORD)), 2));
  }

  private Path conf(String... lines) throws Exception {
    return WorkerConfFile.write(Files.createTempFile(scratch, "worker", ".conf"), lines);
  }

  private Path secretFile(String name, String secret) throws Exception {
    Path file = scratch.resolve(name + ".secret");
    Files.writeString(file, secret + "\n");
    return file.toAbsolutePath();
  }

  private Path credentials(Map<String, String> auth) throws Exception {
    Map<String, Object> json = OrgCredentialsFile.at(org.instanceUrl());
    json.putAll(auth);
    return OrgCredentialsFile.write(Files.createTempFile(scratch, "org", ".json"), json);
  }

  private boolean routed(String leadId) {
    return org.org().data().find(SObjectType.LEAD, leadId).orElseThrow().get("Routing_Rule__c")
        != null;
  }

  private String createLeadAsAWebForm(String lastName) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    ObjectMapper json = new ObjectMapper();
    HttpResponse<String> token =
        http.send(
            HttpRequest.newBuilder(URI.create(org.instanceUrl() + "/services/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "grant_type=client_credentials&client_id=worker-test-client"
                            + "&client_secret="
                            + CLIENT_SECRET))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    String accessToken = json.readTree(token.body()).get("access_token").asText();
    secrets.put("access token " + abbreviate(accessToken), accessToken);
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("LastName", lastName);
    fields.put("Company", lastName + " GmbH");
    fields.put("Email", lastName.toLowerCase(java.util.Locale.ROOT) + "@example.org");
    HttpResponse<String> created =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(org.instanceUrl() + "/services/data/v62.0/sobjects/Lead"))
                .header("Authorization", "Bearer " + accessToken)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(fields)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return json.readTree(created.body()).get("id").asText();
  }

  private static String abbreviate(String token) {
    return token.substring(0, 18) + "...";
  }

  private static Logger root() {
    return (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
  }
}
