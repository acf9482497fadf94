package dev.leadrouter.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class DomainNormalizerTest {

  private static final DomainNormalizer DOMAINS = new DomainNormalizer();

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "https://www.shop.acme.co.uk/en?x=1|acme.co.uk",
        "acme.com|acme.com",
        "www.acme.com|acme.com",
        "WWW.ACME.COM|acme.com",
        "http://acme.com.|acme.com",
        "https://user:secret@www.acme.com:8443/path#top|acme.com",
        "//cdn.acme.io/lib.js|acme.io",
        "acme.com:8080|acme.com",
        "acme.com/about|acme.com",
        "acme.com?ref=ad|acme.com",
        "acme.com#contact|acme.com",
        "https://acme.com.au|acme.com.au",
        "http://müller.de|müller.de",
        "http://MÜLLER.de|müller.de",
        "xn--mller-kva.de|müller.de",
        "ａｃｍｅ。ｃｏｍ|acme.com",
        "acme.github.io|acme.github.io",
        " https://acme.com |acme.com"
      })
  void websiteGivesRegistrableDomain(String website, String domain) {
    assertThat(DOMAINS.fromWebsite(website)).contains(domain);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {
        " ", "acme", "localhost", "n/a", "-", "none", "192.168.0.1", "http://10.0.0.1:8080/",
        "http://[::1]/", "co.uk", "com", "https://", "acme .com", "🙂.com", "a..com", "\u0000",
        "\uD800.com", "http://acme.com@/"
      })
  void websiteWithoutRegistrableDomainGivesNothing(String website) {
    assertThat(DOMAINS.fromWebsite(website)).isEmpty();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "ann@mail.sales.acme.com|acme.com",
        "ann@acme.com|acme.com",
        "Ann.Lee@ACME.CO.UK|acme.co.uk",
        "mailto:ann@acme.com|acme.com",
        "Ann Lee <ann@acme.com>|acme.com",
        "ann@acme.com.|acme.com",
        "jörg@müller.de|müller.de",
        "\"odd@local\"@acme.com|acme.com"
      })
  void emailGivesRegistrableDomain(String email, String domain) {
    assertThat(DOMAINS.fromEmail(email)).contains(domain);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {
        " ",
        "ann",
        "ann@",
        "@acme.com",
        "ann@localhost",
        "ann@acme",
        "ann@192.168.0.1",
        "n/a",
        "-",
        "ann@@",
        "ann@acme..com",
        "ann@[127.0.0.1]"
      })
  void emailWithoutRegistrableDomainGivesNothing(String email) {
    assertThat(DOMAINS.fromEmail(email)).isEmpty();
  }

  @Test
  void hugeValuesGiveNothingQuickly() {
    assertThat(DOMAINS.fromWebsite("a".repeat(10_000) + ".com")).isEmpty();
    assertThat(DOMAINS.fromEmail("ann@" + "a.".repeat(5_000) + "com")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "gmail.com",
        "googlemail.com",
        "yahoo.com",
        "yahoo.co.uk",
        "hotmail.com",
        "hotmail.co.uk",
        "outlook.com",
        "live.com",
        "msn.com",
        "aol.com",
        "icloud.com",
        "me.com",
        "mac.com",
        "gmx.de",
        "gmx.net",
        "gmx.at",
        "web.de",
        "t-online.de",
        "freenet.de",
        "mail.ru",
        "yandex.ru",
        "qq.com",
        "163.com",
        "126.com",
        "protonmail.com",
        "proton.me",
        "zoho.com",
        "mail.com",
        "orange.fr",
        "free.fr",
        "laposte.net",
        "libero.it",
        "btinternet.com",
        "comcast.net",
        "mailinator.com",
        "guerrillamail.com",
        "10minutemail.com",
        "GMAIL.COM"
      })
  void knowsFreeMailProviders(String domain) {
    assertThat(DOMAINS.isFreeMail(domain)).isTrue();
  }

  @Test
  void companyDomainsAreNotFreeMail() {
    assertThat(DOMAINS.isFreeMail("acme.com")).isFalse();
    assertThat(DOMAINS.isFreeMail("google.com")).isFalse();
    assertThat(DOMAINS.isFreeMail(null)).isFalse();
  }

  @Test
  void freeMailListHoldsRegistrableDomainsOnly() {
    var lines = ResourceLines.read(DomainNormalizer.FREE_MAIL_RESOURCE);
    assertThat(lines).hasSizeGreaterThanOrEqualTo(100);
    for (ResourceLines.Line line : lines) {
      // an entry that is not its own registrable domain could never match
      assertThat(DOMAINS.fromWebsite(line.text()))
          .as("line %d", line.number())
          .contains(line.text());
    }
  }
}
