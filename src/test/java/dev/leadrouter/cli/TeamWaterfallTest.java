package dev.leadrouter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where a team lead goes when the team and its fallback team are both exhausted. */
class TeamWaterfallTest {

  @TempDir Path dir;

  @Test
  void anExhaustedEnterpriseLeadGoesToTheEnterpriseOverflowQueue() throws IOException {
    Path golden =
        Files.writeString(
            dir.resolve("overflow.yaml"),
            """
            at: 2026-10-31T15:30:00Z
            cases:
              - name: Saturday enterprise lead
                lead:
                  id: 00Q5f00000GD970EAD
                  fields: { Company: Weekend Corp, Country: UK, NumberOfEmployees: "5000",
                            Product_Interest__c: Enterprise, LeadSource: Web }
                expect: { owner: Enterprise_Overflow, rule: Enterprise_Team,
                          reasons: [FALLBACK_TEAM, FALLBACK_QUEUE] }
            """);

    CliRun run =
        CliRun.of(
            "test-rules", "--rules", "config/rules.example.yaml", "--golden", golden.toString());

    assertThat(run.exitCode()).as(run.toString()).isZero();
  }
}
