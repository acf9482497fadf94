package dev.leadrouter.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class FairnessTest {

  @Test
  void evenSharesScoreOne() {
    assertThat(Fairness.jain(List.of(3.0, 3.0, 3.0))).isCloseTo(1.0, within(1e-12));
  }

  @Test
  void oneMemberTakingEverythingScoresOneOverN() {
    assertThat(Fairness.jain(List.of(5.0, 0.0, 0.0, 0.0))).isCloseTo(0.25, within(1e-12));
  }

  @Test
  void unevenSharesScoreInBetween() {
    // (4 + 2)^2 / (2 * (16 + 4)) = 36 / 40
    assertThat(Fairness.jain(List.of(4.0, 2.0))).isCloseTo(0.9, within(1e-12));
  }

  @Test
  void noLeadsOrNoMembersHaveNoIndex() {
    assertThat(Fairness.jain(List.of(0.0, 0.0))).isNaN();
    assertThat(Fairness.jain(List.of())).isNaN();
  }
}
