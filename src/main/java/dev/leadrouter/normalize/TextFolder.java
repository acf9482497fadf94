package dev.leadrouter.normalize;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Folds free text into the form the lookup tables are keyed by: lower case, without accents or
 * compatibility variants, so that "Österreich", "OSTERREICH" and "ｏｓｔｅｒｒｅｉｃｈ" meet.
 *
 * <p>Every step is a single pass over the input, so folding is linear in its length.
 */
final class TextFolder {

  private TextFolder() {}

  /**
   * Lower case (root locale), compatibility-decomposed, combining marks removed, and the Latin
   * letters that have no decomposition (ß, æ, ø, ł, ...) spelled out in ASCII. Characters that are
   * not letters are kept as they are.
   */
  static String fold(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    if (isAscii(lower)) {
      return lower;
    }
    // NFKD rather than NFD: full-width letters and ligatures are as common in pasted CRM data as
    // accents, and must meet their plain forms.
    String decomposed = Normalizer.normalize(lower, Normalizer.Form.NFKD);
    StringBuilder out = new StringBuilder(decomposed.length());
    for (int i = 0; i < decomposed.length(); ) {
      int cp = decomposed.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.getType(cp) == Character.NON_SPACING_MARK) {
        continue;
      }
      String spelled = spelledOut(cp);
      if (spelled != null) {
        out.append(spelled);
      } else {
        out.appendCodePoint(cp);
      }
    }
    // Decomposition can expose upper-case forms (e.g. of compatibility characters); fold again.
    return out.toString().toLowerCase(Locale.ROOT);
  }

  /**
   * {@link #fold} keeping only letters and digits, with "&amp;" spelled "and": "U.S.A." and "usa"
   * give the same key, as do "Bosnia &amp; Herzegovina" and "Bosnia and Herzegovina".
   */
  static String compactKey(String text) {
    String folded = fold(text);
    StringBuilder out = new StringBuilder(folded.length());
    for (int i = 0; i < folded.length(); ) {
      int cp = folded.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isLetterOrDigit(cp)) {
        out.appendCodePoint(cp);
      } else if (cp == '&') {
        out.append("and");
      }
    }
    return out.toString();
  }

  private static boolean isAscii(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) > 0x7f) {
        return false;
      }
    }
    return true;
  }

  /** Letters that Unicode does not decompose into a base letter plus a mark. */
  private static String spelledOut(int cp) {
    return switch (cp) {
      case 'ß' -> "ss";
      case 'æ' -> "ae";
      case 'œ' -> "oe";
      case 'ø' -> "o";
      case 'ł' -> "l";
      case 'đ', 'ð' -> "d";
      case 'þ' -> "th";
      case 'ħ' -> "h";
      case 'ı' -> "i";
      case 'ŧ' -> "t";
      default -> null;
    };
  }
}
