package dev.leadrouter.criteria;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * Criteria logic typed by an admin either parses, and then evaluates without failing for every
 * verdict, or is refused with {@link InvalidCriteriaException} naming the problem; never another
 * exception, never a hang (the timeout bounds each input). Seeds: {@code
 * CriteriaLogicFuzzTestInputs/}.
 */
class CriteriaLogicFuzzTest {

  private static final Map<Integer, Integer> FIVE_CRITERIA = Map.of(1, 0, 2, 1, 3, 2, 4, 3, 5, 4);

  @FuzzTest(maxDuration = "60s")
  void logicParsesOrIsRefusedWithAReason(byte[] data) {
    // Each input is bounded, so a hang fails that input instead of stalling the run.
    assertTimeoutPreemptively(
        Duration.ofSeconds(5), () -> logicParsesOrIsRefusedWithAReasonChecked(data));
  }

  private void logicParsesOrIsRefusedWithAReasonChecked(byte[] data) {
    String logic = new String(data, StandardCharsets.UTF_8);

    CriteriaLogic parsed;
    try {
      parsed = CriteriaLogic.parse(logic, FIVE_CRITERIA);
    } catch (InvalidCriteriaException refused) {
      assertThat(refused.getMessage()).isNotBlank();
      assertThat(refused.field()).isEqualTo("logic");
      return;
    }
    for (int combination = 0; combination < 32; combination++) {
      boolean[] verdicts = new boolean[5];
      for (int i = 0; i < 5; i++) {
        verdicts[i] = (combination & (1 << i)) != 0;
      }
      parsed.evaluate(verdicts);
    }
    assertThat(parsed.text()).isNotBlank();
  }
}
