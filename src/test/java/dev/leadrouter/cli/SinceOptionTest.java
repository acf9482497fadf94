package dev.leadrouter.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SinceOptionTest {

  private static final Instant NOW = Instant.parse("2026-11-27T08:00:00Z");

  @Test
  void periodsCountBackFromNow() {
    assertThat(SinceOption.parse("7d", NOW)).isEqualTo(Instant.parse("2026-11-20T08:00:00Z"));
    assertThat(SinceOption.parse("12h", NOW)).isEqualTo(Instant.parse("2026-11-26T20:00:00Z"));
    assertThat(SinceOption.parse("90m", NOW)).isEqualTo(Instant.parse("2026-11-27T06:30:00Z"));
    assertThat(SinceOption.parse("2W", NOW)).isEqualTo(Instant.parse("2026-11-13T08:00:00Z"));
  }

  @Test
  void anInstantIsTakenAsIs() {
    assertThat(SinceOption.parse("2026-11-01T00:00:00Z", NOW))
        .isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
  }

  @Test
  void anythingElseSaysWhatIsAccepted() {
    assertThatThrownBy(() -> SinceOption.parse("last week", NOW))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("--since: 'last week'")
        .hasMessageContaining("7d");
  }
}
