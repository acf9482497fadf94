package dev.leadrouter.emulator.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RepTouchPlanTest {

  @Test
  void parsesARangeAndTheShareNeverTouched() {
    RepTouchPlan plan = RepTouchPlan.parse("30s..5m/0.1");
    assertThat(plan.min()).isEqualTo(Duration.ofSeconds(30));
    assertThat(plan.max()).isEqualTo(Duration.ofMinutes(5));
    assertThat(plan.neverShare()).isEqualTo(0.1);
    assertThat(plan.describe()).isEqualTo("30s..5m/0.1");
  }

  @Test
  void theShareIsOptionalAndMayBeAPercentage() {
    assertThat(RepTouchPlan.parse(" 500ms..2s ").neverShare()).isZero();
    assertThat(RepTouchPlan.parse("2s..20s/10%").neverShare()).isEqualTo(0.1);
    assertThat(RepTouchPlan.parse("500ms..2s").describe()).isEqualTo("500ms..2s");
  }

  @Test
  void badInputNamesTheItemAndWhatIsWrong() {
    assertThatThrownBy(() -> RepTouchPlan.parse("30s-5m"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("invalid rep-touch '30s-5m'")
        .hasMessageContaining("MIN..MAX[/NEVER_SHARE]");
    assertThatThrownBy(() -> RepTouchPlan.parse("30x..5m"))
        .hasMessageContaining("'30x' is not a duration");
    assertThatThrownBy(() -> RepTouchPlan.parse("5m..30s"))
        .hasMessageContaining("invalid rep-touch '5m..30s': MAX is shorter than MIN");
    assertThatThrownBy(() -> RepTouchPlan.parse("30s..5m/1.5"))
        .hasMessageContaining("between 0 and 1");
    assertThatThrownBy(() -> RepTouchPlan.parse("30s..5m/many"))
        .hasMessageContaining("'many' is not a share");
  }
}
