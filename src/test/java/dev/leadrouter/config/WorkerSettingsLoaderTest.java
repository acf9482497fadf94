package dev.leadrouter.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkerSettingsLoaderTest {

  // Tests run with the repository root as the working directory.
  private static final Path SHIPPED = Path.of("config/application.conf");
  private static final String KNOWN_SECRET = "correct-horse-battery-staple";

  private final WorkerSettingsLoader loader = new WorkerSettingsLoader();

  @TempDir Path dir;

  @Test
  void loadsTheShippedFileWithItsDefaults() {
    WorkerSettings settings = loader.load(SHIPPED, Map.of());

    assertThat(settings.mode()).isEqualTo(Mode.SHADOW);
    SalesforceSettings salesforce = settings.salesforce();
    assertThat(salesforce.loginUrl()).isEqualTo(URI.create("https://login.salesforce.com"));
    assertThat(salesforce.instanceUrl()).isEmpty();
    assertThat(salesforce.apiVersion()).isEqualTo("62.0");
    assertThat(salesforce.auth()).isEqualTo(AuthMethod.JWT);
    assertThat(salesforce.clientSecret()).isEmpty();
    assertThat(salesforce.password()).isEmpty();
    assertThat(salesforce.callOptionsClient()).isEqualTo("lead-router");
    assertThat(settings.store().jdbcUrl())
        .isEqualTo("jdbc:h2:file:./data/lead-router;MODE=PostgreSQL;AUTO_SERVER=FALSE");
    assertThat(settings.store().username()).isEmpty();
    assertThat(settings.store().poolSize()).isEqualTo(10);
    assertThat(settings.rules())
        .isEqualTo(
            new RulesSettings(
                RulesSource.ORG, Path.of("config/rules.example.yaml"), Duration.ofMinutes(5)));
    assertThat(settings.pipeline()).isEqualTo(new PipelineSettings(1000, 200, 2000));
    assertThat(settings.admin()).isEqualTo(new AdminSettings("127.0.0.1", 8081, Optional.empty()));
    assertThat(settings.logging().format()).isEqualTo(LogFormat.TEXT);
  }

  @Test
  void environmentVariablesOverrideTheFile() {
    Map<String, String> env =
        Map.ofEntries(
            Map.entry("LEAD_ROUTER_MODE", "live"),
            Map.entry("LEAD_ROUTER_SF_LOGIN_URL", "https://test.salesforce.com"),
            Map.entry("LEAD_ROUTER_SF_INSTANCE_URL", "http://127.0.0.1:8443"),
            Map.entry("LEAD_ROUTER_SF_API_VERSION", "63.0"),
            Map.entry("LEAD_ROUTER_SF_AUTH", "client-credentials"),
            Map.entry("LEAD_ROUTER_SF_CLIENT_ID", "3MVG9-consumer-key"),
            Map.entry("LEAD_ROUTER_SF_USERNAME", "router@example.com"),
            Map.entry("LEAD_ROUTER_STORE_URL", "jdbc:postgresql://db:5432/leadrouter"),
            Map.entry("LEAD_ROUTER_STORE_USERNAME", "leadrouter"),
            Map.entry("LEAD_ROUTER_STORE_POOL_SIZE", "4"),
            Map.entry("LEAD_ROUTER_RULES_REFRESH_INTERVAL", "90s"),
            Map.entry("LEAD_ROUTER_PIPELINE_QUEUE_CAPACITY", "50"),
            Map.entry("LEAD_ROUTER_PIPELINE_WRITE_BATCH_SIZE", "25"),
            Map.entry("LEAD_ROUTER_PIPELINE_BULK_THRESHOLD", "500"),
            Map.entry("LEAD_ROUTER_ADMIN_BIND", "0.0.0.0"),
            Map.entry("LEAD_ROUTER_ADMIN_PORT", "9090"),
            Map.entry("LEAD_ROUTER_LOG_FORMAT", "JSON"));

    WorkerSettings settings = loader.load(SHIPPED, env);

    assertThat(settings.mode()).isEqualTo(Mode.LIVE);
    SalesforceSettings salesforce = settings.salesforce();
    assertThat(salesforce.loginUrl()).isEqualTo(URI.create("https://test.salesforce.com"));
    assertThat(salesforce.instanceUrl()).contains(URI.create("http://127.0.0.1:8443"));
    assertThat(salesforce.apiVersion()).isEqualTo("63.0");
    assertThat(salesforce.auth()).isEqualTo(AuthMethod.CLIENT_CREDENTIALS);
    assertThat(salesforce.clientId()).contains("3MVG9-consumer-key");
    assertThat(salesforce.username()).contains("router@example.com");
    assertThat(settings.store().jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/leadrouter");
    assertThat(settings.store().username()).contains("leadrouter");
    assertThat(settings.store().poolSize()).isEqualTo(4);
    assertThat(settings.rules().refreshInterval()).isEqualTo(Duration.ofSeconds(90));
    assertThat(settings.pipeline()).isEqualTo(new PipelineSettings(50, 25, 500));
    assertThat(settings.admin().bind()).isEqualTo("0.0.0.0");
    assertThat(settings.admin().port()).isEqualTo(9090);
    assertThat(settings.logging().format()).isEqualTo(LogFormat.JSON);
  }

  @Test
  void emptyEnvironmentVariablesLeaveTheDefaults() {
    WorkerSettings settings =
        loader.load(
            SHIPPED,
            Map.of(
                "LEAD_ROUTER_MODE",
                "",
                "LEAD_ROUTER_SF_INSTANCE_URL",
                " ",
                "LEAD_ROUTER_SF_PASSWORD",
                ""));

    assertThat(settings.mode()).isEqualTo(Mode.SHADOW);
    assertThat(settings.salesforce().instanceUrl()).isEmpty();
    assertThat(settings.salesforce().password()).isEmpty();
  }

  @Test
  void neverReadsTheProcessEnvironment() throws IOException {
    assumeThat(System.getenv("HOME")).isNotBlank();
    Path conf = confIncludingShipped("lead-router.salesforce.username = ${?HOME}");

    assertThat(loader.load(conf, Map.of()).salesforce().username()).isEmpty();
    assertThat(loader.load(conf, Map.of("HOME", "/fake")).salesforce().username())
        .contains("/fake");
  }

  @Test
  void readsSecretsFromFilesAndTrimsThem() throws IOException {
    Path clientSecret = Files.writeString(dir.resolve("client-secret"), "  s3cr3t-client\n");
    Path password = Files.writeString(dir.resolve("password"), "s3cr3t-password\r\n");
    Path storePassword = Files.writeString(dir.resolve("db"), "s3cr3t-db\n");
    Path token = Files.writeString(dir.resolve("token"), "s3cr3t-token");

    WorkerSettings settings =
        loader.load(
            SHIPPED,
            Map.of(
                "LEAD_ROUTER_SF_CLIENT_SECRET_FILE", clientSecret.toString(),
                "LEAD_ROUTER_SF_PASSWORD_FILE", password.toString(),
                "LEAD_ROUTER_STORE_PASSWORD_FILE", storePassword.toString(),
                "LEAD_ROUTER_ADMIN_TOKEN_FILE", token.toString()));

    assertThat(settings.salesforce().clientSecret()).map(Secret::reveal).contains("s3cr3t-client");
    assertThat(settings.salesforce().password()).map(Secret::reveal).contains("s3cr3t-password");
    assertThat(settings.store().password()).map(Secret::reveal).contains("s3cr3t-db");
    assertThat(settings.admin().token()).map(Secret::reveal).contains("s3cr3t-token");
  }

  @Test
  void readsSecretsFromTheirEnvironmentVariables() {
    WorkerSettings settings =
        loader.load(
            SHIPPED,
            Map.of(
                "LEAD_ROUTER_SF_CLIENT_SECRET", "from-env-client",
                "LEAD_ROUTER_SF_PASSWORD", "from-env-password",
                "LEAD_ROUTER_STORE_PASSWORD", "from-env-db"));

    assertThat(settings.salesforce().clientSecret())
        .map(Secret::reveal)
        .contains("from-env-client");
    assertThat(settings.salesforce().password()).map(Secret::reveal).contains("from-env-password");
    assertThat(settings.store().password()).map(Secret::reveal).contains("from-env-db");
  }

  @Test
  void rejectsASecretWrittenIntoTheConfFile() throws IOException {
    Path conf =
        confIncludingShipped(
            "lead-router.salesforce.client-secret = \"" + KNOWN_SECRET + "\"",
            "lead-router.store.password = \"" + KNOWN_SECRET + "\"");

    assertThatThrownBy(() -> loader.load(conf, Map.of()))
        .isInstanceOfSatisfying(
            ConfigurationException.class,
            thrown ->
                assertThat(thrown.problems())
                    .containsExactly(
                        "lead-router.salesforce.client-secret must come from an environment"
                            + " variable or a file (client-secret-file), not from"
                            + " application.conf (line 2)",
                        "lead-router.store.password must come from an environment variable or a"
                            + " file (password-file), not from application.conf (line 3)"))
        .message()
        .doesNotContain(KNOWN_SECRET);
  }

  @Test
  void aMistypedUrlIsShownWithoutTheCredentialsItCarries() throws IOException {
    // Found by SecretsNeverLeakIT: the problem echoed the whole URL, key and all.
    Path conf =
        confIncludingShipped(
            "lead-router.enrich.provider = http",
            "lead-router.enrich.http.base-url = \"htps://me:" + KNOWN_SECRET + "@enrich.example\"",
            "lead-router.enrich.http.api-key-file = \"/dev/null\"",
            "lead-router.store.url = \"postgresql://me:"
                + KNOWN_SECRET
                + "@db/x?password="
                + KNOWN_SECRET
                + "\"");

    assertThatThrownBy(() -> loader.load(conf, Map.of()))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("lead-router.enrich.http.base-url: must be a web address")
        .hasMessageContaining("(was 'htps://***@enrich.example')")
        .hasMessageContaining("(was 'postgresql://***@db/x?***')")
        .message()
        .doesNotContain(KNOWN_SECRET);
  }

  @Test
  void rejectsASecretPartlyWrittenIntoTheConfFile() throws IOException {
    // The merged origin mentions "env variables" too: only an exact match is from the environment.
    Path conf =
        confIncludingShipped(
            "lead-router.salesforce.password = \"prefix-\"${?LEAD_ROUTER_SF_PASSWORD}");

    assertThatThrownBy(() -> loader.load(conf, Map.of("LEAD_ROUTER_SF_PASSWORD", KNOWN_SECRET)))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("lead-router.salesforce.password must come from an environment")
        .message()
        .doesNotContain(KNOWN_SECRET);
  }

  @Test
  void rejectsASecretGivenBothAsFileAndVariable() throws IOException {
    Path file = Files.writeString(dir.resolve("secret"), "one");

    assertThatThrownBy(
            () ->
                loader.load(
                    SHIPPED,
                    Map.of(
                        "LEAD_ROUTER_SF_CLIENT_SECRET_FILE",
                        file.toString(),
                        "LEAD_ROUTER_SF_CLIENT_SECRET",
                        "two")))
        .isInstanceOfSatisfying(
            ConfigurationException.class,
            thrown ->
                assertThat(thrown.problems())
                    .containsExactly(
                        "lead-router.salesforce.client-secret: set either client-secret-file or"
                            + " the environment variable, not both"));
  }

  @Test
  void reportsMissingAndEmptySecretFiles() throws IOException {
    Path empty = Files.writeString(dir.resolve("empty"), " \n");
    Path missing = dir.resolve("no-such-file");

    assertThatThrownBy(
            () ->
                loader.load(
                    SHIPPED,
                    Map.of(
                        "LEAD_ROUTER_STORE_PASSWORD_FILE", missing.toString(),
                        "LEAD_ROUTER_ADMIN_TOKEN_FILE", empty.toString())))
        .isInstanceOfSatisfying(
            ConfigurationException.class,
            thrown ->
                assertThat(thrown.problems())
                    .containsExactly(
                        "lead-router.store.password-file: file not found: " + missing,
                        "lead-router.admin.token-file: file is empty: " + empty));
  }

  @Test
  void toStringShowsNoSecret() throws IOException {
    Path secretFile = Files.writeString(dir.resolve("secret"), KNOWN_SECRET);

    WorkerSettings settings =
        loader.load(
            SHIPPED,
            Map.of(
                "LEAD_ROUTER_SF_CLIENT_SECRET",
                KNOWN_SECRET,
                "LEAD_ROUTER_SF_PASSWORD_FILE",
                secretFile.toString(),
                "LEAD_ROUTER_STORE_PASSWORD",
                KNOWN_SECRET,
                "LEAD_ROUTER_ADMIN_TOKEN_FILE",
                secretFile.toString()));

    assertThat(settings.salesforce().clientSecret()).map(Secret::reveal).contains(KNOWN_SECRET);
    assertThat(settings.toString()).doesNotContain(KNOWN_SECRET).contains("****");
  }

  @Test
  void reportsEveryBadSettingInOneException() {
    Map<String, String> env =
        Map.ofEntries(
            Map.entry("LEAD_ROUTER_MODE", "SOMETIMES"),
            Map.entry("LEAD_ROUTER_SF_LOGIN_URL", "login.salesforce.com"),
            Map.entry("LEAD_ROUTER_SF_API_VERSION", "62"),
            Map.entry("LEAD_ROUTER_SF_AUTH", "oauth"),
            Map.entry("LEAD_ROUTER_SF_CALL_OPTIONS_CLIENT", "lead router"),
            Map.entry("LEAD_ROUTER_STORE_URL", "postgres://db/leadrouter"),
            Map.entry("LEAD_ROUTER_STORE_POOL_SIZE", "many"),
            Map.entry("LEAD_ROUTER_RULES_SOURCE", "sheet"),
            Map.entry("LEAD_ROUTER_RULES_REFRESH_INTERVAL", "soon"),
            Map.entry("LEAD_ROUTER_PIPELINE_WRITE_BATCH_SIZE", "500"),
            Map.entry("LEAD_ROUTER_PIPELINE_QUEUE_CAPACITY", "0"),
            Map.entry("LEAD_ROUTER_ADMIN_PORT", "70000"),
            Map.entry("LEAD_ROUTER_LOG_FORMAT", "xml"));

    assertThatThrownBy(() -> loader.load(SHIPPED, env))
        .isInstanceOfSatisfying(
            ConfigurationException.class,
            thrown ->
                assertThat(thrown.problems())
                    .containsExactly(
                        "lead-router.mode: must be one of SHADOW, LIVE (was 'SOMETIMES')",
                        "lead-router.salesforce.login-url: must be a web address such as"
                            + " https://login.salesforce.com (was 'login.salesforce.com')",
                        "lead-router.salesforce.api-version: must look like 62.0 (was '62')",
                        "lead-router.salesforce.auth: must be one of jwt, client-credentials,"
                            + " soap-password (was 'oauth')",
                        "lead-router.salesforce.call-options-client: must be letters, digits,"
                            + " '-' or '_' only (was 'lead router')",
                        "lead-router.store.url: must be a JDBC URL such as"
                            + " jdbc:postgresql://host:5432/leadrouter (was"
                            + " 'postgres://db/leadrouter')",
                        "lead-router.store.pool-size: must be a whole number (was 'many')",
                        "lead-router.rules.source: must be one of org, file (was 'sheet')",
                        "lead-router.rules.refresh-interval: must be a duration such as"
                            + " '5 minutes' or '90s' (was 'soon')",
                        "lead-router.pipeline.queue-capacity: must be between 1 and 1000000"
                            + " (was 0)",
                        "lead-router.pipeline.write-batch-size: must be between 1 and 200"
                            + " (was 500)",
                        "lead-router.admin.port: must be between 0 and 65535 (was 70000)",
                        "lead-router.logging.format: must be one of text, json (was 'xml')"))
        .hasMessageStartingWith("Invalid configuration in config/application.conf (13 problems):");
  }

  @Test
  void reportsARefreshIntervalThatIsTooShort() {
    assertThatThrownBy(
            () -> loader.load(SHIPPED, Map.of("LEAD_ROUTER_RULES_REFRESH_INTERVAL", "1s")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining(
            "lead-router.rules.refresh-interval: must be at least 10 seconds (was '1s')");
  }

  @Test
  void requiresTheRulesFileOnlyWhenRulesComeFromAFile() {
    Map<String, String> env = Map.of("LEAD_ROUTER_RULES_FILE", "no/such/rules.yaml");
    assertThat(loader.load(SHIPPED, env).rules().file()).isEqualTo(Path.of("no/such/rules.yaml"));

    assertThatThrownBy(
            () ->
                loader.load(
                    SHIPPED,
                    Map.of(
                        "LEAD_ROUTER_RULES_FILE", "no/such/rules.yaml",
                        "LEAD_ROUTER_RULES_SOURCE", "file")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("lead-router.rules.file: file not found: ")
        .hasMessageContaining("no/such/rules.yaml (needed because source = file)");
  }

  @Test
  void refusesAStoreUrlCarryingUserAndPasswordWithoutRepeatingIt() {
    String url = "jdbc:postgresql://lr:" + KNOWN_SECRET + "@db:5432/leadrouter";

    assertThatThrownBy(() -> loader.load(SHIPPED, Map.of("LEAD_ROUTER_STORE_URL", url)))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("lead-router.store.url: must not contain a user and password")
        .message()
        .doesNotContain(KNOWN_SECRET);
  }

  @Test
  void refusesAStoreUrlCarryingAPasswordWithoutRepeatingIt() {
    String url = "jdbc:postgresql://db/leadrouter?user=lr&password=" + KNOWN_SECRET;

    assertThatThrownBy(() -> loader.load(SHIPPED, Map.of("LEAD_ROUTER_STORE_URL", url)))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("lead-router.store.url: must not contain a password")
        .message()
        .doesNotContain(KNOWN_SECRET);
  }

  @Test
  void reportsAMissingPrivateKeyFile() {
    assertThatThrownBy(
            () ->
                loader.load(
                    SHIPPED, Map.of("LEAD_ROUTER_SF_PRIVATE_KEY_FILE", "no/such/server.key")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("lead-router.salesforce.private-key-file: file not found");
  }

  @Test
  void reportsMisspeltAndMissingSettings() throws IOException {
    Path conf =
        confIncludingShipped(
            "lead-router.pipeline.write-batchsize = 100", "lead-router.admin.bind = null");

    assertThatThrownBy(() -> loader.load(conf, Map.of()))
        .isInstanceOfSatisfying(
            ConfigurationException.class,
            thrown ->
                assertThat(thrown.problems())
                    .containsExactly(
                        "lead-router.admin.bind: is missing",
                        "lead-router.pipeline.write-batchsize: is not a Lead Router setting"
                            + " (misspelt?)"));
  }

  @Test
  void reportsASectionReplacedByAValue() throws IOException {
    Path conf = confIncludingShipped("lead-router.logging = json");

    assertThatThrownBy(() -> loader.load(conf, Map.of()))
        .isInstanceOfSatisfying(
            ConfigurationException.class,
            thrown ->
                assertThat(thrown.problems())
                    .containsExactly(
                        "lead-router.logging.format: is missing",
                        "lead-router.logging: must be a section { ... } holding its settings,"
                            + " not a single value"));
  }

  @Test
  void reportsAMissingOrUnparsableFile() throws IOException {
    Path missing = dir.resolve("absent.conf");
    assertThatThrownBy(() -> loader.load(missing, Map.of()))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("file not found: " + missing);

    Path broken = Files.writeString(dir.resolve("broken.conf"), "lead-router { mode = ");
    assertThatThrownBy(() -> loader.load(broken, Map.of()))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("broken.conf");

    Path empty = Files.writeString(dir.resolve("empty.conf"), "");
    assertThatThrownBy(() -> loader.load(empty, Map.of()))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("lead-router: is missing");
  }

  @Test
  void refusesPlainHttpToAnyHostButLoopbackNamingEachSetting() throws IOException {
    Path conf =
        confIncludingShipped(
            "lead-router.salesforce.login-url = \"http://example.com\"",
            "lead-router.salesforce.instance-url = \"http://acme.my.salesforce.com\"",
            "lead-router.enrich.provider = http",
            "lead-router.enrich.http.base-url = \"http://api.enrichment.example\"",
            "lead-router.enrich.http.api-key-file = \"/dev/null\"");

    assertThatThrownBy(
            () ->
                loader.load(
                    conf,
                    Map.of(
                        "LEAD_ROUTER_SLA_WEBHOOK_URL",
                        "http://hooks.slack.example/services/T/B/" + KNOWN_SECRET)))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining(
            "lead-router.salesforce.login-url: must use https:// (plain http:// is allowed only"
                + " for a loopback address")
        .hasMessageContaining("(was 'http://example.com')")
        .hasMessageContaining("lead-router.salesforce.instance-url: must use https://")
        .hasMessageContaining("lead-router.enrich.http.base-url: must use https://")
        .hasMessageContaining("lead-router.sla.notify.webhook-url: must use https://")
        .message()
        .doesNotContain(KNOWN_SECRET);
  }

  @Test
  void acceptsPlainHttpOnLoopbackWhereTheEmulatorRuns() throws IOException {
    for (String loopback :
        List.of("http://127.0.0.1:8443", "http://localhost:8443", "http://[::1]:8443")) {
      Path conf =
          confIncludingShipped(
              "lead-router.salesforce.login-url = \"" + loopback + "\"",
              "lead-router.salesforce.instance-url = \"" + loopback + "\"");

      assertThat(loader.load(conf, Map.of()).salesforce().loginUrl()).hasToString(loopback);
    }
  }

  @Test
  void aLoopbackLookalikeHostIsStillRefusedOverPlainHttp() throws IOException {
    // Judged by spelling, never by DNS: these are remote hosts whatever they resolve to.
    for (String lookalike :
        List.of(
            "http://127.0.0.1.example.com", "http://localhost.example.com", "http://10.0.0.1")) {
      Path conf = confIncludingShipped("lead-router.salesforce.login-url = \"" + lookalike + "\"");

      assertThatThrownBy(() -> loader.load(conf, Map.of()))
          .hasMessageContaining("lead-router.salesforce.login-url: must use https://");
    }
  }

  /** An application.conf that includes the shipped one and then adds the given lines. */
  @Test
  void highAvailabilityFollowsTheStoreUnlessTold() throws IOException {
    assertThat(loader.load(SHIPPED, Map.of()).ha()).isEqualTo(HaSettings.defaults());
    HaSettings ha =
        loader
            .load(
                SHIPPED,
                Map.of(
                    "LEAD_ROUTER_STORE_URL", "jdbc:postgresql://db.internal:5432/leadrouter",
                    "LEAD_ROUTER_HA_TTL", "9s",
                    "LEAD_ROUTER_HA_RENEW_INTERVAL", "3s"))
            .ha();
    assertThat(ha.activeFor("jdbc:postgresql://db.internal:5432/leadrouter")).isTrue();
    assertThat(ha.ttl()).isEqualTo(Duration.ofSeconds(9));
    assertThat(ha.renewInterval()).isEqualTo(Duration.ofSeconds(3));
    assertThat(HaSettings.defaults().activeFor("jdbc:h2:file:./data/lead-router")).isFalse();
  }

  @Test
  void highAvailabilityOnAnH2FileOrWithATooShortTtlIsRefused() throws IOException {
    Path conf =
        confIncludingShipped(
            "lead-router.ha.enabled = true",
            "lead-router.ha.renew-interval = 5s",
            "lead-router.ha.ttl = 6s");

    assertThatThrownBy(() -> loader.load(conf, Map.of()))
        .isInstanceOfSatisfying(
            ConfigurationException.class,
            thrown ->
                assertThat(thrown.problems())
                    .anySatisfy(p -> assertThat(p).contains("lead-router.ha.ttl", "twice"))
                    .anySatisfy(
                        p -> assertThat(p).contains("lead-router.ha.enabled", "PostgreSQL")));
  }

  @Test
  void highAvailabilityCanBeSwitchedOffAndAnUnknownValueIsNamed() throws IOException {
    assertThat(
            loader
                .load(confIncludingShipped("lead-router.ha.enabled = false"), Map.of())
                .ha()
                .activeFor("jdbc:postgresql://db/leadrouter"))
        .isFalse();
    assertThatThrownBy(
            () -> loader.load(confIncludingShipped("lead-router.ha.enabled = sometimes"), Map.of()))
        .hasMessageContaining("lead-router.ha.enabled")
        .hasMessageContaining("sometimes");
  }

  @Test
  void salesforceCallTimeoutsAndRetriesAreSettingsAndBadOnesAreNamed() throws IOException {
    assertThat(loader.load(SHIPPED, Map.of()).calls()).isEqualTo(SalesforceCallSettings.defaults());
    SalesforceCallSettings calls =
        loader
            .load(
                confIncludingShipped(
                    "lead-router.salesforce.calls.request-timeout = 20s",
                    "lead-router.salesforce.calls.max-attempts = 6"),
                Map.of("LEAD_ROUTER_SF_BUDGET_WAIT", "5s"))
            .calls();
    assertThat(calls.budgetWait()).isEqualTo(Duration.ofSeconds(5));
    assertThat(calls.requestTimeout()).isEqualTo(Duration.ofSeconds(20));
    assertThat(calls.maxAttempts()).isEqualTo(6);
    assertThat(calls.connectTimeout()).isEqualTo(Duration.ofSeconds(10));

    assertThatThrownBy(
            () ->
                loader.load(
                    confIncludingShipped(
                        "lead-router.salesforce.calls.max-attempts = 0",
                        "lead-router.salesforce.calls.budget-wait = soon"),
                    Map.of()))
        .isInstanceOfSatisfying(
            ConfigurationException.class,
            thrown ->
                assertThat(thrown.problems())
                    .anySatisfy(
                        p -> assertThat(p).contains("lead-router.salesforce.calls.max-attempts"))
                    .anySatisfy(
                        p ->
                            assertThat(p)
                                .contains("lead-router.salesforce.calls.budget-wait", "soon")));
  }

  private Path confIncludingShipped(String... lines) throws IOException {
    String include = "include file(\"" + SHIPPED.toAbsolutePath() + "\")";
    return Files.writeString(
        dir.resolve("application.conf"), include + "\n" + String.join("\n", lines) + "\n");
  }
}
