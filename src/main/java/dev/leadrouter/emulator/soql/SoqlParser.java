package dev.leadrouter.emulator.soql;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Recursive descent over the SOQL subset; AND binds tighter than OR, as in SOQL (which otherwise
 * demands parentheses when they are mixed; the emulator is lenient there).
 */
final class SoqlParser {

  private final List<Token> tokens;
  private int at;

  SoqlParser(List<Token> tokens) {
    this.tokens = tokens;
  }

  SoqlQuery query() {
    expect("SELECT");
    List<String> fields = new ArrayList<>();
    do {
      fields.add(word("a field"));
    } while (accept(","));
    expect("FROM");
    String object = word("an object");
    Optional<Condition> where = accept("WHERE") ? Optional.of(or()) : Optional.empty();
    Optional<String> orderBy = Optional.empty();
    boolean descending = false;
    if (accept("ORDER")) {
      expect("BY");
      orderBy = Optional.of(word("a field"));
      descending = accept("DESC");
      if (!descending) {
        accept("ASC");
      }
    }
    OptionalInt limit = OptionalInt.empty();
    if (accept("LIMIT")) {
      limit = OptionalInt.of(Integer.parseInt(next(Token.Kind.NUMBER, "a number").text()));
    }
    if (at < tokens.size()) {
      throw new MalformedQueryException("unexpected token: " + tokens.get(at).text());
    }
    return new SoqlQuery(fields, object, where, orderBy, descending, limit);
  }

  private Condition or() {
    Condition left = and();
    while (accept("OR")) {
      left = new Condition.Or(left, and());
    }
    return left;
  }

  private Condition and() {
    Condition left = unary();
    while (accept("AND")) {
      left = new Condition.And(left, unary());
    }
    return left;
  }

  private Condition unary() {
    if (accept("NOT")) {
      return new Condition.Not(unary());
    }
    if (accept("(")) {
      Condition inner = or();
      expect(")");
      return inner;
    }
    String field = word("a field");
    if (accept("IN")) {
      return new Condition.Comparison(field, "IN", list());
    }
    if (accept("NOT")) {
      expect("IN");
      return new Condition.Comparison(field, "NOT IN", list());
    }
    if (accept("LIKE")) {
      Token pattern = next(Token.Kind.STRING, "a text pattern");
      return new Condition.Comparison(field, "LIKE", List.of(unquote(pattern.text(), true)));
    }
    String operator = next(Token.Kind.OPERATOR, "an operator").text();
    List<Object> literal = new ArrayList<>();
    literal.add(literal());
    return new Condition.Comparison(field, operator, literal);
  }

  private List<Object> list() {
    expect("(");
    List<Object> literals = new ArrayList<>();
    do {
      literals.add(literal());
    } while (accept(","));
    expect(")");
    return literals;
  }

  private Object literal() {
    if (at >= tokens.size()) {
      throw new MalformedQueryException("expected a value at the end of the query");
    }
    Token token = tokens.get(at++);
    return switch (token.kind()) {
      case STRING -> unquote(token.text(), false);
      case NUMBER -> new BigDecimal(token.text());
      case DATE ->
          token.text().length() == 10
              ? LocalDate.parse(token.text())
              : (Object)
                  OffsetDateTime.parse(token.text().replaceAll("([+-]\\d{2})(\\d{2})$", "$1:$2"))
                      .toInstant();
      case WORD -> keywordLiteral(token.text());
      default -> throw new MalformedQueryException("expected a value, found " + token.text());
    };
  }

  private static Object keywordLiteral(String text) {
    String upper = text.toUpperCase(Locale.ROOT);
    if (upper.equals("NULL")) {
      return null;
    }
    if (upper.equals("TRUE") || upper.equals("FALSE")) {
      return Boolean.valueOf(upper.equals("TRUE"));
    }
    if (upper.startsWith("LAST_N_DAYS:")) {
      return new LastNDays(Integer.parseInt(upper.substring("LAST_N_DAYS:".length())));
    }
    if (upper.equals("TODAY")) {
      return new LastNDays(0);
    }
    throw new MalformedQueryException("unknown literal " + text);
  }

  /**
   * The text of a string literal, following the SOQL reference's "Quoted String Escape Sequences";
   * any other escape is an error, as in an org. In a LIKE pattern an escaped {@code %}, {@code _}
   * or backslash stays escaped, so the pattern can tell it from a wildcard.
   */
  private static String unquote(String quoted, boolean like) {
    String inner = quoted.substring(1, quoted.length() - 1);
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < inner.length(); i++) {
      char c = inner.charAt(i);
      if (c != '\\') {
        text.append(c);
        continue;
      }
      if (i + 1 >= inner.length()) {
        throw new MalformedQueryException("a string literal ends with a lone backslash");
      }
      char escaped = inner.charAt(++i);
      switch (escaped) {
        case 'n', 'N' -> text.append('\n');
        case 't', 'T' -> text.append('\t');
        case 'r', 'R' -> text.append('\r');
        case 'f', 'F' -> text.append('\f');
        case 'b', 'B' -> text.append('\b');
        case '\'', '"' -> text.append(escaped);
        case '\\', '%', '_' -> {
          if (like) {
            text.append('\\').append(escaped);
          } else if (escaped == '\\') {
            text.append(escaped);
          } else {
            throw new MalformedQueryException(
                "Invalid string literal: \\" + escaped + " is allowed only in LIKE");
          }
        }
        case 'u', 'U' -> {
          if (i + 5 > inner.length()) {
            throw new MalformedQueryException("a \\u escape needs four hex digits");
          }
          try {
            text.append((char) Integer.parseInt(inner.substring(i + 1, i + 5), 16));
          } catch (NumberFormatException notHex) {
            throw new MalformedQueryException("a \\u escape needs four hex digits");
          }
          i += 4;
        }
        default ->
            throw new MalformedQueryException(
                "Invalid string literal: illegal escape sequence \\" + escaped);
      }
    }
    return text.toString();
  }

  private String word(String what) {
    return next(Token.Kind.WORD, what).text();
  }

  private Token next(Token.Kind kind, String what) {
    if (at >= tokens.size() || tokens.get(at).kind() != kind) {
      throw new MalformedQueryException(
          "expected "
              + what
              + (at < tokens.size() ? " at " + tokens.get(at).text() : " at the end"));
    }
    return tokens.get(at++);
  }

  private boolean accept(String keyword) {
    if (at < tokens.size() && tokens.get(at).is(keyword)) {
      at++;
      return true;
    }
    return false;
  }

  private void expect(String keyword) {
    if (!accept(keyword)) {
      throw new MalformedQueryException(
          "expected " + keyword + (at < tokens.size() ? " at " + tokens.get(at).text() : ""));
    }
  }
}
