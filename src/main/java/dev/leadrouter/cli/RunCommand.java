package dev.leadrouter.cli;

import com.google.inject.Inject;
import dev.leadrouter.capture.InitialReplay;
import dev.leadrouter.config.WorkerSettings;
import dev.leadrouter.route.RuleSet;
import dev.leadrouter.salesforce.SalesforceClientSettings;
import dev.leadrouter.salesforce.SalesforceException;
import dev.leadrouter.worker.Worker;
import dev.leadrouter.worker.WorkerAssembly;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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
      "Ctrl-C: what was decided is written, or written at the next start."
    })
final class RunCommand implements Callable<Integer> {

  @Mixin WorkerOptions options;

  @Option(
      names = "--shadow",
      description = "Shadow mode: route and log every lead, write nothing to Salesforce.")
  boolean shadow;

  @Spec CommandSpec spec;

  private final Clock clock;

  @Inject
  RunCommand(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Integer call() throws Exception {
    WorkerSettings settings = options.settings(shadow);
    WorkerOptions.applyLogFormat(settings);
    RuleSet rules = options.ruleSet(settings);
    CountDownLatch stopped = new CountDownLatch(1);
    WorkerAssembly assembly =
        WorkerAssembly.withAdmin(
            settings, rules, clock, SalesforceClientSettings.defaults(), InitialReplay.NEW_ONLY);
    Thread hook =
        new Thread(
            () -> {
              closeQuietly(assembly);
              stopped.countDown();
            },
            "worker-shutdown");
    Worker worker;
    java.net.URI adminAt;
    try {
      worker = assembly.worker();
      worker.start();
      adminAt = assembly.startAdmin().uri();
    } catch (IllegalStateException adminUnavailable) {
      closeQuietly(assembly);
      throw new InputException("could not start the worker: " + adminUnavailable.getMessage());
    } catch (SalesforceException | com.google.inject.ProvisionException signInFailed) {
      closeQuietly(assembly);
      throw new InputException("could not start the worker: " + rootMessage(signInFailed));
    }
    Runtime.getRuntime().addShutdownHook(hook);
    PrintWriter err = spec.commandLine().getErr();
    err.printf(
        "lead-router running in %s mode with rule set %s; health and metrics at %s; stop with"
            + " Ctrl-C%n",
        settings.mode(), rules.version(), adminAt);
    err.flush();
    while (!stopped.await(5, TimeUnit.SECONDS)) {
      Optional<String> failure = worker.failure();
      if (failure.isPresent()) {
        Runtime.getRuntime().removeShutdownHook(hook);
        closeQuietly(assembly);
        err.println("lead-router: the change stream gave up: " + failure.get());
        return 1;
      }
    }
    return 0;
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
