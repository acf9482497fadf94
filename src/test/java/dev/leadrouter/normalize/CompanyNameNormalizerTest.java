package dev.leadrouter.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CompanyNameNormalizerTest {

  private static final CompanyNameNormalizer COMPANIES = new CompanyNameNormalizer();

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "The Coca-Cola Company|coca cola",
        "Coca-Cola Company, The|coca cola",
        "Müller GmbH & Co. KG|muller",
        "Mueller GmbH & Co KG|mueller",
        "ACME, Inc.|acme",
        "Acme Corp.|acme",
        "acme|acme",
        "  ACME   Incorporated  |acme",
        "Siemens AG|siemens",
        "Nokia Oyj|nokia",
        "Toyota K.K.|toyota",
        "BHP Pty Ltd|bhp",
        "Procter & Gamble|procter and gamble",
        "Procter and Gamble Co.|procter and gamble",
        "Smith & Co.|smith",
        "Fiat S.p.A.|fiat",
        "Fiat SpA|fiat",
        "Fiat s.p.a|fiat",
        "Acme S.A. de C.V.|acme",
        "Acme S.à r.l.|acme",
        "Acme sp. z o.o.|acme",
        "Acme s.r.o.|acme",
        "Acme a.s.|acme",
        "Maersk A/S|maersk",
        "Acme ApS|acme",
        "Acme B.V.|acme",
        "Philips N.V.|philips",
        "Acme Sdn Bhd|acme",
        "Acme Pte Ltd|acme",
        "Acme Co., Ltd.|acme",
        "Acme Ltda|acme",
        "Acme Kft.|acme",
        "Acme Zrt.|acme",
        "Acme SARL|acme",
        "Acme S.A.S.|acme",
        "Acme SAS|acme",
        "Acme S.L.|acme",
        "Acme L.L.C.|acme",
        "Acme LLP|acme",
        "Acme PLC|acme",
        "Acme Limited|acme",
        "Volvo AB (publ)|volvo",
        "Straße GmbH|strasse",
        "Ærø Øl ApS|aero ol",
        "Łódź Sp. z o.o.|lodz",
        "McDonald's Corporation|mcdonalds",
        "J.P. Morgan Chase & Co.|jp morgan chase",
        "3M Company|3m",
        "ＡＣＭＥ株式会社|acme株式会社"
      })
  void buildsMatchKey(String name, String key) {
    assertThat(COMPANIES.matchKey(name)).isEqualTo(key);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {"AG|ag", "Inc.|inc", "GmbH & Co. KG|gmbh", "The Company|company", "The|the"})
  void neverStripsTheWholeName(String name, String key) {
    assertThat(COMPANIES.matchKey(name)).isEqualTo(key);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {" ", "\t\n", "...", "-/.,", "🙂", "\uD800"})
  void nothingToMatchGivesNull(String name) {
    assertThat(COMPANIES.matchKey(name)).isNull();
  }

  @Test
  void tokensAreSingleSpaced() {
    assertThat(COMPANIES.matchKey("  Big \t\n  Blue\u00a0Company  ")).isEqualTo("big blue");
  }

  @Test
  void isLinearOnHugeAdversarialInput() {
    String[] inputs = {
      "a".repeat(10_000),
      "a.".repeat(5_000),
      "Inc ".repeat(2_500),
      "Acme" + " GmbH & Co. KG".repeat(700),
      "S.p.A. ".repeat(1_400),
      "ü&".repeat(5_000)
    };
    assertTimeoutPreemptively(
        Duration.ofSeconds(2),
        () -> {
          for (String input : inputs) {
            assertThat(COMPANIES.matchKey(input)).isNotEmpty();
          }
        });
  }
}
