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
          "\\s*(?:(?<string>'(?:\\\\.|[^'\\\\])*')"
              + "|(?<date>\\d{4}-\\d{2}-\\d{2}(?:T\\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?(?:Z|[+-]\\d{2}:?\\d{2}))?)"
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
      if (!matcher.find(at) || matcher.start() != at) {
        throw new MalformedQueryException("unexpected token at: " + soql.substring(at).trim());
      }
      for (Kind kind : Kind.values()) {
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

  boolean is(String keyword) {
    return (kind == Kind.WORD || kind == Kind.OPERATOR || kind == Kind.PUNCT)
        && text.equalsIgnoreCase(keyword);
  }
}
