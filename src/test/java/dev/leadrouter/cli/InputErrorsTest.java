package dev.leadrouter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Mistakes users make on the command line end in a one-line message and exit code 2. */
class InputErrorsTest {

  @TempDir Path dir;

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "check-rules --rules MISSING",
        "test-rules --rules MISSING --golden config/golden.example.yaml",
        "explain --rules MISSING --lead config/sample-leads.yaml",
        "route-file --rules MISSING --at 2026-11-25T16:00:00Z",
        "demo --rules MISSING"
      })
  void aMissingRuleFileIsNamedWithoutAStackTrace(String command) {
    String missing = dir.resolve("no-such-rules.yaml").toString();

    CliRun run = CliRun.of(command.replace("MISSING", missing).split(" "));

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.err())
        .contains("lead-router: rule file " + missing + " does not exist or cannot be read")
        .doesNotContain("Exception");
    assertNoStackTrace(run);
  }

  @Test
  void aMissingGoldenFileIsNamed() {
    String missing = dir.resolve("no-such-golden.yaml").toString();

    CliRun run = CliRun.of("test-rules", "--golden", missing);

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).contains("cannot read " + missing).doesNotContain("Exception");
    assertNoStackTrace(run);
  }

  @Test
  void aMissingLeadFileIsNamed() {
    String missing = dir.resolve("no-such-lead.json").toString();

    CliRun run = CliRun.of("explain", "--lead", missing);

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).contains("cannot read " + missing).doesNotContain("Exception");
    assertNoStackTrace(run);
  }

  @Test
  void aMissingLeadsFileForTheDemoIsNamed() {
    String missing = dir.resolve("no-such-leads.yaml").toString();

    CliRun run = CliRun.of("route-file", "--leads", missing, "--at", "2026-11-25T16:00:00Z");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).contains("cannot read " + missing).doesNotContain("Exception");
    assertNoStackTrace(run);
  }

  @Test
  void anUnreadableInstantIsAUsageError() {
    CliRun run = CliRun.of("route-file", "--at", "next Tuesday");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).contains("--at").contains("next Tuesday");
    assertNoStackTrace(run);
  }

  @Test
  void anUnknownCommandIsAUsageError() {
    CliRun run = CliRun.of("route-everything");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).contains("route-everything");
    assertNoStackTrace(run);
  }

  private static void assertNoStackTrace(CliRun run) {
    assertThat(run.err()).doesNotContainPattern("\\n\\s+at [\\w$.]+\\(");
    assertThat(run.out()).doesNotContainPattern("\\n\\s+at [\\w$.]+\\(");
  }
}
