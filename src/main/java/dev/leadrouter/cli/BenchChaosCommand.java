package dev.leadrouter.cli;

import ch.qos.logback.classic.Level;
import com.google.inject.Inject;
import dev.leadrouter.emulator.OrgServer;
import dev.leadrouter.emulator.faults.FaultPlan;
import dev.leadrouter.emulator.faults.PlanValues;
import dev.leadrouter.emulator.generator.LeadGenerator;
import dev.leadrouter.emulator.generator.PlannedLead;
import dev.leadrouter.emulator.org.Org;
import dev.leadrouter.emulator.seed.DemoOrgGenerator;
import dev.leadrouter.store.DeadLetter;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Chaos soak: the worker as a child process against the in-process demo org with faults on, killed
 * with SIGKILL at seeded random moments and restarted, once kept down past the org's (shortened)
 * replay retention so it must reconcile by query; at the end, the org is checked: every lead routed
 * exactly once, no decision written twice, no second follow-up Task, every dead letter explained.
 */
@Command(
    name = "chaos",
    mixinStandardHelpOptions = true,
    description = {
      "Chaos soak against an in-process emulated demo org with faults on (session expiry, row",
      "locks, 503 bursts, dropped long polls, a rate-limit window) and a shortened replay",
      "retention. The worker runs as a child process (java -jar lead-router.jar run) and is",
      "killed with SIGKILL --kills times at random moments while leads arrive, once kept down",
      "longer than the retention. Checks in the org at the end and prints JSON: leads, lost,",
      "duplicated_writes, duplicate_tasks, kills, max_recovery_s, dead_letters, ...",
      "Exit 1 when a lead was lost or anything was written twice."
    })
final class BenchChaosCommand implements Callable<Integer> {

  private static final String CLIENT = "lead-router";
  private static final Duration FIRST_START = Duration.ofMinutes(3);

  @Option(
      names = "--leads",
      defaultValue = "5000",
      paramLabel = "N",
      description = "Leads to create (default: ${DEFAULT-VALUE}).")
  int leads;

  @Option(
      names = "--kills",
      defaultValue = "20",
      paramLabel = "N",
      description = "SIGKILLs of the worker, one of them followed by an outage (default: 20).")
  int kills;

  @Option(
      names = "--rate",
      defaultValue = "20",
      paramLabel = "R",
      description =
          "Leads per second the generator creates, a fifth of them at once halfway as after a"
              + " webinar (default: ${DEFAULT-VALUE}).")
  double rate;

  @Option(
      names = "--seed",
      defaultValue = "42",
      paramLabel = "N",
      description =
          "Seeds the kill moments, the leads and the org's faults, so a run repeats"
              + " (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--retention",
      defaultValue = "30s",
      paramLabel = "DURATION",
      description =
          "How long the org keeps change events for replay (an org: 72h), e.g. 30s"
              + " (default: ${DEFAULT-VALUE}).")
  String retention;

  @Option(
      names = "--budget-wait",
      defaultValue = "2s",
      paramLabel = "DURATION",
      description =
          "The worker's first wait after REQUEST_LIMIT_EXCEEDED"
              + " (lead-router.salesforce.calls.budget-wait; 1m for a real org, whose daily limit"
              + " frees up slowly). The bench's rate-limit window lasts seconds, so its worker"
              + " waits seconds too (default: ${DEFAULT-VALUE}).")
  String budgetWait;

  @Option(
      names = "--outage",
      paramLabel = "DURATION",
      description =
          "How long the worker stays down after one of the kills; longer than --retention"
              + " (default: the retention plus 15s).")
  String outage;

  @Option(
      names = "--faults",
      paramLabel = "LIST",
      defaultValue = "session-expiry=90s,lock=0.02,503-burst=3/30s,drop-poll=0.02,rate-limit=5s/2m",
      description =
          "Faults the org injects (see `lead-router emulator --help`; default: ${DEFAULT-VALUE}).")
  String faults;

