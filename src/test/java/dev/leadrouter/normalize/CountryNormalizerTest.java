package dev.leadrouter.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CountryNormalizerTest {

  private static final CountryNormalizer COUNTRIES = new CountryNormalizer();

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        // codes
        "DE|DE",
        "de|DE",
        " us |US",
        "USA|US",
        "DEU|DE",
        "gbr|GB",
        "CHE|CH",
        // names in the seven languages
        "Germany|DE",
        "Deutschland|DE",
        "Allemagne|DE",
        "Alemania|DE",
        "Germania|DE",
        "Alemanha|DE",
        "Duitsland|DE",
        "Österreich|AT",
        "osterreich|AT",
        "OESTERREICH|AT",
        "Schweiz|CH",
        "Suisse|CH",
        "Svizzera|CH",
        "États-Unis|US",
        "Estados Unidos|US",
        "Vereinigte Staaten|US",
        "Stati Uniti|US",
        "Verenigde Staten|US",
        "España|ES",
        "Espana|ES",
        "Brasil|BR",
        "México|MX",
        "Países Bajos|NL",
        "Royaume-Uni|GB",
        // aliases, punctuation, spacing and case
        "U.S.|US",
        "U.S.A.|US",
        "u.s.a|US",
        "u s a|US",
        "United States of America|US",
        "America|US",
        "UK|GB",
        "U.K.|GB",
        "Great Britain|GB",
        "England|GB",
        "Scotland|GB",
        "Wales|GB",
        "Northern Ireland|GB",
        "Holland|NL",
        "The Netherlands|NL",
        "Czech Republic|CZ",
        "Korea|KR",
        "South Korea|KR",
        "Republic of Korea|KR",
        "Russia|RU",
        "UAE|AE",
        "Türkiye|TR",
        "Turkey|TR",
        "Viet Nam|VN",
        "Vietnam|VN",
        "Ivory Coast|CI",
        "Côte d’Ivoire|CI",
        "Cote d'Ivoire|CI",
        "Hong Kong SAR|HK",
        "Hong Kong|HK",
        "Macau|MO",
        "Macao|MO",
        // JDK names with "&", "St." and parentheses, written the other way
        "Bosnia and Herzegovina|BA",
        "Bosnia & Herzegovina|BA",
        "Trinidad and Tobago|TT",
        "Saint Lucia|LC",
        "St. Lucia|LC",
        "Saint Kitts and Nevis|KN",
        "Myanmar|MM",
        "Myanmar (Burma)|MM",
        // full-width
        "ＤＥＵＴＳＣＨＬＡＮＤ|DE"
      })
  void recognisesCodesNamesAndAliases(String raw, String iso2) {
    assertThat(COUNTRIES.toIso2(raw)).contains(iso2);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {
        " ",
        "-",
        "?",
        "n/a",
        "N/A",
        "n.a.",
        "#N/A",
        "Germny",
        "Atlantis",
        "123",
        "🇩🇪",
        "\u0000",
        "\uD800",
        "ألمانيا"
      })
  void unknownValuesGiveNothing(String raw) {
    assertThat(COUNTRIES.toIso2(raw)).isEmpty();
  }

  @Test
  void aBareNaIsNamibiaButNotApplicableIsNot() {
    assertThat(COUNTRIES.toIso2("NA")).contains("NA");
    assertThat(COUNTRIES.toIso2("n/a")).isEmpty();
  }

  @Test
  void everyIsoCodeMapsToItselfInBothAlphaForms() {
    for (String iso2 : Locale.getISOCountries()) {
      Locale region = new Locale.Builder().setRegion(iso2).build();
      assertThat(COUNTRIES.toIso2(iso2)).as(iso2).contains(iso2);
      assertThat(COUNTRIES.toIso2(region.getISO3Country())).as(iso2).contains(iso2);
      assertThat(COUNTRIES.toIso2(region.getDisplayCountry(Locale.ENGLISH)))
          .as(iso2)
          .contains(iso2);
    }
  }

  @Test
  void noAliasShadowsAnotherCountrysCode() {
    Map<String, String> codes = new HashMap<>();
    for (String iso2 : Locale.getISOCountries()) {
      codes.put(TextFolder.compactKey(iso2), iso2);
      codes.put(
          TextFolder.compactKey(new Locale.Builder().setRegion(iso2).build().getISO3Country()),
          iso2);
    }
    for (ResourceLines.Line line : ResourceLines.read(CountryNormalizer.ALIASES_RESOURCE)) {
      String[] columns = line.columns(2);
      String shadowed = codes.get(TextFolder.compactKey(columns[0]));
      assertThat(shadowed).as("alias %s", columns[0]).isIn(null, columns[1]);
    }
  }

  @Test
  void aliasFileHasAtLeastFortyEntries() {
    assertThat(ResourceLines.read(CountryNormalizer.ALIASES_RESOURCE))
        .hasSizeGreaterThanOrEqualTo(40);
  }

  @Test
  void surroundingWhitespaceIsIgnoredHoweverLong() {
    assertThat(COUNTRIES.toIso2("\tGermany\n")).contains("DE");
    assertThat(COUNTRIES.toIso2(" ".repeat(2_000) + "Germany" + " ".repeat(2_000))).contains("DE");
  }

  @Test
  void hugeValuesAreNotCountries() {
    assertThat(COUNTRIES.toIso2("Germany".repeat(1_500))).isEmpty();
  }

  @Test
  void doesNotDependOnTheDefaultLocale() {
    Locale before = Locale.getDefault();
    try {
      Locale.setDefault(Locale.forLanguageTag("tr-TR")); // dotless i in upper/lower case mapping
      CountryNormalizer built = new CountryNormalizer();
      assertThat(built.toIso2("INDIA")).contains("IN");
      assertThat(built.toIso2("ITA")).contains("IT");
      assertThat(built.toIso2("Italien")).contains("IT");
    } finally {
      Locale.setDefault(before);
    }
  }
}
