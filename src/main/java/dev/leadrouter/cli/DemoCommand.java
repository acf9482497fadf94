package dev.leadrouter.cli;

import ch.qos.logback.classic.Level;
import com.google.inject.Inject;
import dev.leadrouter.admin.AdminServer;
import dev.leadrouter.capture.InitialReplay;
import dev.leadrouter.config.AdminSettings;
import dev.leadrouter.config.AuthMethod;
import dev.leadrouter.config.EnrichSettings;
import dev.leadrouter.config.LogFormat;
import dev.leadrouter.config.LoggingSettings;
import dev.leadrouter.config.Mode;
import dev.leadrouter.config.PipelineSettings;
import dev.leadrouter.config.RulesSettings;
import dev.leadrouter.config.RulesSource;
import dev.leadrouter.config.SalesforceSettings;
import dev.leadrouter.config.Secret;
import dev.leadrouter.config.SlaSettings;
import dev.leadrouter.config.StoreSettings;
import dev.leadrouter.config.WorkerSettings;
import dev.leadrouter.config.WorkerSettingsLoader;
import dev.leadrouter.config.YamlRuleSetLoader;
import dev.leadrouter.console.ConsoleModule;
import dev.leadrouter.console.RulesInForce;
import dev.leadrouter.emulator.OrgServer;
import dev.leadrouter.emulator.faults.FaultPlan;
import dev.leadrouter.emulator.generator.GeneratedLead;
import dev.leadrouter.emulator.generator.LeadGenerator;
import dev.leadrouter.emulator.generator.PlannedLead;
import dev.leadrouter.emulator.org.Org;
import dev.leadrouter.emulator.rest.RepTouchPlan;
import dev.leadrouter.emulator.seed.DemoOrgGenerator;
import dev.leadrouter.match.AccountIndex;
import dev.leadrouter.route.RuleSet;
import dev.leadrouter.route.Team;
import dev.leadrouter.route.TeamMember;
import dev.leadrouter.salesforce.SalesforceClientSettings;
import dev.leadrouter.store.Database;
import dev.leadrouter.store.LoggedDecision;
import dev.leadrouter.store.RoutingLog;
import dev.leadrouter.worker.Worker;
import dev.leadrouter.worker.WorkerAssembly;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The live demo: the demo org in the emulator, the real worker against it over the wire, and the
 * lead generator creating leads as web forms do, all in one process; figures come from the org.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the whole job live in one process: a local Salesforce org (the emulator with the",
      "demo org: 10,000 accounts, 60 users in teams), the worker routing its new leads over",
      "CometD and REST (store: an H2 file under --data-dir, fresh each run), and a generator",
      "creating leads as web forms do. Shows progress, then a summary measured from the org:",
      "leads lost or written twice, speed to lead, API calls, leads by rule and owner.",
      "While it runs, the worker's ops console is open on 127.0.0.1 (URL printed; --stay",
      "keeps it up after the summary).",
      "The offline rule-file demo is `lead-router route-file`."
    })
final class DemoCommand implements Callable<Integer> {

  private static final String CLIENT = "lead-router";
  private static final Pattern API_USAGE = Pattern.compile("api-usage=(\\d+)/");

  @Option(
      names = "--leads",
      defaultValue = "500",
      paramLabel = "N",
      description = "Leads to create (default: ${DEFAULT-VALUE}).")
  int leads;

  @Option(
      names = "--rate",
      defaultValue = "10",
      paramLabel = "R",
      description = "Leads per second outside the webinar burst (default: ${DEFAULT-VALUE}).")
  double rate;

  @Option(
      names = "--faults",
      paramLabel = "LIST",
      description =
          "Faults the org injects, e.g. lock=0.02,503-burst=5/60s,latency=20ms"
              + " (see `lead-router emulator --help`; default none).")
  String faults;

  @Option(
      names = "--rep-touch",
      defaultValue = "2s..20s/0.1",
      paramLabel = "MIN..MAX[/NEVER]",
      description =
          "The org's reps touch each lead they get (Status to Working - Contacted, a UI edit)"
              + " after a delay in this range, except the share NEVER; the demo waits MAX for"
              + " them at the end; `none` turns it off (default: ${DEFAULT-VALUE}).")
  String repTouch;

