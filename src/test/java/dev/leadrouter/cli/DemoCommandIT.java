package dev.leadrouter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live demo end to end with few leads: emulator, worker and generator in one process, every
 * lead routed once as the org's own records and change log show, and the summary's keys; then the
 * routing log explains one of them.
 */
class DemoCommandIT {

  @TempDir Path dir;

  @Test
  void everyLeadIsRoutedOnceAndTheSummaryHasItsKeys() throws Exception {
    Path summary = dir.resolve("summary.json");

    CliRun run =
        CliRun.of(
            "demo",
            "--leads",
            "60",
            "--rate",
            "30",
            "--rep-touch",
            "200ms..1s",
            "--summary",
            summary.toString(),
            "--data-dir",
            dir.resolve("data").toString());

    assertThat(run.exitCode()).as(run.toString()).isZero();
    JsonNode report = new ObjectMapper().readTree(summary.toFile());
    assertThat(report.fieldNames())
        .toIterable()
        .contains(
            "leads_created",
            "leads_routed",
            "owners_written",
            "sla_tasks_created",
            "first_touches",
            "time_to_first_touch_ms",
            "lost",
            "duplicates",
            "speed_to_lead_ms",
            "api_calls",
            "by_rule",
            "by_owner");
    assertThat(report.get("leads_created").asInt()).isEqualTo(60);
    assertThat(report.get("lost").asInt()).isZero();
    assertThat(report.get("duplicates").asInt()).isZero();
    assertThat(report.get("owners_written").asInt()).isEqualTo(60);
    // Reps touched leads given to users (some always are: account and lead owners) in UI edits.
    assertThat(report.get("first_touches").asLong()).as(run.out()).isBetween(1L, 60L);
    assertThat(report.get("time_to_first_touch_ms").get("p50").asLong()).isBetween(150L, 5_000L);
    assertThat(report.get("leads_routed").asInt()).isEqualTo(60);
    assertThat(report.get("speed_to_lead_ms").fieldNames())
        .toIterable()
        .containsExactly("p50", "p90", "p99", "max");
    assertThat(report.get("api_calls").asLong()).isPositive();
    long byRule = 0;
    for (JsonNode count : report.get("by_rule")) {
      byRule += count.asLong();
    }
    assertThat(byRule).isEqualTo(60);
    assertThat(run.out()).contains("Measured from the org", "lost", "speed to lead");

    CliRun why =
        CliRun.of(
            "explain",
            "--lead-id",
            report.get("example_lead_id").asText(),
            "--store",
            report.get("store").asText());
    assertThat(why.exitCode()).as(why.toString()).isZero();
    assertThat(why.out())
        .contains("Lead " + report.get("example_lead_id").asText() + " went to")
        .contains("Rules tried, in order:");
  }

  @Test
  void explainWithoutALeadOrWithBothIsAUsageError() {
    CliRun neither = CliRun.of("explain");
    CliRun both = CliRun.of("explain", "--lead", "x.json", "--lead-id", "00Q");

    assertThat(neither.exitCode()).isEqualTo(2);
    assertThat(both.exitCode()).isEqualTo(2);
    assertThat(neither.err()).contains("--lead-id");
  }

  @Test
  void aBadRepTouchRangeIsAUsageErrorNamingIt() {
    CliRun demo = CliRun.of("demo", "--rep-touch", "20s..2s");
    CliRun emulator = CliRun.of("emulator", "--rep-touch", "soon");

    assertThat(demo.exitCode()).as(demo.toString()).isEqualTo(2);
    assertThat(demo.err()).contains("--rep-touch: invalid rep-touch '20s..2s'", "MAX is shorter");
    assertThat(emulator.exitCode()).as(emulator.toString()).isEqualTo(2);
    assertThat(emulator.err()).contains("invalid rep-touch 'soon'");
  }
}
