package dev.leadrouter.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class SecretTest {

  @Test
  void neverPrintsItsValue() {
    Secret secret = new Secret("tiger");

    assertThat(secret).hasToString("****");
    assertThat(String.valueOf(Optional.of(secret))).doesNotContain("tiger");
    assertThat(secret.reveal()).isEqualTo("tiger");
  }

  @Test
  void isAValue() {
    assertThat(new Secret("tiger")).isEqualTo(new Secret("tiger")).isNotEqualTo(new Secret("lion"));
    assertThat(new Secret("tiger")).hasSameHashCodeAs(new Secret("tiger"));
  }

  @Test
  void mustNotBeEmpty() {
    assertThatThrownBy(() -> new Secret("")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Secret(null)).isInstanceOf(NullPointerException.class);
  }
}
