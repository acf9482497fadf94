package dev.leadrouter.capture;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChangeOriginTest {

  @Test
  void readsApiVersionAndClient() {
    ChangeOrigin origin = ChangeOrigin.parse("com/salesforce/api/rest/62.0;client=lead-router");

    assertThat(origin.api()).isEqualTo("rest");
    assertThat(origin.version()).isEqualTo("62.0");
    assertThat(origin.client()).isEqualTo("lead-router");
    assertThat(origin.isFrom("lead-router")).isTrue();
    assertThat(origin.isFrom("lead-router-2")).isFalse();
  }

  @Test
  void theClientMayBeAbsent() {
    ChangeOrigin origin = ChangeOrigin.parse("com/salesforce/api/soap/60.0");

    assertThat(origin.api()).isEqualTo("soap");
    assertThat(origin.client()).isEmpty();
    assertThat(origin.isFrom("lead-router")).isFalse();
  }

  @Test
  void anEmptyOrStrangeOriginIsNobody() {
    assertThat(ChangeOrigin.parse("")).isEqualTo(ChangeOrigin.NONE);
    assertThat(ChangeOrigin.parse(null)).isEqualTo(ChangeOrigin.NONE);
    assertThat(ChangeOrigin.NONE.isFrom("")).isFalse();
    ChangeOrigin odd = ChangeOrigin.parse("something;else");
    assertThat(odd.raw()).isEqualTo("something;else");
    assertThat(odd.api()).isEmpty();
    assertThat(odd.isFrom("lead-router")).isFalse();
  }

  @Test
  void aUiEditNamesSalesforcesOwnClient() {
    ChangeOrigin ui = ChangeOrigin.parse("com/salesforce/api/soap/60.0;client=SfdcInternalAPI/");

    assertThat(ui.client()).isEqualTo("SfdcInternalAPI/");
    assertThat(ui.isFrom("lead-router")).isFalse();
  }
}
