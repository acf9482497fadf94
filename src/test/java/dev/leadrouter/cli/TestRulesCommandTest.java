package dev.leadrouter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestRulesCommandTest {

  private static final String RULES = "config/rules.example.yaml";

  @TempDir Path dir;

  @Test
  void everyExampleGoldenRecordPasses() {
    CliRun run =
        CliRun.of("test-rules", "--rules", RULES, "--golden", "config/golden.example.yaml");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    List<String> rows = caseRows(run.out());
    assertThat(rows).hasSizeGreaterThanOrEqualTo(30).allMatch(row -> row.startsWith("PASS  "));
    assertThat(run.out())
        .doesNotContain("FAIL")
        .containsPattern("(\\d+) of \\1 golden records pass with rule set example-2026-11\\.");
  }

  @Test
  void aWrongExpectationFailsWithTheMismatch() throws IOException {
    Path golden =
        write(
            "golden.yaml",
            """
            at: 2026-10-28T15:30:00Z
            cases:
              - name: right
                lead: { id: 00Q5f00000GD901EAD, fields: { Company: Kyoto Ltd, Country: Japan } }
                expect: { owner: Catch_All, rule: catch-all }
              - name: wrong owner and rule
                lead: { id: 00Q5f00000GD902EAD, fields: { Company: Osaka Ltd, Country: Japan } }
                expect: { owner: Alice Archer, rule: Enterprise_Team, reasons: [TEAM_WEIGHTED] }
            """);

    CliRun run = CliRun.of("test-rules", "--rules", RULES, "--golden", golden.toString());

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    assertThat(caseRows(run.out()))
        .satisfiesExactly(
            right -> assertThat(right).startsWith("PASS  right"),
            wrong ->
                assertThat(wrong)
                    .startsWith("FAIL  wrong owner and rule")
                    .contains("owner: expected Alice Archer, got Catch_All")
                    .contains("rule: expected Enterprise_Team, got catch-all")
                    .contains("reason TEAM_WEIGHTED missing"));
    assertThat(run.out()).contains("1 of 2 golden records pass");
  }

  @Test
  void aGoldenFileWithoutCasesIsAnInputError() throws IOException {
    Path golden = write("empty.yaml", "at: 2026-10-28T15:30:00Z\ncases: []\n");

    CliRun run = CliRun.of("test-rules", "--rules", RULES, "--golden", golden.toString());

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).contains("has no cases").doesNotContain("Exception");
  }

  @Test
  void aGoldenRecordThatExpectsNothingIsRejected() throws IOException {
    Path golden =
        write(
            "vacuous.yaml",
            """
            at: 2026-10-28T15:30:00Z
            cases:
              - name: misspelt expectation
                lead: { id: 00Q5f00000GD903EAD, fields: { Company: Nara Ltd, Country: Japan } }
                expect: { ownr: Alice Archer }
            """);

    CliRun run = CliRun.of("test-rules", "--rules", RULES, "--golden", golden.toString());

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).contains("misspelt expectation").contains("ownr");
  }

  /** The table rows for cases: every line that starts with PASS or FAIL. */
  private static List<String> caseRows(String out) {
    return out.lines().filter(line -> line.startsWith("PASS") || line.startsWith("FAIL")).toList();
  }

  private Path write(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content);
  }
}
