package dev.leadrouter.cli;

import com.google.inject.Inject;
import com.google.inject.Injector;
import dev.leadrouter.admin.SlaFigures;
import dev.leadrouter.admin.SlaReport;
import dev.leadrouter.admin.SlaReportFiles;
import dev.leadrouter.admin.SlaReporter;
import dev.leadrouter.config.ConfigModule;
import dev.leadrouter.config.ConfigurationException;
import dev.leadrouter.config.WorkerSettings;
import dev.leadrouter.config.WorkerSettingsLoader;
import dev.leadrouter.store.Database;
import dev.leadrouter.store.StoreModule;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Speed to lead, SLA and misroutes from the store. */
@Command(
    name = "sla-report",
    mixinStandardHelpOptions = true,
    description = {
      "Reports speed to lead (median and 90th percentile), SLA met, no contact at 24 and",
      "48 hours, acceptance, reassignments, misroutes and conversion, overall and by team,",
      "rep, rule and lead source, for the leads given to reps in the period. Reads the",
      "store only. Writes report.html, sla-report.csv, misroutes.csv and summary.json."
    })
final class SlaReportCommand implements Callable<Integer> {

  @Option(
      names = "--since",
      defaultValue = "30d",
      paramLabel = "WHEN",
      description =
          "Start of the period: 30d, 12h, 90m, 2w before now, or an instant such as"
              + " 2026-11-01T00:00:00Z (default: ${DEFAULT-VALUE}).")
  String since;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "Directory for the report files (created when missing).")
  Path out;

  @Option(
      names = "--config",
      defaultValue = "config/application.conf",
      paramLabel = "FILE",
      description = "Worker settings: the store (default: ${DEFAULT-VALUE}).")
  Path config;

  @Spec CommandSpec spec;

  private final Injector injector;
  private final Clock clock;

  @Inject
  SlaReportCommand(Injector injector, Clock clock) {
    this.injector = injector;
    this.clock = clock;
  }

  @Override
  public Integer call() throws Exception {
    Instant start = SinceOption.parse(since, clock.instant());
    WorkerSettings settings;
    try {
      settings = new WorkerSettingsLoader().load(config, System.getenv());
    } catch (ConfigurationException invalid) {
      throw new InputException(invalid.getMessage(), invalid);
    }
    Injector store = injector.createChildInjector(new ConfigModule(settings), new StoreModule());
    Database database = store.getInstance(Database.class);
    SlaReport report;
    try {
      report = store.getInstance(SlaReporter.class).build(start);
    } finally {
      database.close();
    }
    new SlaReportFiles().write(report, out);
    print(report, start);
    return 0;
  }

  private void print(SlaReport report, Instant start) {
    PrintWriter out = spec.commandLine().getOut();
    SlaFigures all = report.overall();
    out.printf(
        Locale.ROOT,
        "Leads given to reps since %s: %d, touched %d%n",
        start,
        all.assignments(),
        all.touched());
    out.printf(
        Locale.ROOT,
        "Speed to lead: median %s, p90 %s; SLA met %s; no contact at 24 h %s, at 48 h %s%n",
        all.medianSpeed().map(Object::toString).orElse("n/a"),
        all.p90Speed().map(Object::toString).orElse("n/a"),
        percent(all.metPercent()),
        percent(all.noContact24hPercent()),
        percent(all.noContact48hPercent()));
    out.printf(
        Locale.ROOT,
        "Acceptance %s; reassigned %d; misroutes %d (%s); conversion %s%n",
        percent(all.acceptancePercent()),
        all.reassigned(),
        all.misroutes(),
        percent(all.misroutePercent()),
        percent(all.conversionPercent()));
    out.printf("Report written to %s%n", this.out.resolve(SlaReportFiles.HTML));
    out.flush();
  }

  private static String percent(Optional<Double> value) {
    return value.map(v -> String.format(Locale.ROOT, "%.1f%%", v)).orElse("n/a");
  }
}
