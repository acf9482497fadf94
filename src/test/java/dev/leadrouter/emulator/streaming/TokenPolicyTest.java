package dev.leadrouter.emulator.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TokenPolicyTest {

  @ParameterizedTest
  @ValueSource(
      strings = {"OAuth 00Dx!AQ4.tok", "Bearer 00Dx!AQ4.tok", "00Dx!AQ4.tok", "oauth 00Dx!AQ4.tok"})
  void acceptsTheThreeFormsClientsSend(String header) {
    assertThat(TokenPolicy.tokenOf(header)).isEqualTo("00Dx!AQ4.tok");
  }
}
