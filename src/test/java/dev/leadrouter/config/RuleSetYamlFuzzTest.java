package dev.leadrouter.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.leadrouter.route.RuleSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A rule file loads, or is refused with {@link InvalidRuleSetException} whose every {@link
 * RuleSetProblem} says what is wrong; never another exception, never a hang (the timeout bounds
 * each input). Seeds: {@code RuleSetYamlFuzzTestInputs/} (the example rule set and broken copies).
 */
class RuleSetYamlFuzzTest {

  private final YamlRuleSetLoader loader = new YamlRuleSetLoader();

  @FuzzTest(maxDuration = "120s")
  void aRuleFileLoadsOrIsRefusedWithReasons(byte[] content) {
    // Each input is bounded, so a hang fails that input instead of stalling the run.
    assertTimeoutPreemptively(
        Duration.ofSeconds(10), () -> aRuleFileLoadsOrIsRefusedWithReasonsChecked(content));
  }

  private void aRuleFileLoadsOrIsRefusedWithReasonsChecked(byte[] content) throws IOException {
    Path file = Files.createTempFile("rules-fuzz", ".yaml");
    try {
      Files.write(file, content);
      RuleSet rules;
      try {
        rules = loader.load(file);
      } catch (InvalidRuleSetException refused) {
        assertThat(refused.problems()).isNotEmpty();
        assertThat(refused.problems())
            .allSatisfy(problem -> assertThat(problem.message()).isNotBlank());
        return;
      }
      assertThat(rules).isNotNull();
    } finally {
      Files.delete(file);
    }
  }
}
