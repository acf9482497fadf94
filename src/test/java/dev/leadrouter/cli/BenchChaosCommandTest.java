package dev.leadrouter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What {@code bench chaos} refuses before it starts anything. */
class BenchChaosCommandTest {

  @Test
  void anOutageNoLongerThanTheRetentionIsRefusedWithBothNamed() {
    CliRun run =
        CliRun.of("bench", "chaos", "--retention", "30s", "--outage", "20s", "--jar", "pom.xml");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).contains("--outage", "--retention", "reconcile");
  }

  @Test
  void aBadDurationAndAMissingJarAreNamed() {
    CliRun badDuration = CliRun.of("bench", "chaos", "--retention", "soon");
    assertThat(badDuration.exitCode()).isEqualTo(2);
    assertThat(badDuration.err()).contains("--retention 'soon'", "30s");

    CliRun noJar = CliRun.of("bench", "chaos", "--jar", "no-such.jar");
    assertThat(noJar.exitCode()).isEqualTo(2);
    assertThat(noJar.err()).contains("no-such.jar", "does not exist");
  }

  @Test
  void everyOptionIsDescribed() {
    CliRun help = CliRun.of("bench", "chaos", "--help");

    assertThat(help.exitCode()).isZero();
    assertThat(help.out())
        .contains("--leads", "--kills", "--seed", "--retention", "--outage", "--faults", "--jar")
        .contains("--json", "--rate", "--rules", "--config", "--drain-timeout", "--work-dir");
  }
}
