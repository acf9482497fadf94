package dev.leadrouter.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class StateNormalizerTest {

  private static final StateNormalizer STATES = new StateNormalizer();

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "US|CA|CA",
        "US|ca|CA",
        "US|California|CA",
        "US|CALIFORNIA|CA",
        "US| new  york |NY",
        "US|New-York|NY",
        "US|District of Columbia|DC",
        "US|Washington, D.C.|DC",
        "US|D.C.|DC",
        "US|Washington|WA",
        "US|Puerto Rico|PR",
        "US|US-TX|TX",
        "US|us-tx|TX",
        "CA|ON|ON",
        "CA|Ontario|ON",
        "CA|Québec|QC",
        "CA|Quebec|QC",
        "CA|QUÉBEC|QC",
        "CA|British Columbia|BC",
        "CA|Colombie-Britannique|BC",
        "CA|Nouvelle-Écosse|NS",
        "CA|Newfoundland & Labrador|NL",
        "AU|NSW|NSW",
        "AU|New South Wales|NSW",
        "AU|WA|WA",
        "AU|Western Australia|WA",
        "AU|vic|VIC",
        "AU|Australian Capital Territory|ACT",
        "AU|AU-QLD|QLD"
      })
  void recognisesCodesAndNames(String country, String raw, String code) {
    assertThat(STATES.toCode(country, raw)).contains(code);
  }

  @Test
  void hasDataForAllUsStatesDcAndPuertoRico() {
    long usCodes =
        ResourceLines.read(StateNormalizer.STATES_RESOURCE).stream()
            .map(line -> line.columns(3))
            .filter(columns -> columns[0].equals("US"))
            .map(columns -> columns[1])
            .distinct()
            .count();
    assertThat(usCodes).isEqualTo(52);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {" ", "Calif", "XX", "Bavaria", "-", "🙂", "\uDC00", "Ontario"})
  void unknownUsStatesGiveNothing(String raw) {
    assertThat(STATES.toCode("US", raw)).isEmpty();
  }

  @Test
  void onlyResolvesForUsCanadaAndAustralia() {
    assertThat(STATES.toCode(null, "California")).isEmpty();
    assertThat(STATES.toCode("DE", "BY")).isEmpty();
    assertThat(STATES.toCode("GB", "CA")).isEmpty();
    assertThat(STATES.hasStates("US")).isTrue();
    assertThat(STATES.hasStates("DE")).isFalse();
    assertThat(STATES.hasStates(null)).isFalse();
  }

  @Test
  void hugeValuesAreNotStates() {
    assertThat(STATES.toCode("US", "California".repeat(1_000))).isEmpty();
  }
}
