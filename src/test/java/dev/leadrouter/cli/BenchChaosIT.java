package dev.leadrouter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leadrouter.testing.PackagedJar;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bench chaos} small, from the packaged jar as users run it: 200 leads under faults, three
 * SIGKILLs of the worker process, one outage past the org's replay retention; the org must show
 * every lead routed exactly once.
 */
class BenchChaosIT {

  private static final Path JAR = PackagedJar.JAR;

  @TempDir Path scratch;

  @Test
  void underFaultsAndKillsEveryLeadIsRoutedOnceAndTheOutageIsReconciled() throws Exception {
    assertThat(JAR).as("built by mvn package before integration tests").exists();
    Path report = scratch.resolve("chaos.json");
    List<String> command =
        PackagedJar.command(
            List.of(),
            List.of(
                "bench",
                "chaos",
                "--leads",
                "200",
                "--kills",
                "3",
                "--rate",
                "10",
                "--retention",
                "10s",
                "--outage",
                "20s",
                "--work-dir",
                scratch.resolve("work").toString(),
                "--json",
                report.toString()));
    Path output = scratch.resolve("output.txt");
    Process process = PackagedJar.start(command, output);
    if (!process.waitFor(240, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("bench chaos ran over four minutes:\n" + Files.readString(output));
    }

    assertThat(process.exitValue()).as(Files.readString(output)).isZero();
    JsonNode json = new ObjectMapper().readTree(report.toFile());
    assertThat(json.path("leads").asInt()).isEqualTo(200);
    assertThat(json.path("lost").asLong()).as(json.toString()).isZero();
    assertThat(json.path("duplicated_writes").asLong()).as(json.toString()).isZero();
    assertThat(json.path("duplicate_tasks").asLong()).as(json.toString()).isZero();
    assertThat(json.path("decided_twice").asLong()).as(json.toString()).isZero();
    assertThat(json.path("kills").asInt()).isEqualTo(3);
    assertThat(json.path("outages_past_retention").asInt()).isEqualTo(1);
    assertThat(json.path("reconciled").asLong())
        .as("leads created during the outage were found by query")
        .isPositive();
    assertThat(json.path("sla_tasks").asLong()).as("one follow-up Task per lead").isEqualTo(200);
    assertThat(json.path("dead_letters_explained").asBoolean()).isTrue();
    assertThat(json.path("max_recovery_s").asDouble()).isPositive();
    assertThat(json.path("recovery_s")).hasSize(3);
  }
}
