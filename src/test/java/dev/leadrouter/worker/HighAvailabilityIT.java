package dev.leadrouter.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leadrouter.testing.OrgCredentialsFile;
import dev.leadrouter.testing.PackagedJar;
import dev.leadrouter.testing.WorkerConfFile;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two {@code lead-router run} processes (the packaged jar, as users run it) on one PostgreSQL and
 * one emulated org: one becomes active, the other stands by; the active one is SIGKILLed in the
 * middle of a stream of new leads, and the standby takes over from the shared checkpoint. In the
 * end every lead has exactly one decision, its owner in the org is that decision's, and the worker
 * wrote each lead once (one change from {@code client=lead-router} per lead in the org's stream).
 */
class HighAvailabilityIT {

  private static final Path JAR = PackagedJar.JAR;
  private static final String RULES = "src/test/resources/worker/rules.yaml";
  private static final Pattern HEALTH_URL =
      Pattern.compile("health and metrics at (http://\\S+?);");
  private static final Duration TAKEOVER_LIMIT = Duration.ofSeconds(10);

  @TempDir Path scratch;
  private final Clock clock = Clock.systemUTC();
  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();
  private final List<Process> processes = new ArrayList<>();
  // Lead id -> changes the worker made to it, as the org published them.
  private final Map<String, Integer> workerChanges = new ConcurrentHashMap<>();
  private EmbeddedPostgres postgres;
  private TestOrg org;
  private Path config;
  private Path credentials;

  @BeforeEach
  void startDatabaseAndOrg() throws Exception {
    postgres = EmbeddedPostgres.start();
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE ha");
    }
    org = new TestOrg(clock);
    org.server().onChangeEvent(this::countWorkerChanges);
    config =
        WorkerConfFile.write(
            scratch.resolve("worker.conf"),
            "lead-router.mode = LIVE",
            "lead-router.rules.source = file",
            "lead-router.admin.port = 0",
            "lead-router.sla.enabled = false",
            "lead-router.store.url = \"" + postgres.getJdbcUrl("postgres", "ha") + "\"");
    credentials =
        OrgCredentialsFile.write(
            scratch.resolve("org.json"),
            OrgCredentialsFile.clientCredentials(
                org.instanceUrl(),
                "integration@worker.test",
                TestOrg.CLIENT_ID,
                TestOrg.CLIENT_SECRET));
  }

  @AfterEach
  void stopEverything() throws Exception {
    for (Process process : processes) {
      process.destroy();
    }
    for (Process process : processes) {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
    org.close();
    postgres.close();
  }

  @Test
  void theStandbyTakesOverWithinTenSecondsOfTheActiveWorkersKillAndEveryLeadIsRoutedOnce()
      throws Exception {
    Pair pair = startPair();
    Trickle trickle = new Trickle();
    await().atMost(Duration.ofSeconds(20)).until(() -> trickle.created() >= 40);

    long killedAt = System.nanoTime();
    pair.active().process().destroyForcibly();
    Takeover takeover = awaitTakeover(pair.standby(), killedAt);
    System.out.printf(
        Locale.ROOT,
        "HA takeover after SIGKILL: the standby took the lease %.2f s and was routing %.2f s after"
            + " the active worker was killed (limit %d s)%n",
        takeover.leaseSeconds(),
        takeover.routingSeconds(),
        TAKEOVER_LIMIT.toSeconds());

    // Leads keep coming while the standby takes over, then stop.
    int atKill = trickle.created();
    await().atMost(Duration.ofSeconds(20)).until(() -> trickle.created() >= atKill + 40);
    List<String> leads = trickle.stop();
    leads.addAll(pair.warmUp().stream().filter(this::hasDecision).toList());

    assertEveryLeadRoutedAndWrittenOnce(leads);
    printLines(pair.standby(), "lease", "last run", "reached Salesforce");
    assertThat(health(pair.standby(), "leadership"))
        .isEqualTo("active; holds the worker lease, epoch 2");
    System.out.printf(
        Locale.ROOT,
        "HA takeover after SIGKILL: %d leads (%d created after the kill), each routed and written"
            + " once%n",
        leads.size(),
        leads.size() - atKill);
  }

  @Test
  void aPausedActiveWorkerIsReplacedAndWhenItWakesUpWritesNothingAndExits() throws Exception {
    Pair pair = startPair();
    Trickle trickle = new Trickle();
    await().atMost(Duration.ofSeconds(20)).until(() -> trickle.created() >= 20);

    // A long GC pause or a frozen VM: the process lives, its connections stay open, it renews
    // nothing.
    long pausedAt = System.nanoTime();
    signal(pair.active(), "STOP");
    Takeover takeover = awaitTakeover(pair.standby(), pausedAt);
    System.out.printf(
        Locale.ROOT,
        "HA takeover after SIGSTOP: the standby took the lease %.2f s and was routing %.2f s after"
            + " the active worker froze (ttl 6 s; limit %d s)%n",
        takeover.leaseSeconds(),
        takeover.routingSeconds(),
        TAKEOVER_LIMIT.toSeconds());
    assertThat(pair.standby().log()).contains("has not renewed its lease");

    signal(pair.active(), "CONT");
    assertThat(pair.active().process().waitFor(30, TimeUnit.SECONDS))
        .as("the woken worker stops")
        .isTrue();
    assertThat(pair.active().process().exitValue()).as(pair.active().log()).isEqualTo(3);
    assertThat(pair.active().log()).contains("LOST THE WORKER LEASE");
    printLines(pair.active(), "lease", "not writ", "not written", "parked");

    int atWake = trickle.created();
    await().atMost(Duration.ofSeconds(20)).until(() -> trickle.created() >= atWake + 20);
    List<String> leads = trickle.stop();
    leads.addAll(pair.warmUp().stream().filter(this::hasDecision).toList());
    assertEveryLeadRoutedAndWrittenOnce(leads);
  }

  /** Two workers started together: which one won, and the leads that warmed the winner up. */
  private record Pair(Worker active, Worker standby, List<String> warmUp) {}

  private Pair startPair() throws Exception {
    Worker a = start("a");
    Worker b = start("b");
    await().atMost(Duration.ofSeconds(60)).until(() -> a.running() || b.running());
    Worker active = a.running() ? a : b;
    Worker standby = active == a ? b : a;
    await().atMost(Duration.ofSeconds(30)).until(() -> standby.log().contains("standing by"));
    assertThat(health(standby, "leadership")).startsWith("standby");
    assertThat(health(active, "leadership")).isEqualTo("active; holds the worker lease, epoch 1");

    // The first worker of a new store starts from new events: create leads until one is routed,
    // so the subscription is up and a checkpoint exists to take over from.
    List<String> warmUp = new ArrayList<>();
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(300))
        .until(
            () -> {
              warmUp.add(org.createLead(WorkerIT.webLead("Warm" + warmUp.size(), "Warm Ltd")));
              return warmUp.stream().anyMatch(id -> org.lead(id).get("Routing_Rule__c") != null)
                  && checkpointExists();
            });
    return new Pair(active, standby, warmUp);
  }

  /** A web form's steady trickle of new leads, one every 40 ms, until stopped. */
  private final class Trickle {
    private final List<String> leads = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService producer = Executors.newSingleThreadScheduledExecutor();

    Trickle() {
      producer.scheduleAtFixedRate(
          () -> {
            try {
              leads.add(org.createLead(WorkerIT.webLead("Lead" + leads.size(), "Co")));
            } catch (Exception failed) {
              throw new IllegalStateException(failed);
            }
          },
          0,
          40,
          TimeUnit.MILLISECONDS);
    }

    int created() {
      return leads.size();
    }

    List<String> stop() throws InterruptedException {
      producer.shutdown();
      assertThat(producer.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
      return new ArrayList<>(leads);
    }
  }

  private record Takeover(double leaseSeconds, double routingSeconds) {}

  private Takeover awaitTakeover(Worker standby, long since) throws Exception {
    await()
        .atMost(TAKEOVER_LIMIT)
        .pollInterval(Duration.ofMillis(20))
        .until(() -> standby.log().contains("ACTIVE: took the worker lease"));
    double lease = seconds(System.nanoTime() - since);
    await().atMost(TAKEOVER_LIMIT).pollInterval(Duration.ofMillis(20)).until(standby::running);
    double routing = seconds(System.nanoTime() - since);
    assertThat(routing).as("seconds until the standby routes").isLessThan(10);
    return new Takeover(lease, routing);
  }

  private void assertEveryLeadRoutedAndWrittenOnce(List<String> leads) throws Exception {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> leads.stream().allMatch(id -> org.lead(id).get("Routing_Rule__c") != null));
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                decisions().values().stream()
                    .allMatch(d -> d.statuses().equals(List.of("WRITTEN"))));
    Map<String, Decided> decisions = decisions();
    for (String lead : leads) {
      assertThat(decisions.get(lead))
          .as("lead %s has exactly one decision, written", lead)
          .isNotNull()
          .extracting(Decided::statuses)
          .isEqualTo(List.of("WRITTEN"));
      assertThat(org.lead(lead).get("OwnerId"))
          .as("lead %s carries its decision's owner", lead)
          .isEqualTo(decisions.get(lead).owner());
    }
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> leads.stream().allMatch(id -> workerChanges.getOrDefault(id, 0) >= 1));
    assertThat(leads)
        .as("the worker changed each lead once: nothing written twice across the takeover")
        .allSatisfy(id -> assertThat(workerChanges.get(id)).as(id).isEqualTo(1));
  }

  /** What a worker said about the lease and its writes, for whoever reads the test's output. */
  private static void printLines(Worker worker, String... words) throws IOException {
    worker
        .log()
        .lines()
        .filter(line -> java.util.Arrays.stream(words).anyMatch(line::contains))
        .limit(12)
        .forEach(line -> System.out.println("  [" + worker.name() + "] " + line));
  }

  private static void signal(Worker worker, String signal) throws Exception {
    Process kill =
        new ProcessBuilder("kill", "-" + signal, Long.toString(worker.process().pid()))
            .inheritIO()
            .start();
    assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(kill.exitValue()).as("kill -%s", signal).isZero();
  }

  /** One {@code lead-router run} process and what it printed. */
  private record Worker(String name, Process process, Path output) {
    String log() throws IOException {
      return Files.readString(output, StandardCharsets.UTF_8);
    }

    boolean running() throws IOException {
      return log().contains("worker running in LIVE mode");
    }
  }

  private Worker start(String name) throws IOException {
    assertThat(JAR).as("built by mvn package before integration tests").exists();
    List<String> command =
        PackagedJar.command(
            List.of("-Xmx256m"), PackagedJar.run(config, credentials, "--rules", RULES));
    Path output = scratch.resolve(name + ".log");
    Process process = PackagedJar.start(command, output);
    processes.add(process);
    return new Worker(name, process, output);
  }

  private String health(Worker worker, String component) throws Exception {
    Matcher url = HEALTH_URL.matcher(worker.log());
    assertThat(url.find())
        .as("%s printed its admin address:%n%s", worker.name(), worker.log())
        .isTrue();
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(url.group(1) + "/health")).build(),
            HttpResponse.BodyHandlers.ofString());
    return json.readTree(response.body())
        .path("components")
        .path(component)
        .path("detail")
        .asText();
  }

  private void countWorkerChanges(String channel, Map<String, Object> data) {
    if (!WorkerModule.LEAD_CHANNEL.equals(channel)) {
      return;
    }
    JsonNode header = json.valueToTree(data).path("payload").path("ChangeEventHeader");
    if ("UPDATE".equals(header.path("changeType").asText())
        && header.path("changeOrigin").asText().contains("client=lead-router")) {
      header.path("recordIds").forEach(id -> workerChanges.merge(id.asText(), 1, Integer::sum));
    }
  }

  private record Decided(String owner, List<String> statuses) {}

  private Map<String, Decided> decisions() throws Exception {
    Map<String, Decided> decisions = new HashMap<>();
    try (Connection connection = store().getConnection();
        Statement statement = connection.createStatement();
        ResultSet row =
            statement.executeQuery(
                "SELECT lead_id, owner_id, status FROM routing_decision ORDER BY id")) {
      while (row.next()) {
        String lead = row.getString(1);
        Decided earlier = decisions.get(lead);
        List<String> statuses = new ArrayList<>(earlier == null ? List.of() : earlier.statuses());
        statuses.add(row.getString(3));
        decisions.put(lead, new Decided(row.getString(2), statuses));
      }
    }
    return decisions;
  }

  private boolean hasDecision(String lead) {
    try {
      return decisions().containsKey(lead);
    } catch (Exception unreadable) {
      throw new IllegalStateException(unreadable);
    }
  }

  private boolean checkpointExists() throws Exception {
    try (Connection connection = store().getConnection();
        Statement statement = connection.createStatement();
        ResultSet row =
            statement.executeQuery(
                "SELECT COUNT(*) FROM replay_checkpoint WHERE channel = '"
                    + WorkerModule.LEAD_CHANNEL
                    + "'")) {
      row.next();
      return row.getInt(1) == 1;
    }
  }

  private DataSource store() {
    return postgres.getDatabase("postgres", "ha");
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }
}
