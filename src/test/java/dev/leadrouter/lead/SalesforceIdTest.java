package dev.leadrouter.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class SalesforceIdTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "00558000001N0Ke, 00558000001N0KeAAK",
    "001D000000IRFma, 001D000000IRFmaIAH",
    "005000000000001, 005000000000001AAA",
    "ABCDEABCDEABCDE, ABCDEABCDEABCDE555",
    "aBcDeFgHiJkLmNo, aBcDeFgHiJkLmNoKVK",
  })
  void the15CharacterFormGainsItsChecksum(String fifteen, String eighteen) {
    assertThat(new SalesforceId(fifteen).value()).isEqualTo(eighteen);
    assertThat(new SalesforceId(eighteen).value()).isEqualTo(eighteen);
  }

  @Test
  void fifteenAndEighteenCharacterFormsAreEqual() {
    SalesforceId fifteen = new SalesforceId("00558000001N0Ke");
    SalesforceId eighteen = new SalesforceId("00558000001N0KeAAK");

    assertThat(fifteen).isEqualTo(eighteen).hasSameHashCodeAs(eighteen);
    assertThat(fifteen.toString()).isEqualTo("00558000001N0KeAAK");
  }

  @Test
  void theChecksumIsReadIgnoringCase() {
    assertThat(new SalesforceId("00558000001N0Keaak"))
        .isEqualTo(new SalesforceId("00558000001N0Ke"));
  }

  @Test
  void idsDifferingOnlyInCaseAreDifferentRecords() {
    SalesforceId upper = new SalesforceId("00558000001N0KE");
    SalesforceId lower = new SalesforceId("00558000001N0Ke");

    assertThat(upper).isNotEqualTo(lower);
    assertThat(upper.value().substring(15)).isNotEqualToIgnoringCase(lower.value().substring(15));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "00558000001N0KeAAA",
        "00558000001N0KeAAL",
        "001D000000IRFmaAAH",
        "001D000000IRFmaIAI",
        "001d000000IRFmaIAH",
      })
  void eighteenCharactersWithAWrongChecksumAreRejected(String id) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new SalesforceId(id))
        .withMessageContaining("checksum");
    assertThat(SalesforceId.parse(id)).isEmpty();
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {
        "00558000001N0K",
        "00558000001N0KeA",
        "00558000001N0KeAA",
        "00558000001N0KeAAKX",
        "00558000001N0K-",
        "00558000001N0K e",
        "00558000001N0Kë",
        "005580000٠1N0Ke",
      })
  void textThatIsNotShapedLikeAnIdIsRejected(String text) {
    assertThatIllegalArgumentException().isThrownBy(() -> new SalesforceId(text));
    assertThat(SalesforceId.parse(text)).isEmpty();
  }

  @Test
  void parseTrimsSurroundingWhitespace() {
    assertThat(SalesforceId.parse("  001D000000IRFma\n"))
        .contains(new SalesforceId("001D000000IRFmaIAH"));
  }

  @Test
  void keyPrefixTellsUsersFromQueues() {
    SalesforceId user = new SalesforceId("00558000001N0Ke");
    SalesforceId queue = new SalesforceId("00G5f00000LR001");
    SalesforceId account = new SalesforceId("001D000000IRFma");

    assertThat(user.keyPrefix()).isEqualTo(SalesforceId.USER_PREFIX);
    assertThat(user.isUser()).isTrue();
    assertThat(user.isQueue()).isFalse();
    assertThat(queue.keyPrefix()).isEqualTo(SalesforceId.QUEUE_PREFIX);
    assertThat(queue.isQueue()).isTrue();
    assertThat(queue.isUser()).isFalse();
    assertThat(account.keyPrefix()).isEqualTo(SalesforceId.ACCOUNT_PREFIX);
    assertThat(account.isUser()).isFalse();
    assertThat(account.isQueue()).isFalse();
  }

  @Test
  void aLongInvalidValueIsAbbreviatedInTheMessage() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new SalesforceId("x".repeat(10_000)))
        .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(200));
  }
}
