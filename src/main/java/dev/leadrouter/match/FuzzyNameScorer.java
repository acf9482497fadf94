package dev.leadrouter.match;

import java.util.List;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * Scores how alike two name keys are, 0..1, word by word: the keys must have the same number of
 * words, and each pair of words must be a plausible typo of the other (Jaro-Winkler over the word,
 * at most one edit (a swap of neighbours counts as one) in short words and two in long ones, short
 * words equal). The score is the length-weighted Jaro-Winkler similarity of the words. Keys whose
 * words run together ("micro soft", "microsoft") are compared as one word.
 *
 * <p>Whole-string Jaro-Winkler alone rates "acme systems" and "acme solutions" 0.9: too close for a
 * matcher that must not send leads to the wrong account. Requiring every word to match keeps such
 * pairs apart while typos still match.
 */
public final class FuzzyNameScorer {

  private static final int SHORT_WORD = 3;
  private static final int LONG_WORD = 8;
  private static final double LEAST_WORD_SIMILARITY = 0.85;
  private static final double COMPACT_MATCH = 0.99;

  private final JaroWinklerSimilarity jaroWinkler = new JaroWinklerSimilarity();
  private final LevenshteinDistance twoEdits = new LevenshteinDistance(2);

  /** 0 when the keys cannot be the same company, else their similarity; 1 when equal. */
  public double score(String leadKey, String accountKey) {
    if (leadKey == null || accountKey == null) {
      return 0;
    }
    if (leadKey.equals(accountKey)) {
      return 1;
    }
    // Most candidates fail here; counting spaces first spares splitting them into words.
    if (spaces(leadKey) != spaces(accountKey)) {
      return equalIgnoringSpaces(leadKey, accountKey) ? COMPACT_MATCH : 0;
    }
    List<String> left = AccountKeys.tokens(leadKey);
    List<String> right = AccountKeys.tokens(accountKey);
    double weighted = 0;
    int length = 0;
    for (int i = 0; i < left.size(); i++) {
      double word = wordScore(left.get(i), right.get(i));
      if (word == 0) {
        return 0;
      }
      int weight = Math.max(left.get(i).length(), right.get(i).length());
      weighted += word * weight;
      length += weight;
    }
    return weighted / length;
  }

  private double wordScore(String a, String b) {
    if (a.equals(b)) {
      return 1;
    }
    int shorter = Math.min(a.length(), b.length());
    if (shorter <= SHORT_WORD || Character.isDigit(a.charAt(0)) || Character.isDigit(b.charAt(0))) {
      return 0; // "abc"/"abd", "3m"/"5m": different names, not typos
    }
    int edits = isTransposition(a, b) ? 1 : twoEdits.apply(a, b);
    int allowed = shorter >= LONG_WORD ? 2 : 1;
    if (edits < 0 || edits > allowed) {
      return 0;
    }
    double similarity = jaroWinkler.apply(a, b);
    return similarity >= LEAST_WORD_SIMILARITY ? similarity : 0;
  }

  /** "sytsems" for "systems": Levenshtein counts two edits, people make one slip. */
  private static boolean isTransposition(String a, String b) {
    if (a.length() != b.length()) {
      return false;
    }
    int i = 0;
    while (i < a.length() && a.charAt(i) == b.charAt(i)) {
      i++;
    }
    return i + 1 < a.length()
        && a.charAt(i) == b.charAt(i + 1)
        && a.charAt(i + 1) == b.charAt(i)
        && a.regionMatches(i + 2, b, i + 2, a.length() - i - 2);
  }

  private static int spaces(String key) {
    int spaces = 0;
    for (int i = 0; i < key.length(); i++) {
      if (key.charAt(i) == ' ') {
        spaces++;
      }
    }
    return spaces;
  }

  /** Words run together ("micro soft"): the same letters only, or it is another name. */
  private static boolean equalIgnoringSpaces(String a, String b) {
    int i = 0;
    int j = 0;
    while (true) {
      while (i < a.length() && a.charAt(i) == ' ') {
        i++;
      }
      while (j < b.length() && b.charAt(j) == ' ') {
        j++;
      }
      if (i == a.length() || j == b.length()) {
        return i == a.length() && j == b.length();
      }
      if (a.charAt(i++) != b.charAt(j++)) {
        return false;
      }
    }
  }
}
