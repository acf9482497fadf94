package dev.leadrouter.write;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leadrouter.route.ReasonCode;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoutingFieldTextTest {

  @Test
  void theReasonSaysHowTheOwnerWasFoundBeforeInputNotes() {
    String text =
        RoutingFieldText.reason(
            List.of(
                ReasonCode.PHONE_INVALID, ReasonCode.TEAM_ROUND_ROBIN, ReasonCode.FALLBACK_TEAM));

    assertThat(text)
        .startsWith("A team member was chosen in turn (round robin) [TEAM_ROUND_ROBIN]")
        .contains("[FALLBACK_TEAM]")
        .doesNotContain("PHONE_INVALID");
  }

  @Test
  void onlyInputNotesAreStillShown() {
    assertThat(RoutingFieldText.reason(List.of(ReasonCode.COUNTRY_UNKNOWN)))
        .contains("COUNTRY_UNKNOWN");
    assertThat(RoutingFieldText.reason(List.of())).isEqualTo("Routed by Lead Router");
  }

  @Test
  void textsFitTheFields() {
    String rule = RoutingFieldText.rule("R".repeat(300));

    assertThat(rule).hasSize(RoutingFieldText.FIELD_LENGTH).endsWith("…");
    assertThat(RoutingFieldText.rule(null)).isEqualTo("Catch-all");
    assertThat(RoutingFieldText.reason(List.of(ReasonCode.values())))
        .hasSizeLessThanOrEqualTo(RoutingFieldText.FIELD_LENGTH);
  }
}
