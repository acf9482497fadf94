package dev.leadrouter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckRulesCommandTest {

  @TempDir Path dir;

  @Test
  void theExampleRuleSetIsValid() {
    CliRun run = CliRun.of("check-rules", "--rules", "config/rules.example.yaml");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out())
        .contains("Rule set example-2026-11 is valid: 7 active rules, 5 teams, 2 territories");
  }

  @Test
  void aBrokenRuleSetNamesTheRuleAndFieldOfEveryProblem() throws IOException {
    Path rules =
        Files.writeString(
            dir.resolve("broken.yaml"),
            """
            version: broken
            settings: { catchAllQueue: Catch_All }
            queues:
              - { id: 00G5f00000LR001EAD, name: Catch_All }
            users:
              - { id: 0055f00000LR001AAD, name: Alice Archer, timeZone: America/New_York }
            rules:
              - name: Big_Companies
                order: 10
                criteria:
                  - { number: 1, field: Countyr, operator: equals, value: US }
                  - { number: 2, field: NumberOfEmployees, operator: bigger than, value: "10" }
                action: { type: user, user: Alice Archer }
            """);

    CliRun run = CliRun.of("check-rules", "--rules", rules.toString());

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.err())
        .contains("broken.yaml is invalid (2 problems)")
        .contains("rule Big_Companies, field criteria[1].field: 'Countyr' is not a Lead field")
        .contains(
            "rule Big_Companies, field criteria[2].operator: 'bigger than' is not an operator")
        .doesNotContain("Exception")
        .doesNotContain("\tat ");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void malformedYamlIsReportedWithItsLine() throws IOException {
    Path rules =
        Files.writeString(dir.resolve("malformed.yaml"), "version: x\nrules: [ { name: A\n");

    CliRun run = CliRun.of("check-rules", "--rules", rules.toString());

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).contains("malformed.yaml is invalid").contains("line ");
  }
}
