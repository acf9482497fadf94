package dev.leadrouter.normalize;

import static dev.leadrouter.normalize.NormalizationIssue.COUNTRY_UNKNOWN;
import static dev.leadrouter.normalize.NormalizationIssue.EMAIL_INVALID;
import static dev.leadrouter.normalize.NormalizationIssue.FREE_MAIL_DOMAIN;
import static dev.leadrouter.normalize.NormalizationIssue.PHONE_INVALID;
import static dev.leadrouter.normalize.NormalizationIssue.STATE_UNKNOWN;
import static dev.leadrouter.normalize.NormalizationIssue.VALUE_TRUNCATED;
import static dev.leadrouter.normalize.NormalizationIssue.WEBSITE_INVALID;
import static org.assertj.core.api.Assertions.assertThat;

import dev.leadrouter.lead.Lead;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StandardLeadNormalizerTest {

  private static final StandardLeadNormalizer NORMALIZER = Normalizers.standard();

  private static NormalizedLead normalize(String... namesAndValues) {
    Map<String, String> fields = new java.util.LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      fields.put(namesAndValues[i], namesAndValues[i + 1]);
    }
    return NORMALIZER.normalize(Lead.of("00Q000000000001", fields));
  }

  @Test
  void normalizesEveryField() {
    NormalizedLead lead =
        normalize(
            "Country", "United States of America",
            "State", "California",
            "Phone", "(415) 555-0123",
            "Email", "ann@mail.sales.acme.com",
            "Website", "https://www.shop.acme.co.uk/en?x=1",
            "Company", "ACME, Inc.");

    assertThat(lead.countryCode()).isEqualTo("US");
    assertThat(lead.stateCode()).isEqualTo("CA");
    assertThat(lead.phoneE164()).isEqualTo("+14155550123");
    assertThat(lead.emailDomain()).isEqualTo("acme.com");
    assertThat(lead.websiteDomain()).isEqualTo("acme.co.uk");
    assertThat(lead.companyKey()).isEqualTo("acme");
    assertThat(lead.issues()).isEmpty();
    assertThat(lead.get("Domain")).isEqualTo("acme.com");
  }

  @Test
  void emptyLeadHasNothingAndNoIssues() {
    NormalizedLead lead = normalize();
    assertThat(lead)
        .extracting(
            NormalizedLead::countryCode,
            NormalizedLead::stateCode,
            NormalizedLead::phoneE164,
            NormalizedLead::emailDomain,
            NormalizedLead::websiteDomain,
            NormalizedLead::companyKey)
        .containsOnlyNulls();
    assertThat(lead.issues()).isEmpty();
  }

  @Test
  void readsTheCodeFieldsWhenTheNameFieldsAreMissing() {
    NormalizedLead lead = normalize("CountryCode", "CA", "StateCode", "QC");
    assertThat(lead.countryCode()).isEqualTo("CA");
    assertThat(lead.stateCode()).isEqualTo("QC");
  }

  @Test
  void prefersCountryOverCountryCode() {
    assertThat(normalize("Country", "Germany", "CountryCode", "FR").countryCode()).isEqualTo("DE");
  }

  @Test
  void usesTheCountryAsPhoneRegionAndFallsBackToMobile() {
    NormalizedLead lead = normalize("Country", "Deutschland", "MobilePhone", "0151 23456789");
    assertThat(lead.phoneE164()).isEqualTo("+4915123456789");
    assertThat(lead.get("Phone")).isEqualTo("+4915123456789");
    assertThat(lead.get("MobilePhone")).isEqualTo("0151 23456789");
  }

  @Test
  void nationalNumberWithoutCountryIsInvalid() {
    NormalizedLead lead = normalize("Phone", "089 123456");
    assertThat(lead.phoneE164()).isNull();
    assertThat(lead.issues()).containsExactly(PHONE_INVALID);
    assertThat(lead.get("Phone")).isEqualTo("089 123456");
  }

  @Test
  void reportsUnknownCountryAndKeepsTheRawValueReadable() {
    NormalizedLead lead = normalize("Country", "Germny", "State", "Bavaria");
    assertThat(lead.countryCode()).isNull();
    assertThat(lead.issues()).containsExactly(COUNTRY_UNKNOWN);
    assertThat(lead.get("Country")).isEqualTo("Germny");
  }

  @Test
  void reportsUnknownStateOnlyWhereStatesAreKnown() {
    assertThat(normalize("Country", "US", "State", "Bavaria").issues())
        .containsExactly(STATE_UNKNOWN);
    assertThat(normalize("Country", "DE", "State", "Bavaria").issues()).isEmpty();
    assertThat(normalize("Country", "DE", "State", "Bavaria").stateCode()).isNull();
  }

  @Test
  void reportsBadEmailAndWebsite() {
    NormalizedLead lead = normalize("Email", "ann@localhost", "Website", "n/a");
    assertThat(lead.issues()).containsExactlyInAnyOrder(EMAIL_INVALID, WEBSITE_INVALID);
  }

  @Test
  void freeMailIsReportedAndDomainUsesTheWebsite() {
    NormalizedLead lead = normalize("Email", "ann@gmail.com", "Website", "acme.com");
    assertThat(lead.emailDomain()).isEqualTo("gmail.com");
    assertThat(lead.issues()).containsExactly(FREE_MAIL_DOMAIN);
    assertThat(lead.get("Domain")).isEqualTo("acme.com");
  }

  @Test
  void truncatesHugeValuesAndSaysSo() {
    NormalizedLead lead =
        normalize(
            "Company", "Acme " + "x".repeat(10_000), "Country", "Germany" + " ".repeat(2_000));
    assertThat(lead.issues()).contains(VALUE_TRUNCATED);
    assertThat(lead.companyKey()).hasSize(StandardLeadNormalizer.MAX_VALUE_LENGTH);
    assertThat(lead.countryCode()).isEqualTo("DE");
  }

  @Test
  void doesNotCutASurrogatePairInHalf() {
    String value = "a".repeat(StandardLeadNormalizer.MAX_VALUE_LENGTH - 1) + "😀" + "tail";
    NormalizedLead lead = normalize("Company", value);
    assertThat(lead.issues()).containsExactly(VALUE_TRUNCATED);
    assertThat(lead.companyKey())
        .isEqualTo("a".repeat(StandardLeadNormalizer.MAX_VALUE_LENGTH - 1));
  }

  @Test
  void unreadValuesAreNotTruncationIssues() {
    assertThat(normalize("Description", "x".repeat(5_000)).issues()).isEmpty();
  }
}
