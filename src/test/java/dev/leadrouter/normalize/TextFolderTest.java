package dev.leadrouter.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextFolderTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Österreich|osterreich",
        "QUÉBEC|quebec",
        "Straße|strasse",
        "İSTANBUL|istanbul",
        "ıstanbul|istanbul",
        "ＡＢＣ|abc",
        "ﬁnance|finance",
        "Łódź|lodz",
        "Ærø|aero"
      })
  void foldsCaseAccentsAndCompatibilityForms(String text, String folded) {
    assertThat(TextFolder.fold(text)).isEqualTo(folded);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {"U.S.A.|usa", "u s a|usa", "Côte d’Ivoire|cotedivoire"})
  void compactKeyKeepsOnlyLettersAndDigits(String text, String key) {
    assertThat(TextFolder.compactKey(text)).isEqualTo(key);
  }
}
