package dev.leadrouter.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.leadrouter.lead.Lead;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NormalizedLeadTest {

  private static final Lead LEAD =
      Lead.of(
          "00Q000000000001",
          Map.of(
              "Country", "Deutschland",
              "State", "Bayern",
              "Phone", "089 123456",
              "Email", "ann@mail.acme.de",
              "Website", "https://www.acme-group.com",
              "Company", "ACME GmbH",
              "LeadSource", "Web",
              "NumberOfEmployees", "250"));

  private static final NormalizedLead NORMALIZED =
      new NormalizedLead(
          LEAD, "DE", null, "+4989123456", "acme.de", "acme-group.com", "acme", Set.of());

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      nullValues = "null",
      value = {
        "Country|DE",
        "country|DE",
        "COUNTRY|DE",
        "CountryCode|DE",
        "countrycode|DE",
        "State|Bayern",
        "StateCode|Bayern",
        "Phone|+4989123456",
        "PHONE|+4989123456",
        "EmailDomain|acme.de",
        "emaildomain|acme.de",
        "WebsiteDomain|acme-group.com",
        "Domain|acme.de",
        "domain|acme.de",
        "CompanyKey|acme",
        "companykey|acme",
        "Company|ACME GmbH",
        "Email|ann@mail.acme.de",
        "Website|https://www.acme-group.com",
        "LeadSource|Web",
        "leadsource|Web",
        "NumberOfEmployees|250",
        "Rating|null",
        "|null"
      })
  void answersWithCanonicalValuesAndRawOtherwise(String field, String expected) {
    assertThat(NORMALIZED.get(field == null ? "" : field)).isEqualTo(expected);
  }

  @Test
  void nullFieldNameReadsAsNull() {
    assertThat(NORMALIZED.get(null)).isNull();
  }

  @Test
  void fallsBackToRawValuesWhenNothingWasRecognised() {
    NormalizedLead unrecognised =
        new NormalizedLead(
            LEAD.with("Country", "Atlantis").with("State", "Mu").with("Phone", "call me"),
            null,
            null,
            null,
            null,
            null,
            null,
            Set.of(NormalizationIssue.COUNTRY_UNKNOWN, NormalizationIssue.PHONE_INVALID));
    assertThat(unrecognised.get("Country")).isEqualTo("Atlantis");
    assertThat(unrecognised.get("CountryCode")).isEqualTo("Atlantis");
    assertThat(unrecognised.get("State")).isEqualTo("Mu");
    assertThat(unrecognised.get("Phone")).isEqualTo("call me");
    assertThat(unrecognised.get("Domain")).isNull();
  }

  @Test
  void rawFallbackReadsTheFieldTheNormalizerRead() {
    Lead lead =
        Lead.of(
            "x",
            Map.of("CountryCode", "XX", "StateCode", "ZZ", "MobilePhone", "nope", "Phone", ""));
    NormalizedLead normalized =
        new NormalizedLead(lead, null, null, null, null, null, null, Set.of());
    assertThat(normalized.get("Country")).isEqualTo("XX");
    assertThat(normalized.get("State")).isEqualTo("ZZ");
    assertThat(normalized.get("Phone")).isEqualTo("nope");
    assertThat(normalized.get("MobilePhone")).isEqualTo("nope");
  }

  @Test
  void domainSkipsFreeMail() {
    NormalizedLead freeMail =
        new NormalizedLead(
            LEAD,
            "DE",
            null,
            null,
            "gmail.com",
            "acme-group.com",
            null,
            Set.of(NormalizationIssue.FREE_MAIL_DOMAIN));
    assertThat(freeMail.get("Domain")).isEqualTo("acme-group.com");
    assertThat(freeMail.get("EmailDomain")).isEqualTo("gmail.com");
    assertThat(freeMail.domain()).isEqualTo("acme-group.com");
  }

  @Test
  void domainFallsBackToWebsiteWithoutEmail() {
    NormalizedLead noEmail =
        new NormalizedLead(LEAD, null, null, null, null, "acme-group.com", null, Set.of());
    assertThat(noEmail.get("Domain")).isEqualTo("acme-group.com");
  }

  @Test
  void issuesAreAnUnmodifiableCopy() {
    Set<NormalizationIssue> issues = new HashSet<>(Set.of(NormalizationIssue.PHONE_INVALID));
    NormalizedLead normalized =
        new NormalizedLead(LEAD, null, null, null, null, null, null, issues);
    issues.add(NormalizationIssue.EMAIL_INVALID);

    assertThat(normalized.issues()).containsExactly(NormalizationIssue.PHONE_INVALID);
    assertThat(normalized.has(NormalizationIssue.PHONE_INVALID)).isTrue();
    assertThatThrownBy(() -> normalized.issues().add(NormalizationIssue.STATE_UNKNOWN))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(new NormalizedLead(LEAD, null, null, null, null, null, null, null).issues())
        .isEmpty();
  }
}
