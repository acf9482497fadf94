package dev.leadrouter.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigResolveOptions;
import com.typesafe.config.ConfigValueFactory;
import com.typesafe.config.ConfigValueType;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads {@code application.conf} into {@link WorkerSettings}, checking every setting and reporting
 * all problems together in one {@link ConfigurationException}.
 *
 * <p>{@code ${?VAR}} substitutions are resolved against the environment map passed in, never
 * against {@link System#getenv()} directly, so tests can hand in a made-up environment; the command
 * line passes the real one.
 */
public final class WorkerSettingsLoader {

  private static final String ROOT = "lead-router";
  private static final String SALESFORCE = ROOT + ".salesforce";
  private static final String STORE = ROOT + ".store";
  private static final String RULES = ROOT + ".rules";
  private static final String PIPELINE = ROOT + ".pipeline";
  private static final String ADMIN = ROOT + ".admin";
  private static final String ENRICH = ROOT + ".enrich";
  private static final String SLA = ROOT + ".sla";
  private static final String HA = ROOT + ".ha";

  private static final Pattern API_VERSION = Pattern.compile("[1-9][0-9]*\\.0");
  private static final Pattern CLIENT_NAME = Pattern.compile("[A-Za-z0-9_-]+");
  private static final Pattern JDBC_URL = Pattern.compile("jdbc:[A-Za-z0-9]+:.+");
  private static final Pattern JDBC_USER_INFO = Pattern.compile("//[^/?#@]*:[^/?#@]*@");
  // A rule refresh costs API calls; more often than this would eat the org's daily budget.
  private static final Duration MIN_RULES_REFRESH = Duration.ofSeconds(10);

  /**
   * Loads and validates the settings.
   *
   * @param confFile the HOCON file, e.g. {@code config/application.conf}
   * @param environment the variables {@code ${?VAR}} may refer to, normally {@code System.getenv()}
   * @throws ConfigurationException naming every bad or missing setting
   */
  public WorkerSettings load(Path confFile, Map<String, String> environment) {
    Config config = parse(confFile, environment);
    try {
      return read(new SettingReader(config), confFile);
    } catch (ConfigException unexpectedShape) {
      // The readers check types before asking; this is a safety net, not the reporting path.
      throw new ConfigurationException(confFile.toString(), List.of(unexpectedShape.getMessage()));
    }
  }

  private WorkerSettings read(SettingReader reader, Path confFile) {
    if (reader
        .rawValue(ROOT)
        .filter(root -> root.valueType() == ConfigValueType.OBJECT)
        .isEmpty()) {
      throw new ConfigurationException(
          confFile.toString(), List.of(ROOT + ": is missing (no lead-router { ... } section)"));
    }
    Mode mode = reader.enumValue(ROOT + ".mode", Mode.class, Mode::name);
    SalesforceSettings salesforce = salesforce(reader);
    StoreSettings store = store(reader);
    RulesSettings rules = rules(reader);
    PipelineSettings pipeline = pipeline(reader);
    AdminSettings admin = admin(reader);
    EnrichSettings enrich = new EnrichSettingsReader(reader, ENRICH).read();
    SlaSettings sla = new SlaSettingsReader(reader, SLA).read();
    HaSettings ha = ha(reader, store);
    SalesforceCallSettings calls = calls(reader);
    LogFormat format =
        reader.enumValue(ROOT + ".logging.format", LogFormat.class, SettingReader::kebabCase);
    reader.reportUnreadSettings(ROOT);
    if (reader.problemCount() > 0) {
      throw new ConfigurationException(confFile.toString(), reader.problems());
    }
    return new WorkerSettings(
        mode,
        salesforce,
        store,
        rules,
        pipeline,
        admin,
        new LoggingSettings(format),
        enrich,
        sla,
        ha,
        calls);
  }

  private Config parse(Path confFile, Map<String, String> environment) {
    if (!Files.isRegularFile(confFile)) {
      throw new ConfigurationException(
          confFile.toString(), List.of("file not found: " + confFile.toAbsolutePath()));
    }
    try {
      Config file =
          ConfigFactory.parseFile(
              confFile.toFile(), ConfigParseOptions.defaults().setAllowMissing(false));
      // The environment goes in as the lowest layer, so ${?VAR} finds it when the file does not
      // define VAR itself. Config.resolveWith(environment) would look neater but throws
      // BugOrBroken on the "key = default, key = ${?VAR}" pattern used throughout the file.
      Config variables =
          ConfigValueFactory.fromMap(withoutBlanks(environment), SecretReader.ENVIRONMENT_ORIGIN)
              .toConfig();
      return file.withFallback(variables).resolve(ConfigResolveOptions.noSystem());
    } catch (ConfigException unreadable) {
      throw new ConfigurationException(confFile.toString(), List.of(unreadable.getMessage()));
    }
  }

  // An empty variable (as Compose passes for "${VAR:-}") counts as unset: the default stays.
  private Map<String, String> withoutBlanks(Map<String, String> environment) {
    Map<String, String> set = new HashMap<>();
    environment.forEach(
        (name, value) -> {
          if (value != null && !value.isBlank()) {
            set.put(name, value);
          }
        });
    return set;
  }

  private SalesforceSettings salesforce(SettingReader reader) {
    int before = reader.problemCount();
    SecretReader secrets = new SecretReader(reader);
    String p = SALESFORCE + ".";
    URI loginUrl = reader.requiredHttpUrl(p + "login-url", "https://login.salesforce.com");
    Optional<URI> instanceUrl =
        reader.optionalHttpUrl(p + "instance-url", "https://yourcompany.my.salesforce.com");
    String apiVersion = reader.requiredString(p + "api-version");
    if (apiVersion != null && !API_VERSION.matcher(apiVersion).matches()) {
      reader.problem(p + "api-version", "must look like 62.0 (was '" + apiVersion + "')");
    }
    AuthMethod auth = reader.enumValue(p + "auth", AuthMethod.class, SettingReader::kebabCase);
    Optional<String> clientId = reader.optionalString(p + "client-id");
    Optional<String> username = reader.optionalString(p + "username");
    Optional<Path> privateKeyFile = reader.optionalPath(p + "private-key-file");
    privateKeyFile
        .filter(file -> !Files.isReadable(file))
        .ifPresent(
            file ->
                reader.problem(
                    p + "private-key-file",
                    "file not found or not readable: " + file.toAbsolutePath()));
    Optional<Secret> clientSecret = secrets.read(SALESFORCE, "client-secret");
    Optional<Secret> password = secrets.read(SALESFORCE, "password");
    String client = reader.requiredString(p + "call-options-client");
    if (client != null && !CLIENT_NAME.matcher(client).matches()) {
      reader.problem(
          p + "call-options-client",
          "must be letters, digits, '-' or '_' only (was '" + client + "')");
    }
    if (reader.problemCount() > before) {
      return null;
    }
    return new SalesforceSettings(
        loginUrl,
        instanceUrl,
        apiVersion,
        auth,
        clientId,
        username,
        privateKeyFile,
        clientSecret,
        password,
        client);
  }

  private StoreSettings store(SettingReader reader) {
    int before = reader.problemCount();
    String url = reader.requiredString(STORE + ".url");
    if (url != null && !JDBC_URL.matcher(url).matches()) {
      reader.problem(
          STORE + ".url",
          "must be a JDBC URL such as jdbc:postgresql://host:5432/leadrouter (was '"
              + UrlRedaction.redact(url)
              + "')");
    } else if (url != null && JDBC_USER_INFO.matcher(url).find()) {
      // Same reason as below; the value is not echoed.
      reader.problem(
          STORE + ".url",
          "must not contain a user and password (user:password@); use username, and"
              + " password-file or LEAD_ROUTER_STORE_PASSWORD");
    } else if (url != null && url.toLowerCase(Locale.ROOT).contains("password=")) {
      // The URL is logged and shown on the admin pages; the value is deliberately not echoed.
      reader.problem(
          STORE + ".url",
          "must not contain a password; use password-file or LEAD_ROUTER_STORE_PASSWORD");
    }
    Optional<String> username = reader.optionalString(STORE + ".username");
    Optional<Secret> password = new SecretReader(reader).read(STORE, "password");
    int poolSize = reader.intBetween(STORE + ".pool-size", 1, 100);
    return reader.problemCount() > before
        ? null
        : new StoreSettings(url, username, password, poolSize);
  }

  private RulesSettings rules(SettingReader reader) {
    int before = reader.problemCount();
    RulesSource source =
        reader.enumValue(RULES + ".source", RulesSource.class, SettingReader::kebabCase);
    Path file = reader.requiredPath(RULES + ".file");
    if (source == RulesSource.FILE && file != null && !Files.isRegularFile(file)) {
      reader.problem(
          RULES + ".file",
          "file not found: " + file.toAbsolutePath() + " (needed because source = file)");
    }
    Duration refresh =
        reader.durationAtLeast(RULES + ".refresh-interval", MIN_RULES_REFRESH, "10 seconds");
    return reader.problemCount() > before ? null : new RulesSettings(source, file, refresh);
  }

  private PipelineSettings pipeline(SettingReader reader) {
    int before = reader.problemCount();
    int queueCapacity = reader.intBetween(PIPELINE + ".queue-capacity", 1, 1_000_000);
    int writeBatchSize =
        reader.intBetween(PIPELINE + ".write-batch-size", 1, PipelineSettings.MAX_WRITE_BATCH_SIZE);
    int bulkThreshold = reader.intBetween(PIPELINE + ".bulk-threshold", 1, Integer.MAX_VALUE);
    return reader.problemCount() > before
        ? null
        : new PipelineSettings(queueCapacity, writeBatchSize, bulkThreshold);
  }

  /** Optional as a whole and in each part: files written before it existed get the defaults. */
  private HaSettings ha(SettingReader reader, StoreSettings store) {
    HaSettings defaults = HaSettings.defaults();
    if (reader.rawValue(HA).isEmpty()) {
      return defaults;
    }
    int before = reader.problemCount();
    HaSettings.Enabled enabled = defaults.enabled();
    Optional<String> text = reader.optionalString(HA + ".enabled");
    if (text.isPresent()) {
      switch (text.get().toLowerCase(Locale.ROOT)) {
        case "auto" -> enabled = HaSettings.Enabled.AUTO;
        case "true", "yes", "on" -> enabled = HaSettings.Enabled.TRUE;
        case "false", "no", "off" -> enabled = HaSettings.Enabled.FALSE;
        default ->
            reader.problem(
                HA + ".enabled", "must be auto, true or false (was '" + text.get() + "')");
      }
    }
    Duration acquire = haDuration(reader, "acquire-interval", defaults.acquireInterval());
    Duration renew = haDuration(reader, "renew-interval", defaults.renewInterval());
    Duration ttl = haDuration(reader, "ttl", defaults.ttl());
    if (renew != null && ttl != null && ttl.compareTo(renew.multipliedBy(2)) < 0) {
      reader.problem(
          HA + ".ttl",
          "must be at least twice renew-interval ("
              + renew.toMillis()
              + " ms), or one late renewal hands the lease to the standby");
    }
    if (enabled == HaSettings.Enabled.TRUE
        && store != null
        && !HaSettings.isPostgres(store.jdbcUrl())) {
      reader.problem(
          HA + ".enabled",
          "true needs a PostgreSQL store (lead-router.store.url = jdbc:postgresql://...); an H2"
              + " file is opened by one process only");
    }
    return reader.problemCount() > before ? null : new HaSettings(enabled, acquire, renew, ttl);
  }

  private SalesforceCallSettings calls(SettingReader reader) {
    SalesforceCallSettings defaults = SalesforceCallSettings.defaults();
    String calls = SALESFORCE + ".calls";
    if (reader.rawValue(calls).isEmpty()) {
      return defaults;
    }
    int before = reader.problemCount();
    SalesforceCallSettings read =
        new SalesforceCallSettings(
            callDuration(reader, calls + ".connect-timeout", defaults.connectTimeout()),
            callDuration(reader, calls + ".request-timeout", defaults.requestTimeout()),
            callAttempts(reader, calls + ".max-attempts", defaults.maxAttempts()),
            callDuration(reader, calls + ".initial-wait", defaults.initialWait()),
            callAttempts(reader, calls + ".budget-max-attempts", defaults.budgetMaxAttempts()),
            callDuration(reader, calls + ".budget-wait", defaults.budgetWait()));
    return reader.problemCount() > before ? defaults : read;
  }

  private Duration callDuration(SettingReader reader, String path, Duration fallback) {
    if (reader.rawValue(path).isEmpty()) {
      return fallback;
    }
    Duration read = reader.durationAtLeast(path, Duration.ofMillis(1), "1 ms");
    return read == null ? fallback : read;
  }

  private int callAttempts(SettingReader reader, String path, int fallback) {
    return reader.rawValue(path).isEmpty() ? fallback : reader.intBetween(path, 1, 100);
  }

  private Duration haDuration(SettingReader reader, String name, Duration fallback) {
    String path = HA + "." + name;
    return reader.rawValue(path).isPresent()
        ? reader.durationAtLeast(path, Duration.ofMillis(100), "100 ms")
        : fallback;
  }

  private AdminSettings admin(SettingReader reader) {
    int before = reader.problemCount();
    String bind = reader.requiredString(ADMIN + ".bind");
    int port = reader.intBetween(ADMIN + ".port", 0, 65_535);
    Optional<Secret> token = new SecretReader(reader).read(ADMIN, "token");
    return reader.problemCount() > before ? null : new AdminSettings(bind, port, token);
  }
}
