package dev.leadrouter.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.google.inject.Inject;
import dev.leadrouter.emulator.OrgServer;
import dev.leadrouter.emulator.faults.FaultPlan;
import dev.leadrouter.emulator.org.ConnectedApp;
import dev.leadrouter.emulator.org.Org;
import dev.leadrouter.emulator.rest.RepTouchPlan;
import dev.leadrouter.emulator.seed.DemoOrgGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Runs a local Salesforce org until interrupted. */
@Command(
    name = "emulator",
    mixinStandardHelpOptions = true,
    description = {
      "Runs a local Salesforce org on one loopback port: OAuth token endpoint,",
      "REST API, Bulk API 1.0 and Streaming API (CometD change events), seeded",
      "from a file. Stop it with Ctrl-C.",
      "",
      "Fault injection: --faults takes a comma-separated list; change it while",
      "the org runs with PUT <instance_url>/emulator/faults (the list as body).",
      "  lock=P               updates fail UNABLE_TO_LOCK_ROW with probability P",
      "  503-burst=N/PERIOD   first N REST/Bulk calls of every PERIOD get 503",
      "  rate-limit=W[/PER]   last W of every PER (default 5m): 403",
      "                       REQUEST_LIMIT_EXCEEDED (1h/1h: always)",
      "  session-expiry=D     tokens expire D after issue (401, 401::)",
      "  stall-poll=P[/D]     CometD long polls held, cut after D (default 30s)",
      "  drop-poll=P          CometD long polls cut at once",
      "  latency=D            every request answered D later",
      "P: 0..1 or N%%. D, W, PERIOD: 500ms, 30s, 5m, 1h. Example:",
      "  --faults lock=0.02,503-burst=5/60s,rate-limit=30s,latency=20ms",
      "",
      "--rep-touch 30s..5m/0.1: the org's reps touch each lead a user gets",
      "(Status to Working - Contacted, a UI edit) 30s to 5m later; 10%% never."
    })
final class EmulatorCommand implements Callable<Integer> {

  /** config/demo/rules.yaml as records, written by lead-router rules export --to-sfdx. */
  static final String DEMO_METADATA = "config/demo/salesforce";

  @Option(
      names = "--port",
      defaultValue = "0",
      paramLabel = "PORT",
      description = "Port on 127.0.0.1 (default: any free port).")
  int port;

  @Option(
      names = "--seed",
      paramLabel = "FILE",
      description = "Seed JSON with users, queues, accounts, leads and apps (default: built-in).")
  Path seed;

  @Option(
      names = "--demo-org",
      description =
          "Serve the generated demo org (10,000 accounts, 60 users in teams) instead of --seed;"
              + " config/demo/rules.yaml routes its leads.")
  boolean demoOrg;

  @Option(
      names = "--metadata",
      paramLabel = "DIR",
      description =
          "Serve the Custom Metadata records of an SFDX source folder (its customMetadata/*.md-meta.xml)"
              + " in place of the seed's, as deploying it would; e.g."
              + " config/salesforce/force-app/main/default. With --demo-org the default is "
              + DEMO_METADATA
              + ", the demo rule set as records.")
  Path metadata;

  @Option(
      names = "--credentials-out",
      paramLabel = "FILE",
      description = "Also write the connection as JSON, the keys --org-credentials reads.")
  Path credentialsOut;

  @Option(
      names = "--faults",
      paramLabel = "LIST",
      description = "Faults to inject, e.g. lock=0.02,latency=20ms (see above; default none).")
  String faults;

  @Option(
      names = "--daily-api-limit",
      defaultValue = "15000",
      paramLabel = "N",
      description =
          "REST and Bulk calls allowed before REQUEST_LIMIT_EXCEEDED (default: ${DEFAULT-VALUE}).")
  long dailyApiLimit;

  @Option(
      names = "--fault-seed",
      defaultValue = "42",
      paramLabel = "N",
      description =
          "Seed of the faults' random choices, so runs repeat (default: ${DEFAULT-VALUE}).")
  long faultSeed;

  @Option(
      names = "--rep-touch",
      paramLabel = "MIN..MAX[/NEVER]",
      description =
          "Reps touch the leads users get after a delay in this range, except the share NEVER,"
              + " e.g. 30s..5m/0.1 (default: nobody touches).")
  String repTouch;

  @Spec CommandSpec spec;

  private final Clock clock;

