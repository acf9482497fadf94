package dev.leadrouter.emulator.soql;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One lexical token of a SOQL statement. */
record Token(Kind kind, String text) {

  enum Kind {
    STRING,
    NUMBER,
    DATE,
    WORD,
    OPERATOR,
    PUNCT
  }

  private static final Pattern LEXEME =
      Pattern.compile(
          "\\s*(?:(?<date>\\d{4}-\\d{2}-\\d{2}(?:T\\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?(?:Z|[+-]\\d{2}:?\\d{2}))?)"
              + "|(?<number>-?\\d+(?:\\.\\d+)?)"
              + "|(?<word>[A-Za-z_][A-Za-z0-9_.]*(?::\\d+)?)"
              + "|(?<operator>!=|<>|<=|>=|=|<|>)"
              + "|(?<punct>[(),]))");

  static List<Token> lex(String soql) {
    List<Token> tokens = new ArrayList<>();
    Matcher matcher = LEXEME.matcher(soql);
    int at = 0;
    while (at < soql.length()) {
      if (soql.substring(at).isBlank()) {
        break;
      }
      int start = firstNonBlank(soql, at);
      if (soql.charAt(start) == '\'') {
        // Strings are scanned by hand: a regex alternation recurses once per character and
        // overflows the stack on a long value (found by SoqlLiteralFuzzTest).
        int end = stringEnd(soql, start);
        tokens.add(new Token(Kind.STRING, soql.substring(start, end)));
        at = end;
        continue;
      }
      if (!matcher.find(at) || matcher.start() != at) {
        throw new MalformedQueryException("unexpected token at: " + soql.substring(at).trim());
      }
      for (Kind kind : Kind.values()) {
        if (kind == Kind.STRING) {
          continue; // scanned above
        }
        String text = matcher.group(kind.name().toLowerCase(java.util.Locale.ROOT));
        if (text != null) {
          tokens.add(new Token(kind, text));
          break;
        }
      }
      at = matcher.end();
    }
    return tokens;
  }

  private static int firstNonBlank(String soql, int from) {
    int at = from;
    while (Character.isWhitespace(soql.charAt(at))) {
      at++;
    }
    return at;
  }

  /** The index after the quote that closes the string starting at {@code start}. */
  private static int stringEnd(String soql, int start) {
    for (int at = start + 1; at < soql.length(); at++) {
      char c = soql.charAt(at);
      if (c == '\\') {
        at++;
      } else if (c == '\'') {
        return at + 1;
      }
    }
    throw new MalformedQueryException("unterminated string at: " + soql.substring(start).trim());
  }

  boolean is(String keyword) {
    return (kind == Kind.WORD || kind == Kind.OPERATOR || kind == Kind.PUNCT)
        && text.equalsIgnoreCase(keyword);
  }
}
