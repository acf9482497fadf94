package dev.leadrouter.worker;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.util.Modules;
import dev.leadrouter.admin.AdminModule;
import dev.leadrouter.admin.AdminServer;
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
import java.time.Clock;
import java.time.Duration;
import java.util.List;

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
    return assemble(settings, ruleSet, new AdminModule(), clock, client, initialReplay, overrides);
  }

  private static WorkerAssembly assemble(
      WorkerSettings settings,
      RuleSet ruleSet,
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
