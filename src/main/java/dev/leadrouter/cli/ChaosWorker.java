package dev.leadrouter.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leadrouter.emulator.generator.OrgConnection;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The worker of {@code bench chaos} as a child process, started as users start it ({@code java -jar
 * lead-router.jar run ...}), killed with SIGKILL, restarted on the same store, and probed on its
 * ops endpoint. Its output goes to one log file across every start.
 */
final class ChaosWorker implements AutoCloseable {

  private final List<String> command;
  private final Map<String, String> environment;
  private final File log;
  private final URI health;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();
  private Process process;
  private int starts;

  /**
   * @param environment the worker's settings as the shipped configuration reads them ({@code
   *     LEAD_ROUTER_*}); inherited {@code LEAD_ROUTER_*} variables are dropped, so the shell the
   *     bench runs in cannot change what the worker does
   */
  ChaosWorker(
      Path jar,
      Path config,
      Path credentials,
      Path rules,
      Map<String, String> environment,
      int adminPort,
      Path log) {
    this.command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // A restart is part of the recovery time: a small heap and quick JIT start it sooner.
    command.addAll(List.of("-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
    command.addAll(List.of("-jar", jar.toString(), "run"));
    command.addAll(
        List.of(
            "--config",
            config.toString(),
            "--org-credentials",
            credentials.toString(),
            "--rules",
            rules.toString()));
    this.environment = Map.copyOf(environment);
    this.log = log.toFile();
    this.health = URI.create("http://127.0.0.1:" + adminPort + "/health");
  }

  /**
   * A worker on the in-process demo org at {@code instance}, with its files under {@code work}: the
   * org connection ({@code org.json}, readable by its owner only) and the log ({@code worker.log});
   * mode, store, admin port, rule source, SLA and the wait after REQUEST_LIMIT_EXCEEDED come in
   * through their environment variables.
   */
  static ChaosWorker onDemoOrg(
      Path jar,
      Path config,
      Path rules,
      URI instance,
      Path work,
      String storeUrl,
      Duration budgetWait)
      throws IOException {
    int port = freePort();
    Map<String, String> environment = new HashMap<>();
    environment.put("LEAD_ROUTER_MODE", "LIVE");
    environment.put("LEAD_ROUTER_STORE_URL", storeUrl);
    environment.put("LEAD_ROUTER_ADMIN_BIND", "127.0.0.1");
    environment.put("LEAD_ROUTER_ADMIN_PORT", Integer.toString(port));
    environment.put("LEAD_ROUTER_RULES_SOURCE", "file");
    environment.put("LEAD_ROUTER_SLA_ENABLED", "true");
    environment.put("LEAD_ROUTER_SF_BUDGET_WAIT", budgetWait.toMillis() + "ms");
    return new ChaosWorker(
        jar,
        config,
        credentials(work, instance),
        rules,
        environment,
        port,
        work.resolve("worker.log"));
  }

  /** The org connection as `emulator --credentials-out` writes it, readable by its owner only. */
  private static Path credentials(Path work, URI instance) throws IOException {
    Path file = work.resolve("org.json");
    OrgConnection connection = DemoOrgConnection.at(instance);
    Map<String, Object> credentials = new LinkedHashMap<>();
    credentials.put("instance_url", connection.instanceUrl().toString());
    credentials.put("login_url", connection.loginUrl().toString());
    credentials.put("client_id", connection.clientId());
    credentials.put("client_secret", connection.clientSecret());
    credentials.put("api_version", connection.apiVersion());
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

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /**
   * Waits until the worker routes; fails when it stops first or takes longer than {@code limit}.
   */
  void awaitRouting(Duration limit) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!routes()) {
      if (!isAlive() || System.nanoTime() > deadline) {
        throw new IllegalStateException("the worker did not start (see " + log + ")");
      }
      TimeUnit.MILLISECONDS.sleep(100);
    }
  }

  /** Starts a new worker process; the previous one must be gone. */
  synchronized void start() throws IOException {
    if (process != null && process.isAlive()) {
      throw new IllegalStateException("the worker still runs");
    }
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log));
    builder.environment().keySet().removeIf(name -> name.startsWith("LEAD_ROUTER_"));
    builder.environment().putAll(environment);
    process = builder.start();
    starts++;
  }

  /** SIGKILL: no shutdown hook runs, nothing is drained; returns once the process is gone. */
  synchronized void kill() throws InterruptedException {
    if (process != null) {
      process.destroyForcibly();
      process.waitFor();
    }
  }

  /** SIGTERM, as an operator stops it; waits for the clean stop. */
  synchronized boolean stop(Duration timeout) throws InterruptedException {
    if (process == null || !process.isAlive()) {
      return true;
    }
    process.destroy();
    if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      return true;
    }
    process.destroyForcibly();
    process.waitFor();
    return false;
  }

  synchronized boolean isAlive() {
    return process != null && process.isAlive();
  }

  /** The exit code of a worker that stopped on its own, or -1 while it runs. */
  synchronized int exitCode() {
    return process == null || process.isAlive() ? -1 : process.exitValue();
  }

  int starts() {
    return starts;
  }

  /**
   * Whether the worker says it routes: its ops endpoint answers, nothing is DOWN and the change
   * stream is connected ({@code capture} UP).
   */
  boolean routes() {
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(1)).GET().build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        return false;
      }
      JsonNode body = JsonOutput.mapper().readTree(response.body());
      return !"DOWN".equals(body.path("status").asText())
          && "UP".equals(body.path("components").path("capture").path("status").asText());
    } catch (IOException notYet) {
      return false;
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @Override
  public void close() throws InterruptedException {
    kill();
  }
}