  @Inject
  EmulatorCommand(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Integer call() throws Exception {
    FaultPlan plan;
    try {
      plan = FaultPlan.parse(faults == null ? "" : faults);
    } catch (IllegalArgumentException e) {
      throw new InputException("--faults: " + e.getMessage());
    }
    Optional<RepTouchPlan> touches = DemoCommand.repTouchPlan(repTouch);
    if (demoOrg && seed != null) {
      throw new InputException("--demo-org and --seed exclude each other: choose one org");
    }
    Org org =
        demoOrg
            ? DemoOrgGenerator.org(clock)
            : seed == null ? Org.small(clock) : Org.load(seed, clock);
    Path records = metadata;
    if (records == null && demoOrg && Files.isDirectory(Path.of(DEMO_METADATA))) {
      records = Path.of(DEMO_METADATA);
    }
    if (records != null) {
      SfdxMetadataSeed.load(org, records);
    }
    if (dailyApiLimit < 1) {
      throw new InputException("--daily-api-limit must be at least 1, was " + dailyApiLimit);
    }
    OrgServer.Settings settings =
        OrgServer.Settings.defaults(clock).withPort(port).withDailyApiLimit(dailyApiLimit);
    CountDownLatch stopped = new CountDownLatch(1);
    boolean interrupted = false;
    try (OrgServer server = new OrgServer(settings, org, faultSeed).start()) {
      server.faults().set(plan);
      touches.ifPresent(server::repTouch);
      Thread hook = new Thread(() -> closeQuietly(server, stopped), "emulator-shutdown");
      Runtime.getRuntime().addShutdownHook(hook);
      Map<String, Object> credentials = credentials(server, settings, org);
      PrintWriter out = spec.commandLine().getOut();
      out.printf("Salesforce org emulator at %s%n", server.instanceUrl());
      out.printf("  login URL      %s/services/oauth2/token%n", server.instanceUrl());
      out.printf("  CometD         %s%n", server.cometdUri());
      out.printf("  client_id      %s%n", credentials.get("client_id"));
      out.printf("  client_secret  %s%n", credentials.get("client_secret"));
      out.printf("  username       %s%n", credentials.get("username"));
      out.printf("  faults         %s%n", plan.describe());
      touches.ifPresent(t -> out.printf("  rep touch      %s%n", t.describe()));
      if (credentialsOut != null) {
        write(credentials);
        out.printf("Credentials written to %s%n", credentialsOut);
      }
      out.println("Press Ctrl-C to stop.");
      out.flush();
      try {
        stopped.await();
      } catch (InterruptedException byCaller) {
        // Stopped by the thread that ran us (tests, an embedding tool) rather than by Ctrl-C.
        // The flag is restored only after Jetty stopped: an interrupted thread cannot stop it.
        interrupted = true;
        Runtime.getRuntime().removeShutdownHook(hook);
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }

  private static Map<String, Object> credentials(
      OrgServer server, OrgServer.Settings settings, Org org) {
    ConnectedApp app =
        org.apps().stream()
            .findFirst()
            .orElseThrow(() -> new InputException("the seed has no apps to sign in with"));
    Map<String, Object> credentials = new LinkedHashMap<>();
    credentials.put("instance_url", server.instanceUrl().toString());
    // Client credentials are served only on the org's own (My Domain) host: login is the org.
    credentials.put("login_url", server.instanceUrl().toString());
    credentials.put("username", app.username());
    // SOAP login takes the seeded password; null when the app's user has none.
    credentials.put("password", org.passwords().get(app.username()));
    credentials.put("client_id", app.clientId());
    credentials.put("client_secret", app.clientSecret());
    credentials.put("api_version", settings.apiVersion());
    return credentials;
  }

  private void write(Map<String, Object> credentials) throws IOException {
    Path target = credentialsOut.toAbsolutePath();
    Path temp = Files.createTempFile(target.getParent(), ".credentials", ".json");
    new ObjectMapper()
        .enable(SerializationFeature.INDENT_OUTPUT)
        .writeValue(temp.toFile(), credentials);
    // Readers polling for the file never see it half written.
    Files.move(
        temp,
        target,
        java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  private static void closeQuietly(OrgServer server, CountDownLatch stopped) {
    try {
      server.close();
    } catch (Exception e) {
      System.err.println("emulator did not stop cleanly: " + e);
    } finally {
      stopped.countDown();
    }
  }
}
