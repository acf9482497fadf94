package dev.leadrouter.emulator.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PlanValuesTest {

  @Test
  void durationsReadInEachUnitAndWriteBackInTheLargestWholeOne() {
    assertThat(PlanValues.duration("500ms")).contains(Duration.ofMillis(500));
    assertThat(PlanValues.duration("90s")).contains(Duration.ofSeconds(90));
    assertThat(PlanValues.duration("5m")).contains(Duration.ofMinutes(5));
    assertThat(PlanValues.duration("1h")).contains(Duration.ofHours(1));
    assertThat(PlanValues.format(Duration.ofSeconds(120))).isEqualTo("2m");
    assertThat(PlanValues.format(Duration.ofMillis(1500))).isEqualTo("1500ms");
    assertThat(PlanValues.format(Duration.ZERO)).isEqualTo("0s");
  }

  @Test
  void whatIsNotADurationIsEmptyEvenWhenItsNumberIsHuge() {
    assertThat(PlanValues.duration("5")).isEmpty();
    assertThat(PlanValues.duration("5 min")).isEmpty();
    assertThat(PlanValues.duration("99999999999999999999s")).isEmpty();
  }

  @Test
  void fractionsReadAsNumbersOrPercentages() {
    assertThat(PlanValues.fraction("0.02")).hasValue(0.02);
    assertThat(PlanValues.fraction("2%")).hasValue(0.02);
    assertThat(PlanValues.fraction("often")).isEmpty();
  }
}
