package dev.leadrouter.cli;

import com.google.inject.AbstractModule;
import com.google.inject.Inject;
import com.google.inject.multibindings.Multibinder;
import dev.leadrouter.admin.AdminAction;
import dev.leadrouter.admin.AdminServer;
import dev.leadrouter.admin.HealthIndicator;
import dev.leadrouter.capture.InitialReplay;
import dev.leadrouter.config.WorkerSettings;
import dev.leadrouter.console.ConsoleModule;
import dev.leadrouter.console.RulesInForce;
import dev.leadrouter.ha.Leadership;
import dev.leadrouter.route.RuleSet;
import dev.leadrouter.rules.LoadedRules;
import dev.leadrouter.rules.RuleSetProvider;
import dev.leadrouter.rules.RulesHealth;
import dev.leadrouter.rules.RulesReloadAction;
import dev.leadrouter.salesforce.SalesforceClientSettings;
import dev.leadrouter.salesforce.SalesforceException;
import dev.leadrouter.worker.Worker;
import dev.leadrouter.worker.WorkerAssembly;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Runs the worker until SIGTERM or Ctrl-C. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the worker: signs in to the org, subscribes to new leads from the last checkpoint,",
      "routes each one, records why, and writes the owner back. Stops cleanly on SIGTERM or",
      "Ctrl-C: what was decided is written, or written at the next start.",
      "The admin endpoint (lead-router.admin.bind/port) also serves the ops console at",
      "/console/ (its URL is printed at start): routing log search, why each lead went where",
      "it did, counters, SLA board, shadow vs actual, rules, dead letters with replay."
    })
final class RunCommand implements Callable<Integer> {

  @Mixin WorkerOptions options;

  @Option(
      names = "--shadow",
      description = "Shadow mode: route and log every lead, write nothing to Salesforce.")
  boolean shadow;

  @Spec CommandSpec spec;

  /** Exit code of a worker that another took the lease from: restart it, and it stands by. */
  static final int LOST_LEASE = 3;

  private final Clock clock;

  @Inject
  RunCommand(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Integer call() throws Exception {
    WorkerSettings settings = options.settings(shadow);
    WorkerOptions.applyLogFormat(settings);
    // Kept in memory, and served on the admin endpoint when it runs.
    PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    // The rules in force: a fixed YAML file, or the org's records kept fresh by a provider.
    RuleSetProvider provider =
        options.rulesFromOrg() ? OrgRulesAtWork.provider(settings, clock, meters) : null;
    Supplier<RuleSet> rules;
    if (provider != null) {
      LoadedRules loaded;
      try {
        loaded = provider.start();
      } catch (IllegalStateException unreadable) {
        throw new InputException(
            unreadable.getMessage()
                + "; are the Custom Metadata types of config/salesforce deployed and the"
                + " permission set Lead_Router_Integration assigned?");
      }
      if (!shadow && loaded.mode().isPresent()) {
        // The org's Routing Setting decides the mode; only --shadow overrides it.
        settings = settings.withMode(loaded.mode().get());
      }
      rules = provider;
    } else {
      RuleSet fixed = options.ruleSet(settings);
      rules = () -> fixed;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    // One ops endpoint: the worker's health and metrics, and the org rules' health and reload.
    WorkerAssembly assembly =
        WorkerAssembly.withAdmin(
            settings,
            rules,
            meters,
            clock,
            SalesforceClientSettings.of(settings.calls()),
            InitialReplay.NEW_ONLY,
            new ConsoleModule(
                provider != null
                    ? RulesInForce.reloaded("the org's routing metadata", provider)
                    : RulesInForce.fixed(String.valueOf(settings.rules().file()), rules)),
            new AbstractModule() {
              @Override
              protected void configure() {
                if (provider != null) {
                  Multibinder.newSetBinder(binder(), HealthIndicator.class)
                      .addBinding()
                      .toInstance(new RulesHealth(provider));
                  Multibinder.newSetBinder(binder(), AdminAction.class)
                      .addBinding()
                      .toInstance(new RulesReloadAction(provider));
                }
              }
            });
    Runnable closeRules =
        () -> {
          if (provider != null) {
            provider.close();
          }
        };
    Thread hook =
        new Thread(
            () -> {
              closeQuietly(assembly);
              closeRules.run();
              stopped.countDown();
            },
            "worker-shutdown");
    Worker worker;
    AdminServer admin;
    PrintWriter err = spec.commandLine().getErr();
    // Told once, on the leadership thread, if another worker takes the lease from this one.
    AtomicBoolean lostLease = new AtomicBoolean();
    Leadership leadership;
    try {
      worker = assembly.worker();
      leadership = assembly.get(Leadership.class);
      leadership.onLost(
          () -> {
            lostLease.set(true);
            stopped.countDown();
          });
      if (leadership.role() == Leadership.Role.STANDBY) {
        // A standby answers health checks while it waits, and SIGTERM ends the wait.
        admin = assembly.startAdmin();
        Runtime.getRuntime().addShutdownHook(hook);
        err.printf(
            "lead-router standing by; health and metrics at %s; takes over when the active worker"
                + " stops%n",
            admin.uri());
        err.flush();
        worker.start();
      } else {
        worker.start();
        admin = assembly.startAdmin();
        Runtime.getRuntime().addShutdownHook(hook);
      }
    } catch (IllegalStateException adminUnavailable) {
      removeHook(hook);
      closeQuietly(assembly);
      closeRules.run();
      throw new InputException("could not start the worker: " + adminUnavailable.getMessage());
    } catch (SalesforceException | com.google.inject.ProvisionException signInFailed) {
      removeHook(hook);
      closeQuietly(assembly);
      closeRules.run();
      throw new InputException("could not start the worker: " + rootMessage(signInFailed));
    }
    if (leadership.role() == Leadership.Role.STANDBY) {
      // SIGTERM while standing by: start() returned without starting, and the hook closes the rest.
      stopped.await();
      return 0;
    }
    err.printf(
        "lead-router running in %s mode with rule set %s; health and metrics at %s; stop with"
            + " Ctrl-C%n",
        settings.mode(), rules.get().version(), admin.uri());
    if (provider != null) {
      provider.startRefreshing();
      err.printf(
          "rules re-read from the org every %s; reload now with: lead-router rules reload"
              + " --admin-url %s%n",
          settings.rules().refreshInterval(), admin.uri());
    }
    admin.consoleUri().ifPresent(console -> err.printf("ops console: %s%n", console));
    err.flush();
    while (!stopped.await(5, TimeUnit.SECONDS)) {
      Optional<String> failure = worker.failure();
      if (failure.isPresent()) {
        Runtime.getRuntime().removeShutdownHook(hook);
        closeQuietly(assembly);
        closeRules.run();
        err.println("lead-router: the change stream gave up: " + failure.get());
        return 1;
      }
    }
    if (lostLease.get()) {
      removeHook(hook);
      closeQuietly(assembly);
      closeRules.run();
      err.println(
          "lead-router: another worker took the worker lease over; this one writes nothing more"
              + " and exits (restart it to stand by)");
      return LOST_LEASE;
    }
    return 0;
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // The hook is running or about to: it closes the worker.
    }
  }

  private static String rootMessage(Throwable failure) {
    Throwable cause = failure;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause.getMessage();
  }

  private static void closeQuietly(WorkerAssembly assembly) {
    try {
      assembly.close();
    } catch (Exception e) {
      System.err.println("lead-router: the worker did not stop cleanly: " + e);
    }
  }
}
