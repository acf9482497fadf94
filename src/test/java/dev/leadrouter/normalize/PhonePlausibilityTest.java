package dev.leadrouter.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import dev.leadrouter.lead.Lead;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The cheap up-front check behind PHONE_INVALID, and the E.164 form worked out when asked for. */
class PhonePlausibilityTest {

  private static final PhoneNormalizer PHONES = new PhoneNormalizer(PhoneNumberUtil.getInstance());

  @ParameterizedTest(name = "{0} in {1} -> {2}")
  @CsvSource(
      delimiter = '|',
      nullValues = "null",
      value = {
        "+49 89 123456|null|true",
        "089 123456|DE|true",
        "089 123456|null|false",
        "0049 89 123456|null|true",
        "+1 800 FLOWERS|null|true",
        "+44 20 7946 0958 ext. 12|null|true",
        "n/a|US|false",
        "12|DE|false",
        "+1 234|null|false",
        "1234567890123456789012345678901234|US|false",
        "' '|US|false",
      })
  void judgesByShape(String raw, String country, boolean plausible) {
    assertThat(PHONES.isPlausible(raw, country)).isEqualTo(plausible);
  }

  @ParameterizedTest(name = "{0} in {1}")
  @CsvSource(
      delimiter = '|',
      nullValues = "null",
      value = {"(415) 555-0123|USA|+14155550123", "089 123456|Deutschland|+4989123456"})
  void theE164FormIsWorkedOutWhenAskedFor(String phone, String country, String e164) {
    NormalizedLead lead =
        Normalizers.standard()
            .normalize(Lead.of("00Q1", Map.of("Phone", phone, "Country", country)));

    assertThat(lead.issues()).doesNotContain(NormalizationIssue.PHONE_INVALID);
    assertThat(lead.phoneE164()).isEqualTo(e164);
    assertThat(lead.phoneE164()).as("asked twice").isEqualTo(e164);
    assertThat(lead.get("Phone")).isEqualTo(e164);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {"n/a|US", "12|DE", "089 123456|''"})
  void implausibleNumbersAreFlaggedUpFront(String phone, String country) {
    NormalizedLead lead =
        Normalizers.standard()
            .normalize(Lead.of("00Q1", Map.of("Phone", phone, "Country", country)));

    assertThat(lead.issues()).contains(NormalizationIssue.PHONE_INVALID);
    assertThat(lead.phoneE164()).isNull();
  }
}
