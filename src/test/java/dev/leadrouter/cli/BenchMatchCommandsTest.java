package dev.leadrouter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leadrouter.bench.MatchEvalSet;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchMatchCommandsTest {

  @TempDir Path dir;

  /** The target: precision at least 0.99 at recall at least 0.95, on the shipped set. */
  @Test
  void matchQualityMeetsTheTargetOnTheEvaluationSet() throws IOException {
    Path report = dir.resolve("quality.json");

    CliRun run = CliRun.of("bench", "match-quality", "--json", report.toString());

    assertThat(run.exitCode()).as(run.toString()).isZero();
    JsonNode figures = new ObjectMapper().readTree(report.toFile()).path("lead_router");
    assertThat(figures.path("leads_with_account").asInt()).isGreaterThanOrEqualTo(2_000);
    double withoutShare =
        1 - figures.path("leads_with_account").asDouble() / figures.path("leads").asDouble();
    assertThat(withoutShare).isGreaterThanOrEqualTo(0.30);
    assertThat(figures.path("precision").asDouble())
        .as(figures.toString())
        .isGreaterThanOrEqualTo(0.99);
    assertThat(figures.path("recall").asDouble())
        .as(figures.toString())
        .isGreaterThanOrEqualTo(0.95);
    // every method shows up, so none of them is dead weight
    assertThat(figures.path("by_method").size()).isGreaterThanOrEqualTo(6);
  }

  /** The set written as Data Loader CSVs, matched by the batch command: the same answers. */
  @Test
  void theBatchCommandMatchesTheWrittenSetAsWell() throws IOException {
    Path set = dir.resolve("set");
    assertThat(CliRun.of("bench", "match-quality", "--write-set", set.toString()).exitCode())
        .isZero();
    Path out = dir.resolve("matches.csv");

    CliRun run =
        CliRun.of(
            "match",
            "--accounts",
            set.resolve("accounts.csv").toString(),
            "--leads",
            set.resolve("leads.csv").toString(),
            "--out",
            out.toString());

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.err()).contains("0 rows skipped");
    java.util.Map<String, String> expected = new java.util.HashMap<>();
    for (String line :
        java.nio.file.Files.readAllLines(set.resolve("expected.csv")).subList(1, 3101)) {
      String[] cells = line.split(",", -1);
      expected.put(cells[0], cells[1]);
    }
    java.util.List<String> rows = java.nio.file.Files.readAllLines(out);
    assertThat(rows).hasSize(3101);
    int matched = 0;
    int correct = 0;
    for (String row : rows.subList(1, rows.size())) {
      String[] cells = row.split(",", -1);
      if (!cells[1].isEmpty()) {
        matched++;
        correct += cells[1].equals(expected.get(cells[0])) ? 1 : 0;
      }
    }
    assertThat((double) correct / matched).isGreaterThanOrEqualTo(0.99);
    assertThat(correct / 2100.0).isGreaterThanOrEqualTo(0.95);
  }

  @Test
  void theEvaluationSetIsTheSameForTheSameSeed() {
    MatchEvalSet first = MatchEvalSet.generate(7, 300, 200, 100);
    MatchEvalSet second = MatchEvalSet.generate(7, 300, 200, 100);
    MatchEvalSet other = MatchEvalSet.generate(8, 300, 200, 100);

    assertThat(second).isEqualTo(first);
    assertThat(other).isNotEqualTo(first);
    assertThat(first.leads()).hasSize(300);
    assertThat(first.leads().stream().filter(l -> l.expected() == null)).hasSize(100);
  }

  @Test
  void matchBenchmarkWritesItsFiguresAsJson() throws IOException {
    Path report = dir.resolve("match.json");

    CliRun run =
        CliRun.of(
            "bench",
            "match",
            "--accounts",
            "5000",
            "--lookups",
            "2000",
            "--warmup",
            "500",
            "--json",
            report.toString());

    assertThat(run.exitCode()).as(run.toString()).isZero();
    JsonNode figures = new ObjectMapper().readTree(report.toFile());
    for (String key : new String[] {"build_s", "heap_mb", "lookups_per_sec", "p99_us"}) {
      assertThat(figures.path(key).isNumber()).as(key + " in " + figures).isTrue();
    }
    assertThat(figures.path("accounts").asInt()).isEqualTo(5000);
    assertThat(figures.path("matched_share").asDouble()).isBetween(0.5, 0.9);
    assertThat(run.err()).contains("accounts");
  }

  @Test
  void matchBenchmarkRejectsAnEmptyIndex() {
    CliRun run = CliRun.of("bench", "match", "--accounts", "0");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).contains("--accounts");
  }
}
