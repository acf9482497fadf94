package dev.leadrouter.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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
