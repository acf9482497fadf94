package dev.leadrouter.worker;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.util.Modules;
import dev.leadrouter.admin.AdminAction;
import dev.leadrouter.admin.AdminModule;
import dev.leadrouter.admin.AdminServer;
import dev.leadrouter.admin.HealthIndicator;
import dev.leadrouter.capture.InitialReplay;
import dev.leadrouter.config.ClockModule;
import dev.leadrouter.config.ConfigModule;
import dev.leadrouter.config.WorkerSettings;
import dev.leadrouter.engine.EngineModule;
import dev.leadrouter.match.MatchModule;
import dev.leadrouter.route.RuleSet;
import dev.leadrouter.salesforce.SalesforceClientSettings;
import dev.leadrouter.salesforce.SalesforceModule;
import dev.leadrouter.store.Database;
import dev.leadrouter.store.StoreModule;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A worker put together from its settings and rule set: every stage's module, the store opened and
 * migrated. Closing it stops the worker and then closes the store.
 */
public final class WorkerAssembly implements AutoCloseable {

  private final Injector injector;
  private volatile boolean workerMade;
  private volatile AdminServer admin;

  private WorkerAssembly(Injector injector) {
    this.injector = injector;
  }

  /**
   * Assembles a worker (not started).
   *
   * @param overrides bindings that replace the stages' own, e.g. faster writer settings in tests
   */
  public static WorkerAssembly create(
      WorkerSettings settings,
      RuleSet ruleSet,
      MeterRegistry meters,
      Clock clock,
      SalesforceClientSettings client,
      InitialReplay initialReplay,
      Module... overrides) {
    Objects.requireNonNull(ruleSet, "ruleSet");
    return create(settings, () -> ruleSet, meters, clock, client, initialReplay, overrides);
  }

  /**
   * Assembles a worker (not started) whose rules may change while it runs.
   *
   * @param ruleSet the rules in force, asked for every lead
   */
  public static WorkerAssembly create(
      WorkerSettings settings,
      Supplier<RuleSet> ruleSet,
      MeterRegistry meters,
      Clock clock,
      SalesforceClientSettings client,
      InitialReplay initialReplay,
      Module... overrides) {
    return assemble(
        settings,
        ruleSet,
        new AbstractModule() {
          @Override
          protected void configure() {
            bind(MeterRegistry.class).toInstance(meters);
          }
        },
        clock,
        client,
        initialReplay,
        overrides);
  }

  /**
   * Assembles a worker (not started) whose meters go to the Prometheus registry that the admin
   * endpoint ({@link #startAdmin}) serves, with the worker's health indicators.
   */
  public static WorkerAssembly withAdmin(
      WorkerSettings settings,
      RuleSet ruleSet,
      Clock clock,
      SalesforceClientSettings client,
      InitialReplay initialReplay,
      Module... overrides) {
    Objects.requireNonNull(ruleSet, "ruleSet");
    return assemble(
        settings, () -> ruleSet, new AdminModule(), clock, client, initialReplay, overrides);
  }

  /**
   * Assembles a worker (not started) whose meters go to {@code meters}, which the admin endpoint
   * ({@link #startAdmin}) serves with the JVM's meters; {@code extras} may add health indicators
   * and admin actions to their multibinders (e.g. the org rules' reload).
   */
  public static WorkerAssembly withAdmin(
      WorkerSettings settings,
      Supplier<RuleSet> ruleSet,
      PrometheusMeterRegistry meters,
      Clock clock,
      SalesforceClientSettings client,
      InitialReplay initialReplay,
      Module... extras) {
    return assemble(
        settings,
        ruleSet,
        new AbstractModule() {
          @Override
          protected void configure() {
            Multibinder.newSetBinder(binder(), AdminAction.class);
            Multibinder.newSetBinder(binder(), dev.leadrouter.admin.ConsolePage.class);
            Multibinder.newSetBinder(binder(), HealthIndicator.class);
            bind(PrometheusMeterRegistry.class).toInstance(meters);
            bind(MeterRegistry.class).toInstance(meters);
            bind(AdminServer.class).in(Singleton.class);
            new JvmMemoryMetrics().bindTo(meters);
            new JvmThreadMetrics().bindTo(meters);
            new ClassLoaderMetrics().bindTo(meters);
            new ProcessorMetrics().bindTo(meters);
            new UptimeMetrics().bindTo(meters);
          }
        },
        clock,
        client,
        initialReplay,
        extras);
  }

  private static WorkerAssembly assemble(
      WorkerSettings settings,
      Supplier<RuleSet> ruleSet,
      Module meters,
      Clock clock,
      SalesforceClientSettings client,
      InitialReplay initialReplay,
      Module... overrides) {
    Module stages =
        Modules.combine(
            new ClockModule(clock),
            new ConfigModule(settings),
            new EngineModule(),
            // The worker matches accounts and duplicates; file tools and golden tests do not.
            new MatchModule(),
            new SalesforceModule(client),
            new StoreModule(),
            new WorkerModule(ruleSet, initialReplay),
            meters);
    return new WorkerAssembly(
        Guice.createInjector(Modules.override(stages).with(List.of(overrides))));
  }

  public Worker worker() {
    workerMade = true;
    return injector.getInstance(Worker.class);
  }

  /**
   * Starts the ops endpoint (health and metrics); only for an assembly made {@link #withAdmin}.
   * Closing the assembly stops it, last, so an orchestrator sees the worker go down.
   */
  public AdminServer startAdmin() {
    AdminServer server = injector.getInstance(AdminServer.class);
    server.start();
    admin = server;
    return server;
  }

  /** For dead-letter replay and tests: any part of the assembled worker. */
  public <T> T get(Class<T> type) {
    return injector.getInstance(type);
  }

  /** Stops the worker, waiting up to {@code timeout} for it to drain, then closes the store. */
  public void close(Duration timeout) throws Exception {
    try {
      if (workerMade) {
        worker().close(timeout);
      }
    } finally {
      try {
        injector.getInstance(Database.class).close();
      } finally {
        if (admin != null) {
          admin.close();
        }
      }
    }
  }

  @Override
  public void close() throws Exception {
    close(Duration.ofSeconds(30));
  }
}
