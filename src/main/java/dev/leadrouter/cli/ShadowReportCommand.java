package dev.leadrouter.cli;

import com.google.inject.Inject;
import com.google.inject.Injector;
import dev.leadrouter.admin.ShadowReport;
import dev.leadrouter.admin.ShadowReportFiles;
import dev.leadrouter.admin.ShadowReporter;
import dev.leadrouter.admin.ShadowSummary;
import dev.leadrouter.config.ConfigModule;
import dev.leadrouter.config.WorkerSettings;
import dev.leadrouter.salesforce.SalesforceException;
import dev.leadrouter.salesforce.SalesforceModule;
import dev.leadrouter.store.Database;
import dev.leadrouter.store.StoreModule;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Compares shadow decisions with the owners the org actually gave. */
@Command(
    name = "shadow-report",
    mixinStandardHelpOptions = true,
    description = {
      "Compares the owners Lead Router would have assigned in shadow mode with the",
      "owners the leads actually have in Salesforce. Writes report.html,",
      "shadow-report.csv and summary.json: agreement, disagreements by rule, team",
      "and owner, and each disagreement."
    })
final class ShadowReportCommand implements Callable<Integer> {

  static final int ORG_ERROR = 1;

  @Option(
      names = "--since",
      defaultValue = "7d",
      paramLabel = "WHEN",
      description =
          "Start of the period: 7d, 12h, 90m, 2w before now, or an instant such as"
              + " 2026-11-20T00:00:00Z (default: ${DEFAULT-VALUE}).")
  String since;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "Directory for the report files (created when missing).")
  Path out;

  @Mixin OrgOptions org;

  @Spec CommandSpec spec;

  private final Injector injector;
  private final Clock clock;

  @Inject
  ShadowReportCommand(Injector injector, Clock clock) {
    this.injector = injector;
    this.clock = clock;
  }

  @Override
  public Integer call() throws Exception {
    Instant start = SinceOption.parse(since, clock.instant());
    WorkerSettings settings = org.settings();
    Injector worker =
        injector.createChildInjector(
            new ConfigModule(settings), new StoreModule(), new SalesforceModule());
    PrintWriter err = spec.commandLine().getErr();
    AtomicReference<ProgressBar> bar = new AtomicReference<>();
    ShadowReport report;
    Database database = worker.getInstance(Database.class);
    try {
      report =
          worker
              .getInstance(ShadowReporter.class)
              .build(
                  start,
                  (done, total) -> {
                    bar.compareAndSet(null, new ProgressBar(err, "leads", total));
                    bar.get().update(done);
                  });
      if (bar.get() != null) {
        bar.get().done();
      }
    } catch (SalesforceException orgFailed) {
      err.println(
          "lead-router: the org could not be asked for the leads' owners: "
              + orgFailed.getMessage());
      return ORG_ERROR;
    } finally {
      database.close();
    }
    new ShadowReportFiles().write(report, out);
    print(report.summary(), start);
    return 0;
  }

  private void print(ShadowSummary summary, Instant start) {
    PrintWriter out = spec.commandLine().getOut();
    out.printf(
        Locale.ROOT,
        "Shadow decisions since %s: %d, compared %d, agreed %d, disagreed %d, not in the org %d%n",
        start,
        summary.decisions(),
        summary.compared(),
        summary.agreed(),
        summary.disagreed(),
        summary.notFound());
    out.printf(Locale.ROOT, "Agreement: %.1f%%%n", summary.agreementPercent());
    out.printf("Report written to %s%n", this.out.resolve(ShadowReportFiles.HTML));
    out.flush();
  }
}
