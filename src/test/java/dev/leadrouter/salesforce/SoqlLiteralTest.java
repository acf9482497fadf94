package dev.leadrouter.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Expected forms follow the SOQL and SOSL Reference, "Quoted String Escape Sequences"
 * (https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_soql_select_quotedstringescapes.htm)
 * and "Reserved Characters" ({@code 'Bob\'s BBQ'}).
 */
class SoqlLiteralTest {

  @Test
  void quotesPlainText() {
    assertThat(SoqlLiteral.quote("Acme")).isEqualTo("'Acme'");
    assertThat(SoqlLiteral.quote("")).isEqualTo("''");
    assertThat(SoqlLiteral.quote("Müller & Söhne 株式会社")).isEqualTo("'Müller & Söhne 株式会社'");
  }

  @Test
  void escapesTheDocumentedSequences() {
    assertThat(SoqlLiteral.quote("Bob's BBQ")).isEqualTo("'Bob\\'s BBQ'");
    assertThat(SoqlLiteral.quote("a\\b")).isEqualTo("'a\\\\b'");
    assertThat(SoqlLiteral.quote("say \"hi\"")).isEqualTo("'say \\\"hi\\\"'");
    assertThat(SoqlLiteral.quote("1\n2\r3\t4\f5")).isEqualTo("'1\\n2\\r3\\t4\\f5'");
    assertThat(SoqlLiteral.quote("bell\u0007back\b")).isEqualTo("'bell\\u0007back\\u0008'");
  }

  @Test
  void leavesLikeWildcardsAloneOutsideLike() {
    // A backslash before % or _ outside LIKE is a SOQL error, so = comparisons keep them raw.
    assertThat(SoqlLiteral.quote("50%_off")).isEqualTo("'50%_off'");
  }

  @Test
  void escapesWildcardsInsideLike() {
    assertThat(SoqlLiteral.likePattern("Ter%")).isEqualTo("Ter\\%");
    assertThat(SoqlLiteral.likePattern("a_b")).isEqualTo("a\\_b");
    assertThat("Name LIKE '" + SoqlLiteral.likePattern("Ter%") + "%'")
        .isEqualTo("Name LIKE 'Ter\\%%'");
    assertThat(SoqlLiteral.likePattern("O'Brien\\")).isEqualTo("O\\'Brien\\\\");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "x' OR Name != '",
        "x\\' OR Name != '",
        "' OR Id != null OR Name = '",
        "x'; DELETE FROM Lead; '",
        "\\",
        "\\\\'",
        "'",
        "x' LIMIT 1) OR (Name = 'y"
      })
  void noValueEscapesTheLiteral(String attack) {
    String literal = SoqlLiteral.quote(attack);

    assertThat(literal).startsWith("'").endsWith("'");
    assertThat(unquote(literal)).isEqualTo(attack);
    assertThat(unlike(SoqlLiteral.likePattern(attack))).isEqualTo(attack);
  }

  @Test
  void injectionAttemptStaysOneValue() {
    String where = "Name = " + SoqlLiteral.quote("x' OR Name != '");

    assertThat(where).isEqualTo("Name = 'x\\' OR Name != \\''");
  }

  @Test
  void nullIsNotAString() {
    assertThatThrownBy(() -> SoqlLiteral.quote(null)).isInstanceOf(NullPointerException.class);
  }

  /**
   * Reads a literal back as a SOQL lexer would: a quote not preceded by a backslash ends it. Fails
   * if the literal ends before its last character, which is what an injection needs.
   */
  private static String unquote(String literal) {
    String body = read(literal.substring(1), false);
    return body;
  }

  private static String unlike(String pattern) {
    return read(pattern + "'", true);
  }

  private static String read(String rest, boolean like) {
    StringBuilder value = new StringBuilder();
    for (int i = 0; i < rest.length(); i++) {
      char c = rest.charAt(i);
      if (c == '\'') {
        assertThat(i).as("literal ends only at its closing quote").isEqualTo(rest.length() - 1);
        return value.toString();
      }
      if (c != '\\') {
        value.append(c);
        continue;
      }
      char next = rest.charAt(++i);
      switch (next) {
        case 'n' -> value.append('\n');
        case 'r' -> value.append('\r');
        case 't' -> value.append('\t');
        case 'f' -> value.append('\f');
        case 'u' -> {
          value.append((char) Integer.parseInt(rest.substring(i + 1, i + 5), 16));
          i += 4;
        }
        case '%', '_' -> {
          assertThat(like).as("\\" + next + " only inside LIKE").isTrue();
          value.append(next);
        }
        default -> value.append(next);
      }
    }
    throw new AssertionError("literal never closed: " + rest);
  }
}
