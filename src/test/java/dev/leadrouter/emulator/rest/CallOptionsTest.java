package dev.leadrouter.emulator.rest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

// Header formats:
// https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/headers_calloptions.htm
// and headers_autoassign.htm
class CallOptionsTest {

  @Test
  void readsTheClientWhateverTheSeparator() {
    assertThat(CallOptions.client("client=lead-router")).hasValue("lead-router");
    assertThat(CallOptions.client("client=lead-router; defaultNamespace=battle"))
        .hasValue("lead-router");
    assertThat(CallOptions.client("defaultNamespace=battle, client=SampleCaseSensitiveToken/100"))
        .hasValue("SampleCaseSensitiveToken/100");
    assertThat(CallOptions.client("defaultNamespace=battle")).isEmpty();
    assertThat(CallOptions.client(null)).isEmpty();
  }

  @Test
  void assignmentRulesRunUnlessTurnedOff() {
    assertThat(CallOptions.autoAssign(null)).isTrue();
    assertThat(CallOptions.autoAssign("TRUE")).isTrue();
    assertThat(CallOptions.autoAssign("01QD00000004Hhn")).isTrue();
    assertThat(CallOptions.autoAssign("false")).isFalse();
  }
}
