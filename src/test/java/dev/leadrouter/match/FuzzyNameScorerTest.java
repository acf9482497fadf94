package dev.leadrouter.match;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FuzzyNameScorerTest {

  private final FuzzyNameScorer scorer = new FuzzyNameScorer();

  @Test
  void equalKeysScoreOneAndMissingKeysZero() {
    assertThat(scorer.score("acme systems", "acme systems")).isEqualTo(1);
    assertThat(scorer.score(null, "acme")).isZero();
    assertThat(scorer.score("acme", null)).isZero();
  }

  @Test
  void wordsRunTogetherAreTheSameName() {
    assertThat(scorer.score("micro soft", "microsoft")).isEqualTo(0.99);
    assertThat(scorer.score("microsoft", "micro  soft")).isEqualTo(0.99);
    assertThat(scorer.score("micro soft", "microsofts")).isZero();
  }

  @Test
  void aTypoInEachWordStillScoresHigh() {
    assertThat(scorer.score("bergman logistcs", "bergmann logistics")).isGreaterThan(0.93);
    assertThat(scorer.score("sytsems", "systems")).isGreaterThan(0.9); // a swap is one slip
  }

  @Test
  void differentWordsShortWordsAndNumbersDoNotMatch() {
    assertThat(scorer.score("acme solutions", "acme systems")).isZero();
    assertThat(scorer.score("acme systems europe", "acme systems")).isZero();
    assertThat(scorer.score("abd systems", "abc systems")).isZero();
    assertThat(scorer.score("3m", "5m")).isZero();
    assertThat(scorer.score("studio 54", "studio 55")).isZero();
    assertThat(scorer.score("nordwind", "nordwand xyz")).isZero();
  }

  @Test
  void moreEditsThanAWordAllowsIsAnotherName() {
    assertThat(scorer.score("mueller", "muller")).isGreaterThan(0); // one edit in seven letters
    assertThat(scorer.score("meier", "mayer")).isZero(); // two edits in five letters
    assertThat(scorer.score("international", "internatoinal")).isGreaterThan(0.9);
    assertThat(scorer.score("international", "internatoinall")).isZero(); // a swap and one more
  }
}
