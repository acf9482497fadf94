package dev.leadrouter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SmokeTest {
  @Test
  void runsInANonUtcZone() {
    assertThat(java.time.ZoneId.systemDefault().getId()).isEqualTo("America/Los_Angeles");
  }
}
