package dev.leadrouter.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.google.inject.Inject;
import dev.leadrouter.config.StoreSettings;
import dev.leadrouter.emulator.OrgServer;
import dev.leadrouter.emulator.faults.FaultPlan;
import dev.leadrouter.emulator.faults.PlanValues;
import dev.leadrouter.emulator.generator.LeadGenerator;
import dev.leadrouter.emulator.generator.OrgConnection;
import dev.leadrouter.emulator.generator.PlannedLead;
import dev.leadrouter.emulator.org.Org;
import dev.leadrouter.emulator.seed.DemoOrgGenerator;
import dev.leadrouter.store.Database;
import dev.leadrouter.store.DeadLetter;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.LoggerFactory;
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
  private static final Duration RECOVERY_LIMIT = Duration.ofMinutes(3);

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
    Path workerJar = locateJar(jar);
    Path work =
        workDir == null
            ? Files.createTempDirectory("lead-router-chaos")
            : Files.createDirectories(workDir);
    PrintWriter err = spec.commandLine().getErr();
    Map<Logger, Level> levels = quiet();
    Map<String, Object> report;
    try {
      report = run(plan, retentionTime, outageTime, workerJar, work, err);
    } finally {
      levels.forEach(Logger::setLevel);
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
      int port = freePort();
      String storeUrl =
          "jdbc:h2:file:"
              + work.resolve("store").resolve("lead-router").toAbsolutePath()
              + ";MODE=PostgreSQL;AUTO_SERVER=FALSE";
      Map<String, String> environment = new HashMap<>();
      environment.put("LEAD_ROUTER_MODE", "LIVE");
      environment.put("LEAD_ROUTER_STORE_URL", storeUrl);
      environment.put("LEAD_ROUTER_ADMIN_BIND", "127.0.0.1");
      environment.put("LEAD_ROUTER_ADMIN_PORT", Integer.toString(port));
      environment.put("LEAD_ROUTER_RULES_SOURCE", "file");
      environment.put("LEAD_ROUTER_SLA_ENABLED", "true");
      ChaosRun chaos;
      try (ChaosWorker worker =
          new ChaosWorker(
              workerJar,
              config.toAbsolutePath(),
              credentials(work, server.instanceUrl()),
              rules.toAbsolutePath(),
              environment,
              port,
              work.resolve("worker.log"))) {
        worker.start();
        awaitFirstStart(worker, work);
        server.faults().set(plan);
        err.printf(
            "Worker up; faults: %s; replay retention %s; creating %,d leads at %s per second,"
                + " %d kills%n",
            plan.describe(), PlanValues.format(retentionTime), leads, rate, kills);
        err.flush();
        chaos = new ChaosRun(worker, audit, new Random(seed), outageTime, err);
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
      StoreFigures store = storeFigures(storeUrl);
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
    LeadGenerator generator =
        new LeadGenerator(
            new OrgConnection(
                server.instanceUrl(),
                server.instanceUrl(),
                DemoOrgGenerator.CLIENT_ID,
                DemoOrgGenerator.CLIENT_SECRET,
                "62.0"),
            clock);
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

  /** The kill schedule, the restarts and what each recovery took. */
  private final class ChaosRun {

    private final ChaosWorker worker;
    private final ChaosAudit audit;
    private final Random random;
    private final Duration outageTime;
    private final PrintWriter err;
    private final List<Double> recoveries = new ArrayList<>();
    private int killed;
    private int outages;
    private int exits;

    ChaosRun(
        ChaosWorker worker, ChaosAudit audit, Random random, Duration outageTime, PrintWriter err) {
      this.worker = worker;
      this.audit = audit;
      this.random = random;
      this.outageTime = outageTime;
      this.err = err;
    }

    void run(CompletableFuture<Void> generating) throws Exception {
      // Kills fall while leads arrive: the paced four fifths take leads * 0.8 / rate seconds.
      double arrival = leads * 0.8 / rate;
      List<Double> killAt = new ArrayList<>();
      for (int i = 0; i < kills; i++) {
        killAt.add(arrival * (0.05 + 0.9 * random.nextDouble()));
      }
      killAt.sort(null);
      // The long outage early on, so leads keep arriving while the worker is away.
      int outageKill = kills == 0 ? -1 : random.nextInt(Math.max(1, (kills + 2) / 3));
      ProgressBar bar = new ProgressBar(err, "leads routed", leads);
      long start = System.nanoTime();
      long drainDeadline = Long.MAX_VALUE;
      Recovery recovering = null;
      while (true) {
        bar.update(audit.written());
        double elapsed = (System.nanoTime() - start) / 1e9;
        if (recovering != null && !worker.isAlive()) {
          exits++;
          err.printf(
              "%nthe worker stopped while starting (exit %d); restarting%n", worker.exitCode());
          recovering = restart();
        } else if (recovering != null) {
          Optional<Double> took = recovering.check();
          if (took.isPresent()) {
            recoveries.add(took.get());
            recovering = null;
          }
        } else if (!worker.isAlive()) {
          exits++;
          err.printf("%nthe worker stopped on its own (exit %d); restarting%n", worker.exitCode());
          recovering = restart();
        } else if (killed < kills && elapsed >= killAt.get(killed)) {
          worker.kill();
          if (killed == outageKill) {
            outages++;
            pause(outageTime, bar);
            // The kills planned for the outage's time come after it, not all at once.
            double away = outageTime.toNanos() / 1e9;
            for (int later = killed + 1; later < kills; later++) {
              killAt.set(later, killAt.get(later) + away);
            }
          }
          killed++;
          recovering = restart();
        } else if (generating.isDone() && killed == kills) {
          if (drainDeadline == Long.MAX_VALUE) {
            generating.join();
            drainDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(drainSeconds);
          }
          if (audit.written() >= audit.createdCount() || System.nanoTime() > drainDeadline) {
            break;
          }
        }
        TimeUnit.MILLISECONDS.sleep(100);
      }
      bar.done();
    }

    private Recovery restart() throws IOException {
      List<String> backlog = audit.unwritten();
      worker.start();
      return new Recovery(System.nanoTime(), backlog);
    }

    private void pause(Duration time, ProgressBar bar) throws InterruptedException {
      long until = System.nanoTime() + time.toNanos();
      while (System.nanoTime() < until) {
        bar.update(audit.written());
        TimeUnit.MILLISECONDS.sleep(100);
      }
    }

    /** From a restart to the worker healthy and the first lead of its backlog written. */
    private final class Recovery {
      private final long startedAt;
      private final List<String> backlog;
      private boolean healthy;

      Recovery(long startedAt, List<String> backlog) {
        this.startedAt = startedAt;
        this.backlog = backlog;
      }

      Optional<Double> check() {
        double seconds = (System.nanoTime() - startedAt) / 1e9;
        if (!healthy) {
          healthy = worker.routes();
        }
        boolean routing = backlog.isEmpty() || backlog.stream().anyMatch(audit::written);
        if (healthy && routing) {
          return Optional.of(seconds);
        }
        if (seconds > RECOVERY_LIMIT.toSeconds()) {
          err.printf(
              "%nthe worker did not recover within %s (healthy: %s); going on%n",
              PlanValues.format(RECOVERY_LIMIT), healthy);
          return Optional.of(seconds);
        }
        return Optional.empty();
      }
    }

    int kills() {
      return killed;
    }

    int outages() {
      return outages;
    }

    int exits() {
      return exits;
    }

    int starts() {
      return worker.starts();
    }

    List<Double> recoverySeconds() {
      return recoveries;
    }

    double maxRecoverySeconds() {
      return recoveries.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }
  }

  private record StoreFigures(List<DeadLetter> deadLetters, long reconciled, long decidedTwice) {}

  /** Read after the worker stopped (the H2 file is its alone while it runs). */
  private StoreFigures storeFigures(String storeUrl) throws Exception {
    try (Database database =
        Database.open(new StoreSettings(storeUrl, Optional.empty(), Optional.empty(), 2))) {
      List<DeadLetter> deadLetters = new dev.leadrouter.store.DeadLetters(database, clock).list();
      try (Connection connection = database.dataSource().getConnection();
          Statement statement = connection.createStatement()) {
        long reconciled;
        try (ResultSet row =
            statement.executeQuery(
                "SELECT COUNT(*) FROM routing_decision WHERE reasons LIKE '%RECONCILED%'")) {
          row.next();
          reconciled = row.getLong(1);
        }
        long twice;
        try (ResultSet row =
            statement.executeQuery(
                "SELECT COUNT(*) FROM (SELECT lead_id FROM routing_decision"
                    + " GROUP BY lead_id HAVING COUNT(*) > 1) AS twice")) {
          row.next();
          twice = row.getLong(1);
        }
        return new StoreFigures(deadLetters, reconciled, twice);
      }
    }
  }

  private void awaitFirstStart(ChaosWorker worker, Path work) throws InterruptedException {
    long deadline = System.nanoTime() + FIRST_START.toNanos();
    while (!worker.routes()) {
      if (!worker.isAlive() || System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "the worker did not start (see " + work.resolve("worker.log") + ")");
      }
      TimeUnit.MILLISECONDS.sleep(100);
    }
  }

  /** The org connection as `emulator --credentials-out` writes it, readable by its owner only. */
  private static Path credentials(Path work, URI instance) throws IOException {
    Path file = work.resolve("org.json");
    Map<String, Object> credentials = new LinkedHashMap<>();
    credentials.put("instance_url", instance.toString());
    credentials.put("login_url", instance.toString());
    credentials.put("client_id", DemoOrgGenerator.CLIENT_ID);
    credentials.put("client_secret", DemoOrgGenerator.CLIENT_SECRET);
    credentials.put("api_version", "62.0");
    Files.deleteIfExists(file);
    try {
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException notPosix) {
      Files.createFile(file);
    }
    Files.writeString(file, JsonOutput.mapper().writeValueAsString(credentials));
    return file;
  }

  /** --jar, else the jar this class was loaded from, else lead-router.jar beside its classes. */
  static Path locateJar(Path given) {
    if (given != null) {
      if (!Files.isRegularFile(given)) {
        throw new InputException("--jar " + given + " does not exist");
      }
      return given.toAbsolutePath();
    }
    Path here;
    try {
      here =
          Path.of(
              BenchChaosCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException | SecurityException | NullPointerException unknown) {
      throw new InputException("cannot tell where lead-router runs from; pass --jar FILE");
    }
    if (Files.isRegularFile(here)) {
      return here.toAbsolutePath();
    }
    Path parent = here.toAbsolutePath().getParent();
    Path beside = parent == null ? null : parent.resolve("lead-router.jar");
    if (beside == null || !Files.isRegularFile(beside)) {
      throw new InputException(
          "no lead-router.jar beside "
              + here
              + "; build it with `mvn -DskipTests package` or pass --jar FILE");
    }
    return beside;
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

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /** The bench's own progress is its output; the emulator's log lines would scroll it away. */
  private static Map<Logger, Level> quiet() {
    Map<Logger, Level> levels = new HashMap<>();
    for (String name :
        List.of(
            "dev.leadrouter", "org.eclipse.jetty", "org.cometd", "org.flywaydb", "com.zaxxer")) {
      Logger logger = (Logger) LoggerFactory.getLogger(name);
      levels.put(logger, logger.getLevel());
      logger.setLevel(Level.ERROR);
    }
    return levels;
  }
}
