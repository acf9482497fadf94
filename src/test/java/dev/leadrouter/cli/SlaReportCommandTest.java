package dev.leadrouter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leadrouter.config.StoreSettings;
import dev.leadrouter.store.Database;
import dev.leadrouter.store.NewSlaClock;
import dev.leadrouter.store.SlaClocks;
import dev.leadrouter.store.TouchKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lead-router sla-report} from a store on disk, as an admin runs it. */
class SlaReportCommandTest {

  @TempDir Path dir;

  @Test
  void writesTheReportFromTheStoreAlone() throws Exception {
    StoreSettings store =
        new StoreSettings(
            "jdbc:h2:file:" + dir.resolve("store").toAbsolutePath() + ";MODE=PostgreSQL",
            Optional.empty(),
            Optional.empty(),
            2);
    Instant routed = Instant.parse("2026-11-20T15:00:00Z");
    try (Database database = Database.open(store)) {
      SlaClocks clocks = new SlaClocks(database);
      clocks.open(
          new NewSlaClock(
              "00Q000000000001",
              1,
              "005000000000001",
              "emea",
              "Inbound",
              "Web",
              "hot",
              false,
              routed,
              routed.plus(Duration.ofMinutes(5)),
              routed.plus(Duration.ofHours(48))));
      clocks.touch("00Q000000000001", routed.plusSeconds(90), TouchKind.STATUS);
    }
    Path conf =
        Files.writeString(
            dir.resolve("application.conf"),
            "include file(\""
                + Path.of("config/application.conf").toAbsolutePath()
                + "\")\nlead-router.store.url = \""
                + store.jdbcUrl()
                + "\"\n");
    Path out = dir.resolve("report");

    CliRun run =
        CliRun.of(
            "sla-report",
            "--since",
            "2026-11-01T00:00:00Z",
            "--out",
            out.toString(),
            "--config",
            conf.toString());

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).contains("Leads given to reps since").contains("median PT1M30S");
    JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
    assertThat(summary.at("/overall/assignments").asInt()).isEqualTo(1);
    assertThat(summary.at("/overall/median_speed_s").asInt()).isEqualTo(90);
    assertThat(summary.at("/by/rule/0/group").asText()).isEqualTo("Inbound");
    assertThat(out.resolve("report.html")).exists();
    assertThat(out.resolve("sla-report.csv")).exists();
    assertThat(out.resolve("misroutes.csv")).exists();
  }

  @Test
  void aBadPeriodIsAnInputError() {
    CliRun run = CliRun.of("sla-report", "--since", "last spring", "--out", dir.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--since");
  }
}
