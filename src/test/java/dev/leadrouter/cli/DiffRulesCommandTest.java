package dev.leadrouter.cli;

import static dev.leadrouter.cli.DryRunCommandTest.LEADS;
import static dev.leadrouter.cli.DryRunCommandTest.RULES_A;
import static dev.leadrouter.cli.DryRunCommandTest.RULES_B;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** rules-b.yaml differs from rules-a.yaml in one rule: DE_Queue also takes French leads. */
class DiffRulesCommandTest {

  @TempDir Path dir;

  private CliRun diff(Path oldRules, Path newRules, String... more) {
    String[] args = {
      "diff-rules",
      "--old",
      oldRules.toString(),
      "--new",
      newRules.toString(),
      "--csv",
      LEADS.toString()
    };
    String[] all = new String[args.length + more.length];
    System.arraycopy(args, 0, all, 0, args.length);
    System.arraycopy(more, 0, all, args.length, more.length);
    return CliRun.of(all);
  }

  @Test
  void onlyTheLeadTheChangedRuleTakesMovesAndItIsCountedPerRuleAndOwner() throws IOException {
    CliRun run = diff(RULES_A, RULES_B, "--out", dir.toString());

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(Files.readAllLines(dir.resolve("diff-rules.csv"), StandardCharsets.UTF_8))
        .containsExactly(
            "lead_id,old_owner,new_owner,old_rule,new_rule",
            "00Q5f00000DR007EAD,00G5f00000DR001EAD,00G5f00000DR002EAD,\"(no rule: catch-all)\","
                + "DE_Queue");
    JsonNode summary = new ObjectMapper().readTree(dir.resolve("diff-summary.json").toFile());
    assertThat(summary.get("leads").asInt()).isEqualTo(6);
    assertThat(summary.get("moved").asInt()).isEqualTo(1);
    assertThat(summary.get("by_rule")).hasSize(1);
    assertThat(summary.at("/by_rule/0/old_rule").asText()).isEqualTo("(no rule: catch-all)");
    assertThat(summary.at("/by_rule/0/new_rule").asText()).isEqualTo("DE_Queue");
    assertThat(summary.at("/by_rule/0/leads").asInt()).isEqualTo(1);
    assertThat(summary.get("by_owner")).hasSize(2);
    assertThat(summary.findValuesAsText("name"))
        .containsExactlyInAnyOrder("Catch_All", "DE_Inbound");
    // The round robin starts from the same state in both runs, so the US leads do not move.
    assertThat(run.out()).contains("1 leads move, 1 change owner").doesNotContain("DR002EAD");
  }

  @Test
  void theSameRulesMoveNothing() {
    CliRun run = diff(RULES_A, RULES_A);

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).contains("0 leads move, 0 change owner");
  }

  @Test
  void aMissingRuleFileIsNamed() {
    CliRun run = diff(RULES_A, dir.resolve("missing.yaml"));

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("missing.yaml");
  }
}
