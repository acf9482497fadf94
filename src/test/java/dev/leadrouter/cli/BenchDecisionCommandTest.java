package dev.leadrouter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchDecisionCommandTest {

  @TempDir Path dir;

  @Test
  void writesItsFiguresAsJson() throws IOException {
    Path report = dir.resolve("bench.json");

    CliRun run =
        CliRun.of(
            "bench",
            "decision",
            "--decisions",
            "2000",
            "--warmup",
            "1000",
            "--json",
            report.toString());

    assertThat(run.exitCode()).as(run.toString()).isZero();
    JsonNode figures = new ObjectMapper().readTree(report.toFile());
    for (String key : new String[] {"decisions_per_sec", "p50_us", "p99_us"}) {
      assertThat(figures.path(key).isNumber()).as(key + " in " + figures).isTrue();
      assertThat(figures.path(key).asDouble()).as(key).isPositive();
    }
    assertThat(figures.path("decisions").asInt()).isEqualTo(2000);
    assertThat(figures.path("p99_us").asDouble())
        .isGreaterThanOrEqualTo(figures.path("p50_us").asDouble());
    // The same report goes to standard output; the progress bar goes to standard error.
    assertThat(new ObjectMapper().readTree(run.out())).isEqualTo(figures);
    assertThat(run.err()).contains("decisions");
  }

  @Test
  void rejectsAnEmptyMeasurement() {
    CliRun run = CliRun.of("bench", "decision", "--decisions", "0", "--warmup", "0");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).contains("--decisions").doesNotContain("Exception");
  }
}