  @Option(
      names = "--jar",
      paramLabel = "FILE",
      description =
          "The lead-router jar to run the worker from (default: the jar this runs from, or"
              + " target/lead-router.jar beside its classes).")
  Path jar;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      defaultValue = "config/application.conf",
      description =
          "Worker settings the child reads; the bench sets mode, store, admin port, rule source"
              + " and SLA through their environment variables (default: ${DEFAULT-VALUE}).")
  Path config;

  @Option(
      names = "--rules",
      paramLabel = "FILE",
      defaultValue = "config/demo/rules.yaml",
      description = "Rules for the demo org's users and queues (default: ${DEFAULT-VALUE}).")
  Path rules;

  @Option(
      names = "--drain-timeout",
      paramLabel = "SECONDS",
      defaultValue = "180",
      description =
          "How long to wait, once every lead is created and every kill done, for the last"
              + " owners (default: ${DEFAULT-VALUE}).")
  int drainSeconds;

  @Option(
      names = "--work-dir",
      paramLabel = "DIR",
      description =
          "Where the worker's store, settings and log go (default: a new temporary directory;"
              + " its path is printed).")
  Path workDir;

  @Option(names = "--json", paramLabel = "FILE", description = "Also write the JSON report here.")
  Path json;

  @Spec CommandSpec spec;

  private final Clock clock;

  @Inject
  BenchChaosCommand(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Integer call() throws Exception {
    if (leads < 1 || kills < 0 || !(rate > 0) || drainSeconds < 1) {
      throw new InputException(
          "--leads, --rate and --drain-timeout must be positive and --kills 0 or more");
    }
    Duration retentionTime = duration("--retention", retention);
    Duration budgetWaitTime = duration("--budget-wait", budgetWait);
    Duration outageTime =
        outage == null ? retentionTime.plusSeconds(15) : duration("--outage", outage);
    if (kills > 0 && outageTime.compareTo(retentionTime) <= 0) {
      throw new InputException(
          "--outage ("
              + outage
              + ") must be longer than --retention ("
              + retention
              + "), or the worker never has to reconcile");
    }
    FaultPlan plan;
    try {
      plan = FaultPlan.parse(faults);
    } catch (IllegalArgumentException e) {
      throw new InputException("--faults: " + e.getMessage());
    }
    readable("settings file", config);
    readable("rule file", rules);
    Path workerJar = WorkerJar.locate(jar);
    Path work =
        workDir == null
            ? Files.createTempDirectory("lead-router-chaos")
            : Files.createDirectories(workDir);
    PrintWriter err = spec.commandLine().getErr();
    Map<String, Object> report;
    // The bench's own progress is its output; the emulator's log lines would scroll it away.
    try (QuietLoggers quiet =
        QuietLoggers.at(
            Level.ERROR,
            List.of(
                "dev.leadrouter",
                "org.eclipse.jetty",
                "org.cometd",
                "org.flywaydb",
                "com.zaxxer"))) {
      report = run(plan, retentionTime, outageTime, budgetWaitTime, workerJar, work, err);
    }
    String text = JsonOutput.mapper().writeValueAsString(report);
    spec.commandLine().getOut().println(text);
    spec.commandLine().getOut().flush();
    if (json != null) {
      Path parent = json.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(json, text + "\n");
    }
    boolean clean =
        ((Number) report.get("lost")).longValue() == 0
            && ((Number) report.get("duplicated_writes")).longValue() == 0
            && ((Number) report.get("duplicate_tasks")).longValue() == 0
            && ((Number) report.get("decided_twice")).longValue() == 0;
    return clean ? 0 : 1;
  }

  private Map<String, Object> run(
      FaultPlan plan,
      Duration retentionTime,
      Duration outageTime,
      Duration budgetWaitTime,
      Path workerJar,
      Path work,
      PrintWriter err)
      throws Exception {
    long started = System.nanoTime();
    err.printf("Building the demo org; worker files in %s%n", work);
    err.flush();
    Org org = DemoOrgGenerator.org(clock);
    ChaosAudit audit = new ChaosAudit(org, CLIENT);
    OrgServer.Settings settings =
        OrgServer.Settings.defaults(clock)
            .withDailyApiLimit(50_000_000)
            .withReplayRetention(retentionTime);
    try (OrgServer server = new OrgServer(settings, org, seed).start()) {
      server.onChangeEvent(audit::changeEvent);
      String storeUrl =
          "jdbc:h2:file:"
              + work.resolve("store").resolve("lead-router").toAbsolutePath()
              + ";MODE=PostgreSQL;AUTO_SERVER=FALSE";
      KillRestartLoop chaos;
      try (ChaosWorker worker =
          ChaosWorker.onDemoOrg(
              workerJar,
              config.toAbsolutePath(),
              rules.toAbsolutePath(),
              server.instanceUrl(),
              work,
              storeUrl,
              budgetWaitTime)) {
        worker.start();
        worker.awaitRouting(FIRST_START);
        server.faults().set(plan);
        err.printf(
            "Worker up; faults: %s; replay retention %s; creating %,d leads at %s per second,"
                + " %d kills%n",
            plan.describe(), PlanValues.format(retentionTime), leads, rate, kills);
        err.flush();
        chaos =
            new KillRestartLoop(
                worker,
                audit,
                leads,
                rate,
                kills,
                outageTime,
                Duration.ofSeconds(drainSeconds),
                new Random(seed),
                err);
        chaos.run(generate(server, audit));
        if (!worker.stop(Duration.ofSeconds(60))) {
          err.println("the worker did not stop within 60 s of SIGTERM; killed");
        }
      }
      server.faults().set(FaultPlan.NONE);
      Map<String, Object> report = new LinkedHashMap<>();
      report.put("leads", audit.createdCount());
      report.put("lost", audit.lost());
      report.put("duplicated_writes", audit.duplicatedWrites());
      report.put("duplicate_tasks", audit.duplicateTasks());
      report.put("kills", chaos.kills());
      report.put("max_recovery_s", BenchE2eCommand.round(chaos.maxRecoverySeconds()));
      ChaosStoreFigures store = ChaosStoreFigures.read(storeUrl, clock);
      report.put("dead_letters", store.deadLetters().size());
      report.put(
          "dead_letters_explained",
          store.deadLetters().stream().allMatch(d -> d.reason() != null && !d.reason().isBlank()));
      report.put(
          "dead_letter_reasons", store.deadLetters().stream().map(DeadLetter::reason).toList());
      report.put("reconciled", store.reconciled());
      report.put("decided_twice", store.decidedTwice());
      report.put("sla_tasks", audit.tasks());
      report.put("leads_with_a_rep_but_no_task", audit.repLeadsWithoutTask());
      report.put("examples", audit.examples());
      report.put(
          "recovery_s", chaos.recoverySeconds().stream().map(BenchE2eCommand::round).toList());
      report.put("outages_past_retention", chaos.outages());
      report.put("worker_starts", chaos.starts());
      report.put("worker_exits", chaos.exits());
      report.put("retention_s", retentionTime.toSeconds());
      report.put("outage_s", outageTime.toSeconds());
      report.put("faults", plan.describe());
      report.put("seed", seed);
      report.put("duration_s", BenchE2eCommand.round((System.nanoTime() - started) / 1e9));
      report.put("work_dir", work.toString());
      return report;
    }
  }

  /** Plans the leads before faults get in the way, then creates them in the background. */
  private CompletableFuture<Void> generate(OrgServer server, ChaosAudit audit) throws Exception {
    LeadGenerator generator = new LeadGenerator(DemoOrgConnection.at(server.instanceUrl()), clock);
    LeadGenerator.Settings settings = new LeadGenerator.Settings(leads, rate, 0.2, seed, 8);
    List<PlannedLead> planned = generator.plan(settings);
    return CompletableFuture.runAsync(
        () -> {
          try {
            generator.run(planned, settings, (lead, done) -> lead.id().ifPresent(audit::created));
          } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
          }
        });
  }

  private static Duration duration(String option, String text) {
    return PlanValues.duration(text)
        .filter(d -> !d.isZero())
        .orElseThrow(
            () ->
                new InputException(
                    option + " '" + text + "' is not a duration such as 500ms, 30s, 5m or 1h"));
  }

  private static void readable(String what, Path file) {
    if (!Files.isReadable(file)) {
      throw new InputException(what + " " + file + " does not exist or cannot be read");
    }
  }
}
