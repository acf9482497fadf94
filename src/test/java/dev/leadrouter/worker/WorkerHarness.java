package dev.leadrouter.worker;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import dev.leadrouter.capture.InitialReplay;
import dev.leadrouter.config.AdminSettings;
import dev.leadrouter.config.AuthMethod;
import dev.leadrouter.config.LogFormat;
import dev.leadrouter.config.LoggingSettings;
import dev.leadrouter.config.Mode;
import dev.leadrouter.config.PipelineSettings;
import dev.leadrouter.config.RulesSettings;
import dev.leadrouter.config.RulesSource;
import dev.leadrouter.config.SalesforceSettings;
import dev.leadrouter.config.Secret;
import dev.leadrouter.config.StoreSettings;
import dev.leadrouter.config.WorkerSettings;
import dev.leadrouter.config.YamlRuleSetLoader;
import dev.leadrouter.route.RuleSet;
import dev.leadrouter.salesforce.SalesforceClientSettings;
import dev.leadrouter.write.WriterSettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/** Builds workers against a {@link TestOrg} and a store, as {@code lead-router run} would. */
final class WorkerHarness {

  static final RuleSet RULES =
      new YamlRuleSetLoader().load(Path.of("src/test/resources/worker/rules.yaml"));

  /** Quick retries, so tests of failures do not wait for production backoffs. */
  static final SalesforceClientSettings CLIENT =
      new SalesforceClientSettings(
          Duration.ofSeconds(5),
          Duration.ofSeconds(20),
          3,
          Duration.ofMillis(10),
          2.0,
          0.1,
          2,
          Duration.ofMillis(50));

  private final TestOrg org;
  private final StoreSettings store;
  private final Clock clock;
  final SimpleMeterRegistry meters = new SimpleMeterRegistry();

  private final String clientId;
  private final String clientSecret;

  /** Workers that sign in to {@code org} as the connected app it was started with. */
  WorkerHarness(TestOrg org, StoreSettings store, Clock clock) {
    this.clientId = org.clientId();
    this.clientSecret = org.clientSecret();
    this.org = org;
    this.store = store;
    this.clock = clock;
  }

  static StoreSettings h2In(Path directory) {
    return new StoreSettings(
        "jdbc:h2:file:" + directory.resolve("lead-router").toAbsolutePath() + ";MODE=PostgreSQL",
        Optional.empty(),
        Optional.empty(),
        4);
  }

  WorkerSettings settings(Mode mode, int bulkThreshold) {
    return new WorkerSettings(
        mode,
        new SalesforceSettings(
            org.instanceUrl(),
            Optional.empty(),
            "62.0",
            AuthMethod.CLIENT_CREDENTIALS,
            Optional.of(clientId),
            Optional.empty(),
            Optional.empty(),
            Optional.of(new Secret(clientSecret)),
            Optional.empty(),
            "lead-router"),
        store,
        new RulesSettings(RulesSource.FILE, Path.of("unused.yaml"), Duration.ofMinutes(5)),
        new PipelineSettings(1000, 200, bulkThreshold),
        new AdminSettings("127.0.0.1", 0, Optional.empty()),
        new LoggingSettings(LogFormat.TEXT));
  }

  /** Live settings with SLA tracking as {@code config/application.conf} ships it. */
  WorkerSettings settingsWithShippedSla() {
    WorkerSettings plain = settings(Mode.LIVE, 2000);
    return new WorkerSettings(
        plain.mode(),
        plain.salesforce(),
        plain.store(),
        plain.rules(),
        plain.pipeline(),
        plain.admin(),
        plain.logging(),
        plain.enrich(),
        new dev.leadrouter.config.WorkerSettingsLoader()
            .load(Path.of("config/application.conf"), java.util.Map.of())
            .sla());
  }

  WorkerAssembly assemble(Mode mode, InitialReplay replay, Module... overrides) {
    return WorkerAssembly.create(
        settings(mode, 2000), RULES, meters, clock, CLIENT, replay, overrides);
  }

  /** A live worker with these enrichment settings (e.g. holding leads for fields). */
  WorkerAssembly assembleWith(dev.leadrouter.config.EnrichSettings enrich) {
    WorkerSettings base = settings(Mode.LIVE, 2000);
    WorkerSettings withEnrich =
        new WorkerSettings(
            base.mode(),
            base.salesforce(),
            base.store(),
            base.rules(),
            base.pipeline(),
            base.admin(),
            base.logging(),
            enrich);
    return WorkerAssembly.create(withEnrich, RULES, meters, clock, CLIENT, InitialReplay.NEW_ONLY);
  }

  /**
   * A worker with the given rules, metrics in the Prometheus registry its admin endpoint serves.
   */
  WorkerAssembly assembleWithAdmin(RuleSet rules, Module... overrides) {
    return WorkerAssembly.withAdmin(
        settings(Mode.LIVE, 2000), rules, clock, CLIENT, InitialReplay.NEW_ONLY, overrides);
  }

  /** Writer settings under which nothing is written until the worker stops: a stalled writer. */
  static Module stalledWriter() {
    return writer(
        WriterSettings.from(new PipelineSettings(1000, 200, 2000))
            .withWindow(Duration.ofMinutes(10), Duration.ofMinutes(10)));
  }

  static Module writer(WriterSettings settings) {
    return new AbstractModule() {
      @Override
      protected void configure() {
        bind(WriterSettings.class).toInstance(settings);
      }
    };
  }
}
