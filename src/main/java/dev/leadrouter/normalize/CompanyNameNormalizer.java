package dev.leadrouter.normalize;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reduces a company name to a match key, so that "ACME, Inc.", "Acme Corp." and "acme" compare
 * equal, as do "Müller GmbH &amp; Co. KG" and "Muller".
 *
 * <p>The key is the name folded to lower-case ASCII where possible (accents removed, "ß" as "ss"),
 * "&amp;" read as "and", punctuation dropped, words separated by single spaces, a leading "the"
 * dropped, and trailing legal forms (Inc, GmbH, S.p.A., Pty Ltd, sp. z o.o., ...) removed for as
 * long as one is there. A name is never reduced to nothing: "AG" stays "ag".
 *
 * <p>Dots inside abbreviations join letters, so "S.p.A." and "SpA" give the same word, while other
 * dots separate words ("Co.KG" is "co kg"). The work is a few passes over the input, so it is
 * linear in the length of the name.
 */
public final class CompanyNameNormalizer {

  /**
   * Legal forms, written as people write them. Each is tokenised like a name, so "S.p.A." and "SpA"
   * are the same entry (both are listed for the reader), and forms that stack ("Co., Ltd.") need no
   * entry of their own because removal repeats.
   */
  private static final List<String> LEGAL_FORMS =
      List.of(
          // English-speaking countries
          "Inc",
          "Incorporated",
          "Corp",
          "Corporation",
          "Co",
          "Company",
          "& Co",
          "and Company",
          "LLC",
          "L.L.C.",
          "LLP",
          "LP",
          "PLLC",
          "Ltd",
          "Limited",
          "PLC",
          "Pty",
          "Pty Ltd",
          "Pte",
          "Pte Ltd",
          "Pvt",
          "Pvt Ltd",
          "Private Limited",
          // German-speaking countries
          "GmbH",
          "mbH",
          "GmbH & Co. KG",
          "GmbH Co. KG",
          "AG & Co. KG",
          "KG",
          "KGaA",
          "OHG",
          "AG",
          "SE",
          "UG",
          "e.V.",
          // Romance languages
          "S.A.",
          "SA",
          "S.A.S.",
          "SAS",
          "SASU",
          "SARL",
          "S.à r.l.",
          "S.p.A.",
          "SpA",
          "S.r.l.",
          "S.L.",
          "SL",
          "S.L.U.",
          "S.A.U.",
          "Ltda",
          "S.A. de C.V.",
          "S. de R.L.",
          "S. de R.L. de C.V.",
          "S.A.P.I. de C.V.",
          "SCA",
          "SNC",
          "EIRELI",
          // Benelux and the Nordic countries
          "B.V.",
          "BV",
          "N.V.",
          "NV",
          "BVBA",
          "SPRL",
          "VOF",
          "Oy",
          "Oyj",
          "AB",
          "AB (publ)",
          "A/S",
          "AS",
          "ASA",
          "ApS",
          "hf",
          "ehf",
          // Central and Eastern Europe
          "Kft",
          "Zrt",
          "Nyrt",
          "Bt",
          "sp. z o.o.",
          "s.r.o.",
          "a.s.",
          "d.o.o.",
          "d.d.",
          "OOO",
          "ZAO",
          "PAO",
          "OAO",
          // Asia and Oceania
          "K.K.",
          "KK",
          "Kabushiki Kaisha",
          "G.K.",
          "Sdn Bhd",
          "Bhd",
          "Berhad",
          "Tbk");

  /**
   * Legal forms as token sequences, indexed by their last token so the tail of a name is checked
   * only against forms that can end there.
   */
  private static final Map<String, List<List<String>>> LEGAL_FORMS_BY_LAST_TOKEN =
      indexByLastToken(LEGAL_FORMS);

  /** The match key of a company name, or null when the name is null or has no letters or digits. */
  public String matchKey(String name) {
    if (name == null || name.isBlank()) {
      return null;
    }
    List<String> tokens = tokens(name);
    // "The Coca-Cola Company" and the catalogue form "Coca-Cola Company, The" are one company.
    if (tokens.size() > 1 && tokens.get(0).equals("the")) {
      tokens = tokens.subList(1, tokens.size());
    } else if (tokens.size() > 1 && tokens.get(tokens.size() - 1).equals("the")) {
      tokens = tokens.subList(0, tokens.size() - 1);
    }
    int end = tokens.size();
    for (int formLength = legalFormAtEnd(tokens, end);
        formLength > 0;
        formLength = legalFormAtEnd(tokens, end)) {
      end -= formLength;
    }
    return end == 0 ? null : String.join(" ", tokens.subList(0, end));
  }

  /**
   * The token count of the longest legal form ending at {@code end}, or 0 when there is none or
   * removing it would leave no name at all.
   */
  private static int legalFormAtEnd(List<String> tokens, int end) {
    if (end < 2) {
      return 0;
    }
    List<List<String>> candidates = LEGAL_FORMS_BY_LAST_TOKEN.get(tokens.get(end - 1));
    if (candidates == null) {
      return 0;
    }
    for (List<String> form : candidates) { // longest first
      int start = end - form.size();
      if (start >= 1 && tokens.subList(start, end).equals(form)) {
        return form.size();
      }
    }
    return 0;
  }

  /**
   * Splits a name into folded words. Letters and digits make words; "&amp;" is the word "and";
   * apostrophes vanish ("McDonald's" is one word); a dot after a single letter joins it to what
   * follows ("S.p.A." is "spa"); anything else separates words.
   */
  static List<String> tokens(String name) {
    String folded = TextFolder.fold(name);
    List<String> tokens = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    int segmentLength = 0; // letters since the last dot or separator, to spot "S." in "S.p.A."
    for (int i = 0; i < folded.length(); ) {
      int cp = folded.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isLetterOrDigit(cp)) {
        word.appendCodePoint(cp);
        segmentLength++;
      } else if (cp == '\'' || cp == '\u2019' || cp == '`') {
        continue;
      } else if (cp == '.' && segmentLength == 1) {
        segmentLength = 0;
      } else {
        flush(word, tokens);
        segmentLength = 0;
        if (cp == '&') {
          tokens.add("and");
        }
      }
    }
    flush(word, tokens);
    return tokens;
  }

  private static void flush(StringBuilder word, List<String> tokens) {
    if (word.length() > 0) {
      tokens.add(word.toString());
      word.setLength(0);
    }
  }

  private static Map<String, List<List<String>>> indexByLastToken(List<String> forms) {
    Map<String, List<List<String>>> index = new HashMap<>();
    for (String form : forms) {
      List<String> formTokens = List.copyOf(tokens(form));
      List<List<String>> sameEnd =
          index.computeIfAbsent(formTokens.get(formTokens.size() - 1), t -> new ArrayList<>());
      if (!sameEnd.contains(formTokens)) {
        sameEnd.add(formTokens);
      }
    }
    Map<String, List<List<String>>> frozen = new HashMap<>();
    index.forEach(
        (last, sameEnd) -> {
          List<List<String>> longestFirst = new ArrayList<>(sameEnd);
          longestFirst.sort((a, b) -> Integer.compare(b.size(), a.size()));
          frozen.put(last, List.copyOf(longestFirst));
        });
    return Map.copyOf(frozen);
  }
}
