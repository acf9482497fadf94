package dev.leadrouter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HelpTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "'--help',                   'lead-router'",
    "'demo --help',              'lead-router demo'",
    "'route-file --help',        'lead-router route-file'",
    "'check-rules --help',       'lead-router check-rules'",
    "'test-rules --help',        'lead-router test-rules'",
    "'explain --help',           'lead-router explain'",
    "'bench --help',             'lead-router bench'",
    "'bench decision --help',    'lead-router bench decision'",
    "'help explain',             'lead-router explain'",
    "'',                         'lead-router'",
    "'bench',                    'lead-router bench'",
    "'run --help',               'lead-router run'",
    "'dlq --help',               'lead-router dlq'",
    "'dlq replay --help',        'lead-router dlq replay'",
    "'rules --help',             'lead-router rules'",
    "'rules lint --help',        'lead-router rules lint'",
    "'rules export --help',      'lead-router rules export'",
    "'rules reload --help',      'lead-router rules reload'",
  })
  void printsUsageAndExitsZero(String args, String command) {
    CliRun run = CliRun.of(args.isBlank() ? new String[0] : args.split(" "));

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).contains("Usage: " + command + " ").contains("-h, --help");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void topLevelHelpListsEveryCommand() {
    assertThat(CliRun.of("--help").out())
        .contains("Commands:", "demo", "check-rules", "test-rules", "explain", "bench", "help");
  }

  @Test
  void benchHelpListsItsBenchmarks() {
    assertThat(CliRun.of("bench", "--help").out()).contains("Commands:", "decision");
  }

  @Test
  void printsVersion() {
    CliRun run = CliRun.of("--version");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).startsWith("lead-router ");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {"demo", "check-rules", "test-rules", "explain", "bench", "bench decision"})
  void everySubcommandPrintsTheVersion(String command) {
    CliRun run = CliRun.of((command + " --version").split(" "));

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).startsWith("lead-router ");
  }
}
