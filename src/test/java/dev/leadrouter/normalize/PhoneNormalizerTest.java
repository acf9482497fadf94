package dev.leadrouter.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNormalizerTest {

  private static final PhoneNormalizer PHONES = new PhoneNormalizer(PhoneNumberUtil.getInstance());

  @ParameterizedTest(name = "{0} in {1} -> {2}")
  @CsvSource(
      delimiter = '|',
      nullValues = "null",
      value = {
        "+49 89 123456|null|+4989123456",
        "+49 (0)89 123456|null|+4989123456",
        "0049 89 123456|null|+4989123456",
        "089 123456|DE|+4989123456",
        "0049 89 123456|DE|+4989123456",
        "0049 89 123456|US|+4989123456",
        "+49 89 123456|US|+4989123456",
        "(415) 555-0123|US|+14155550123",
        "415.555.0123|US|+14155550123",
        "1-415-555-0123|CA|+14155550123",
        "+1 800 FLOWERS|null|+18003569377",
        "020 7946 0958|GB|+442079460958",
        "(02) 9876 5432|AU|+61298765432",
        "+44 20 7946 0958 ext. 12|null|+442079460958",
        "+683 4002|null|+6834002"
      })
  void formatsAsE164(String raw, String country, String e164) {
    assertThat(PHONES.toE164(raw, country)).contains(e164);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {
        " ",
        "n/a",
        "-",
        "123",
        "112",
        "call me",
        "089 123456",
        "+",
        "+0 123 4567",
        "☎️",
        "\uD83D",
        "+49 89 123456 123456 123456 123456"
      })
  void rejectsNumbersThatCannotBe(String raw) {
    assertThat(PHONES.toE164(raw, null)).isEmpty();
  }

  @Test
  void rejectsShortCodesEvenWhereTheyArePossible() {
    assertThat(PHONES.toE164("112", "DE")).isEmpty();
  }

  @Test
  void rejectsInputTooLongToBeAPhoneNumberWithoutParsingIt() {
    String padded = "+49 89 123456" + " -".repeat(PhoneNormalizer.MAX_INPUT_LENGTH);
    assertThat(PHONES.toE164(padded, "DE")).isEmpty();
    assertThat(PHONES.toE164("  +49 89 123456" + " ".repeat(1_000), "DE")).contains("+4989123456");
    assertThat(PHONES.toE164("9".repeat(10_000), "DE")).isEmpty();
  }

  @Test
  void unknownRegionsAreTreatedAsNoRegion() {
    assertThat(PHONES.toE164("089 123456", "AQ")).isEmpty();
    assertThat(PHONES.toE164("+49 89 123456", "AQ")).contains("+4989123456");
  }
}