  @Option(
      names = "--summary",
      paramLabel = "FILE",
      description = "Also write the summary as JSON here.")
  Path summary;

  @Option(
      names = "--rules",
      paramLabel = "FILE",
      defaultValue = "config/demo/rules.yaml",
      description = "Rules for the demo org's users and queues (default: ${DEFAULT-VALUE}).")
  Path rules;

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      defaultValue = "data/demo",
      description = "Where the worker's store goes; emptied first (default: ${DEFAULT-VALUE}).")
  Path dataDir;

  @Option(
      names = "--drain-timeout",
      paramLabel = "SECONDS",
      defaultValue = "60",
      description = "How long to wait for the last leads once all are created (default: 60).")
  int drainSeconds;

  @Option(names = "--verbose", description = "Show the worker's log lines too.")
  boolean verbose;

  @Option(
      names = "--console-port",
      paramLabel = "PORT",
      defaultValue = "0",
      description =
          "Port of the ops console on 127.0.0.1, open while the demo runs (default: a free one;"
              + " its URL is printed at the start).")
  int consolePort;

  @Option(
      names = "--stay",
      description =
          "After the summary, keep the worker and its ops console up until Ctrl-C, to look"
              + " around the console.")
  boolean stay;

  @Spec CommandSpec spec;

  private final Clock clock;

  @Inject
  DemoCommand(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Integer call() throws Exception {
    if (leads < 1 || !(rate > 0) || drainSeconds < 1) {
      throw new InputException("--leads, --rate and --drain-timeout must be positive");
    }
    if (!Files.isReadable(rules)) {
      throw new InputException("rule file " + rules + " does not exist or cannot be read");
    }
    FaultPlan plan;
    try {
      plan = FaultPlan.parse(faults == null ? "" : faults);
    } catch (IllegalArgumentException e) {
      throw new InputException("--faults: " + e.getMessage());
    }
    Optional<RepTouchPlan> touches = repTouchPlan(repTouch);
    RuleSet ruleSet = new YamlRuleSetLoader().load(rules);
    PrintWriter out = spec.commandLine().getOut();
    // The progress line is the demo's output; per-lead log lines would scroll it away.
    try (QuietLoggers quiet =
        QuietLoggers.at(
            Level.WARN, verbose ? List.of() : List.of("dev.leadrouter", "org.flywaydb"))) {
      return run(ruleSet, plan, touches, out);
    }
  }

  /** The --rep-touch option: empty when absent or {@code none}. */
  static Optional<RepTouchPlan> repTouchPlan(String text) {
    if (text == null || text.isBlank() || text.trim().equalsIgnoreCase("none")) {
      return Optional.empty();
    }
    try {
      return Optional.of(RepTouchPlan.parse(text));
    } catch (IllegalArgumentException e) {
      throw new InputException("--rep-touch: " + e.getMessage());
    }
  }

  private int run(RuleSet ruleSet, FaultPlan plan, Optional<RepTouchPlan> touches, PrintWriter out)
      throws Exception {
    long started = System.nanoTime();
    out.println("Building the demo org (10,000 accounts, 60 users, open leads and contacts)...");
    out.flush();
    Org org = DemoOrgGenerator.org(clock);
    DemoAudit audit = new DemoAudit(org, CLIENT);
    try (OrgServer server =
        new OrgServer(OrgServer.Settings.defaults(clock).withDailyApiLimit(5_000_000), org, 1)
            .start()) {
      server.onChangeEvent(audit::changeEvent);
      server.faults().set(plan);
      touches.ifPresent(server::repTouch);
      Path store = freshStore();
      WorkerAssembly assembly =
          WorkerAssembly.withAdmin(
              settings(server.instanceUrl(), store, consolePort),
              () -> ruleSet,
              new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
              clock,
              SalesforceClientSettings.defaults(),
              InitialReplay.NEW_ONLY,
              new ConsoleModule(RulesInForce.fixed(rules.toString(), () -> ruleSet)));
      try {
        long apiBefore = apiUsage(server.instanceUrl());
        Worker worker = assembly.worker();
        long loading = System.nanoTime();
        worker.start();
        out.printf(
            "Org at %s (faults: %s); worker started, %,d accounts indexed in %.1f s%n",
            server.instanceUrl(),
            plan.describe(),
            assembly.get(AccountIndex.class).size(),
            (System.nanoTime() - loading) / 1e9);
        AdminServer admin = assembly.startAdmin();
        admin
            .consoleUri()
            .ifPresent(
                console -> out.printf("Ops console (open while the demo runs): %s%n", console));
        awaitSubscribed(worker);
        LeadGenerator generator =
            new LeadGenerator(DemoOrgConnection.at(server.instanceUrl()), clock);
        LeadGenerator.Settings settings = new LeadGenerator.Settings(leads, rate, 0.2, 1, 8);
        List<PlannedLead> planned = generator.plan(settings);
        out.printf(
            "Creating %,d leads at %s per second (a fifth at once, as after a webinar)...%n",
            planned.size(), rate);
        out.flush();
        CompletableFuture<List<GeneratedLead>> generating =
            CompletableFuture.supplyAsync(
                () -> {
                  try {
                    return generator.run(
                        planned, settings, (lead, done) -> lead.id().ifPresent(audit::created));
                  } catch (Exception e) {
                    throw new IllegalStateException("the lead generator failed: " + e, e);
                  }
                });
        DemoProgress progress =
            new DemoProgress(spec.commandLine().getErr(), System.console() != null, leads);
        Map<String, String> teams = teamsByOwner(ruleSet);
        long drainDeadline = Long.MAX_VALUE;
        while (true) {
          progress.show(
              audit.createdCount(),
              audit.written(),
              audit.speedToLeadMillis(),
              audit.byTeam(id -> teams.getOrDefault(id, "other")));
          if (generating.isDone()) {
            if (drainDeadline == Long.MAX_VALUE) {
              drainDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(drainSeconds);
            }
            if (audit.written() >= audit.createdCount() || System.nanoTime() > drainDeadline) {
              break;
            }
          }
          TimeUnit.MILLISECONDS.sleep(250);
        }
        progress.done();
        if (touches.isPresent()) {
          Duration wait = touches.get().max();
          out.printf(
              "Waiting %s for the reps' first touches (--rep-touch %s)...%n",
              wait, touches.get().describe());
          out.flush();
          TimeUnit.MILLISECONDS.sleep(wait.toMillis());
        }
        List<GeneratedLead> generated = generated(generating);
        long apiCalls =
            apiUsage(server.instanceUrl()) - apiBefore - generator.restCalls() - 1; // the probe
        Map<String, Object> report =
            report(audit, assembly, generated.size(), apiCalls, started, store);
        printSummary(out, report);
        if (summary != null) {
          Path parent = summary.toAbsolutePath().getParent();
          if (parent != null) {
            Files.createDirectories(parent);
          }
          JsonOutput.mapper().writerWithDefaultPrettyPrinter().writeValue(summary.toFile(), report);
          out.println("Summary written to " + summary);
        }
        out.flush();
        if (stay) {
          out.printf(
              "The worker and its console stay up at %s; stop with Ctrl-C%n",
              admin.consoleUri().orElse(admin.uri()));
          out.flush();
          new java.util.concurrent.CountDownLatch(1).await();
        }
        return ((Number) report.get("lost")).longValue() == 0
                && ((Number) report.get("duplicates")).longValue() == 0
            ? 0
            : 1;
      } finally {
        assembly.close(Duration.ofSeconds(10));
      }
    }
  }

  private Map<String, Object> report(
      DemoAudit audit,
      WorkerAssembly assembly,
      int planned,
      long apiCalls,
      long started,
      Path store)
      throws Exception {
    List<Long> speed = audit.speedToLeadMillis();
    Map<String, Object> stl = new LinkedHashMap<>();
    stl.put("p50", DemoAudit.percentile(speed, 0.50));
    stl.put("p90", DemoAudit.percentile(speed, 0.90));
    stl.put("p99", DemoAudit.percentile(speed, 0.99));
    stl.put("max", speed.isEmpty() ? 0 : speed.get(speed.size() - 1));
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("leads_planned", planned);
    report.put("leads_created", audit.createdCount());
    report.put("leads_routed", routedInLog(assembly));
    report.put("owners_written", audit.written());
    report.put("sla_tasks_created", audit.slaTasks());
    report.put("first_touches", audit.firstTouches());
    List<Long> touch = audit.timeToFirstTouchMillis();
    Map<String, Object> ttft = new LinkedHashMap<>();
    ttft.put("p50", DemoAudit.percentile(touch, 0.50));
    ttft.put("p90", DemoAudit.percentile(touch, 0.90));
    report.put("time_to_first_touch_ms", ttft);
    report.put("lost", audit.lost());
    report.put("duplicates", audit.duplicates());
    report.put("speed_to_lead_ms", stl);
    report.put("api_calls", Math.max(0, apiCalls));
    report.put("by_rule", audit.byRule());
    report.put("by_owner", audit.byOwner());
    report.put("elapsed_s", Math.round((System.nanoTime() - started) / 1e8) / 10.0);
    report.put("store", storeUrl(store));
    exampleLead(assembly).ifPresent(id -> report.put("example_lead_id", id));
    return report;
  }

  private static void printSummary(PrintWriter out, Map<String, Object> report) {
    out.println();
    TextTable table = new TextTable("Measured from the org", "");
    for (String key :
        List.of(
            "leads_created",
            "leads_routed",
            "owners_written",
            "sla_tasks_created",
            "first_touches",
            "lost",
            "duplicates",
            "api_calls",
            "elapsed_s")) {
      table.add(key.replace('_', ' '), String.valueOf(report.get(key)));
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> stl = (Map<String, Object>) report.get("speed_to_lead_ms");
    table.add(
        "speed to lead",
        String.format(
            Locale.ROOT,
            "p50 %s ms, p90 %s ms, p99 %s ms, max %s ms",
            stl.get("p50"),
            stl.get("p90"),
            stl.get("p99"),
            stl.get("max")));
    @SuppressWarnings("unchecked")
    Map<String, Object> touch = (Map<String, Object>) report.get("time_to_first_touch_ms");
    table.add(
        "time to first touch",
        String.format(Locale.ROOT, "p50 %s ms, p90 %s ms", touch.get("p50"), touch.get("p90")));
    table.print(out);
    out.println();
    TextTable byRule = new TextTable("Rule", "Leads");
    @SuppressWarnings("unchecked")
    Map<String, Long> rules = (Map<String, Long>) report.get("by_rule");
    rules.forEach((rule, count) -> byRule.add(rule, String.valueOf(count)));
    byRule.print(out);
    out.println();
    TextTable byOwner = new TextTable("Owner (top 10)", "Leads");
    @SuppressWarnings("unchecked")
    Map<String, Long> owners = (Map<String, Long>) report.get("by_owner");
    owners.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .limit(10)
        .forEach(e -> byOwner.add(e.getKey(), String.valueOf(e.getValue())));
    byOwner.print(out);
    if (report.containsKey("example_lead_id")) {
      out.printf(
          "%nAsk why a lead went where it went:%n  scripts/lead-router explain --lead-id %s"
              + " --store '%s'%n",
          report.get("example_lead_id"), report.get("store"));
    }
  }

  private static List<GeneratedLead> generated(CompletableFuture<List<GeneratedLead>> generating)
      throws Exception {
    try {
      return generating.get();
    } catch (ExecutionException failed) {
      throw new IllegalStateException(failed.getCause().getMessage(), failed.getCause());
    }
  }

  /** Decisions in the routing log (the store is fresh, so all are the demo's). */
  private static long routedInLog(WorkerAssembly assembly) throws Exception {
    try (Connection connection = assembly.get(Database.class).dataSource().getConnection();
        Statement statement = connection.createStatement();
        ResultSet row =
            statement.executeQuery("SELECT COUNT(DISTINCT lead_id) FROM routing_decision")) {
      row.next();
      return row.getLong(1);
    }
  }

  /** A lead routed to its account's owner if there is one (the most telling), else any. */
  private static Optional<String> exampleLead(WorkerAssembly assembly) throws Exception {
    String found = null;
    try (Connection connection = assembly.get(Database.class).dataSource().getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT lead_id, rule_name FROM routing_decision ORDER BY id FETCH FIRST 500 ROWS"
                    + " ONLY")) {
      while (rows.next()) {
        if (found == null) {
          found = rows.getString(1);
        }
        if ("Existing_Account_Owner".equals(rows.getString(2))) {
          found = rows.getString(1);
          break;
        }
      }
    }
    if (found == null) {
      return Optional.empty();
    }
    List<LoggedDecision> logged = assembly.get(RoutingLog.class).findByLead(found);
    return logged.isEmpty() ? Optional.empty() : Optional.of(found);
  }

  /** Which team each owner id belongs to (a rep's first team), queues by name. */
  private static Map<String, String> teamsByOwner(RuleSet ruleSet) {
    Map<String, String> teams = new HashMap<>();
    for (Team team : ruleSet.teams().values()) {
      for (TeamMember member : team.members()) {
        teams.putIfAbsent(member.userId().value(), team.name());
      }
    }
    ruleSet.queues().forEach((id, queue) -> teams.put(id.value(), "queues"));
    return teams;
  }

  private Path freshStore() throws IOException {
    Files.createDirectories(dataDir);
    for (String file : List.of("lead-router.mv.db", "lead-router.trace.db")) {
      Files.deleteIfExists(dataDir.resolve(file));
    }
    return dataDir.resolve("lead-router").toAbsolutePath();
  }

  private static String storeUrl(Path store) {
    return "jdbc:h2:file:" + store + ";MODE=PostgreSQL";
  }

  private static WorkerSettings settings(URI instance, Path store, int consolePort) {
    return new WorkerSettings(
        Mode.LIVE,
        new SalesforceSettings(
            instance,
            Optional.empty(),
            "62.0",
            AuthMethod.CLIENT_CREDENTIALS,
            Optional.of(DemoOrgGenerator.CLIENT_ID),
            Optional.empty(),
            Optional.empty(),
            Optional.of(new Secret(DemoOrgGenerator.CLIENT_SECRET)),
            Optional.empty(),
            CLIENT),
        new StoreSettings(storeUrl(store), Optional.empty(), Optional.empty(), 4),
        new RulesSettings(
            RulesSource.FILE, Path.of("config/demo/rules.yaml"), Duration.ofMinutes(5)),
        new PipelineSettings(1000, PipelineSettings.MAX_WRITE_BATCH_SIZE, 2000),
        new AdminSettings("127.0.0.1", consolePort, Optional.empty()),
        new LoggingSettings(LogFormat.TEXT),
        EnrichSettings.disabled(),
        shippedSlaSettings());
  }

  /**
   * SLA tracking as the shipped configuration sets it up (follow-up Tasks, clocks, first touches),
   * so the demo shows the whole job; the environment is left out so a shell's settings cannot
   * change what the demo does.
   */
  private static SlaSettings shippedSlaSettings() {
    return new WorkerSettingsLoader().load(Path.of("config/application.conf"), Map.of()).sla();
  }

  private static void awaitSubscribed(Worker worker) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!worker.isSubscribed()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the worker did not subscribe within 30 s");
      }
      TimeUnit.MILLISECONDS.sleep(50);
    }
  }

  /** API calls the org counted so far, this probe included. */
  private static long apiUsage(URI instance) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    String token =
        JsonOutput.mapper()
            .readTree(
                http.send(
                        HttpRequest.newBuilder(instance.resolve("/services/oauth2/token"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(
                                HttpRequest.BodyPublishers.ofString(
                                    "grant_type=client_credentials&client_id="
                                        + DemoOrgGenerator.CLIENT_ID
                                        + "&client_secret="
                                        + DemoOrgGenerator.CLIENT_SECRET))
                            .build(),
                        HttpResponse.BodyHandlers.ofString())
                    .body())
            .get("access_token")
            .asText();
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(
                    instance.resolve("/services/data/v62.0/query?q=SELECT+Id+FROM+User+LIMIT+1"))
                .header("Authorization", "Bearer " + token)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    Matcher m = API_USAGE.matcher(response.headers().firstValue("Sforce-Limit-Info").orElse(""));
    if (!m.find()) {
      throw new IllegalStateException("the org reported no api-usage");
    }
    return Long.parseLong(m.group(1));
  }

  static String describe(Map<String, Long> counts) {
    return counts.entrySet().stream()
        .map(e -> e.getKey() + " " + e.getValue())
        .collect(Collectors.joining("  "));
  }
}
