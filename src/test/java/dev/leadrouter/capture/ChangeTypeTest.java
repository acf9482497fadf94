package dev.leadrouter.capture;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChangeTypeTest {

  @Test
  void unknownValuesAreSafe() {
    assertThat(ChangeType.parse("SNAPSHOT")).isEqualTo(ChangeType.UNKNOWN);
    assertThat(ChangeType.parse("create")).isEqualTo(ChangeType.UNKNOWN);
    assertThat(ChangeType.parse(null)).isEqualTo(ChangeType.UNKNOWN);
    assertThat(ChangeType.parse("GAP_OVERFLOW")).isEqualTo(ChangeType.GAP_OVERFLOW);
  }

  @Test
  void onlyGapsNeedReconciliation() {
    assertThat(ChangeType.GAP_CREATE.needsReconciliation()).isTrue();
    assertThat(ChangeType.GAP_OVERFLOW.needsReconciliation()).isTrue();
    assertThat(ChangeType.UPDATE.needsReconciliation()).isFalse();
    assertThat(ChangeType.UNKNOWN.needsReconciliation()).isFalse();
  }
}
