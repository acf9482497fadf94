package dev.leadrouter.criteria;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Filter logic such as {@code 1 AND (2 OR NOT 3)}, as Salesforce assignment rules and list views
 * write it. Precedence is NOT, then AND, then OR; parentheses group.
 *
 * <p>Parsed once into a small tree whose leaves are positions in the criteria list, so evaluating
 * it is a few array reads.
 */
public final class CriteriaLogic {

  private static final int LONGEST_LOGIC = 2_000;
  private static final int DEEPEST_NESTING = 64;

  private final Node root;
  private final String text;

  private CriteriaLogic(Node root, String text) {
    this.root = root;
    this.text = text;
  }

  /**
   * Parses {@code logic} against the numbers the criteria carry.
   *
   * @param numberToIndex criterion number to its position in the result array
   */
  public static CriteriaLogic parse(String logic, Map<Integer, Integer> numberToIndex)
      throws InvalidCriteriaException {
    if (logic == null || logic.isBlank()) {
      throw new InvalidCriteriaException("logic", "criteria logic is empty");
    }
    if (logic.length() > LONGEST_LOGIC) {
      throw new InvalidCriteriaException(
          "logic", "criteria logic is longer than " + LONGEST_LOGIC + " characters");
    }
    Parser parser = new Parser(tokenize(logic), numberToIndex);
    Node root = parser.expression(0);
    if (!parser.atEnd()) {
      throw new InvalidCriteriaException(
          "logic", "unexpected '" + parser.peek() + "' in criteria logic '" + logic + "'");
    }
    return new CriteriaLogic(root, logic.trim());
  }

  /** Logic that requires every criterion, the default when an admin leaves logic empty. */
  public static CriteriaLogic allOf(int criteriaCount) {
    Node root = null;
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < criteriaCount; i++) {
      Node leaf = new Leaf(i);
      root = root == null ? leaf : new And(root, leaf);
      text.append(i == 0 ? "" : " AND ").append(i + 1);
    }
    return new CriteriaLogic(root == null ? new Constant(true) : root, text.toString());
  }

  /** Each criterion's verdict by position; asked only for criteria the logic still needs. */
  @FunctionalInterface
  public interface Verdicts {
    boolean holds(int index);
  }

  /**
   * Evaluates the logic, short-circuiting: {@code 1 AND 2} never asks for criterion 2 when 1 fails.
   */
  public boolean evaluate(Verdicts verdicts) {
    return root.evaluate(verdicts);
  }

  public boolean evaluate(boolean[] results) {
    return root.evaluate(index -> results[index]);
  }

  public String text() {
    return text;
  }

  @Override
  public String toString() {
    return text;
  }

  private static List<String> tokenize(String logic) throws InvalidCriteriaException {
    List<String> tokens = new ArrayList<>();
    int i = 0;
    while (i < logic.length()) {
      char c = logic.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '(' || c == ')') {
        tokens.add(String.valueOf(c));
        i++;
      } else if (Character.isLetterOrDigit(c)) {
        int start = i;
        while (i < logic.length() && Character.isLetterOrDigit(logic.charAt(i))) {
          i++;
        }
        tokens.add(logic.substring(start, i).toUpperCase(Locale.ROOT));
      } else {
        throw new InvalidCriteriaException(
            "logic", "unexpected character '" + c + "' in criteria logic '" + logic + "'");
      }
    }
    return tokens;
  }

  private static final class Parser {
    private final List<String> tokens;
    private final Map<Integer, Integer> numberToIndex;
    private int position;

    Parser(List<String> tokens, Map<Integer, Integer> numberToIndex) {
      this.tokens = tokens;
      this.numberToIndex = numberToIndex;
    }

    boolean atEnd() {
      return position >= tokens.size();
    }

    String peek() {
      return atEnd() ? "end of logic" : tokens.get(position);
    }

    Node expression(int depth) throws InvalidCriteriaException {
      Node left = term(depth);
      while (!atEnd() && peek().equals("OR")) {
        position++;
        left = new Or(left, term(depth));
      }
      return left;
    }

    private Node term(int depth) throws InvalidCriteriaException {
      Node left = factor(depth);
      while (!atEnd() && peek().equals("AND")) {
        position++;
        left = new And(left, factor(depth));
      }
      return left;
    }

    private Node factor(int depth) throws InvalidCriteriaException {
      if (depth > DEEPEST_NESTING) {
        throw new InvalidCriteriaException(
            "logic", "criteria logic nests deeper than " + DEEPEST_NESTING + " levels");
      }
      if (atEnd()) {
        throw new InvalidCriteriaException("logic", "criteria logic ends too early");
      }
      String token = tokens.get(position++);
      if (token.equals("NOT")) {
        return new Not(factor(depth + 1));
      }
      if (token.equals("(")) {
        Node inner = expression(depth + 1);
        if (atEnd() || !peek().equals(")")) {
          throw new InvalidCriteriaException("logic", "a '(' in criteria logic is never closed");
        }
        position++;
        return inner;
      }
      if (token.chars().allMatch(Character::isDigit) && token.length() <= 4) {
        Integer index = numberToIndex.get(Integer.parseInt(token));
        if (index == null) {
          throw new InvalidCriteriaException(
              "logic", "criteria logic names criterion " + token + ", which does not exist");
        }
        return new Leaf(index);
      }
      throw new InvalidCriteriaException(
          "logic", "unexpected '" + token + "' in criteria logic; use numbers, AND, OR, NOT");
    }
  }

  private interface Node {
    boolean evaluate(Verdicts verdicts);
  }

  private record Leaf(int index) implements Node {
    @Override
    public boolean evaluate(Verdicts verdicts) {
      return verdicts.holds(index);
    }
  }

  private record Constant(boolean value) implements Node {
    @Override
    public boolean evaluate(Verdicts verdicts) {
      return value;
    }
  }

  private record Not(Node inner) implements Node {
    @Override
    public boolean evaluate(Verdicts verdicts) {
      return !inner.evaluate(verdicts);
    }
  }

  private record And(Node left, Node right) implements Node {
    @Override
    public boolean evaluate(Verdicts verdicts) {
      return left.evaluate(verdicts) && right.evaluate(verdicts);
    }
  }

  private record Or(Node left, Node right) implements Node {
    @Override
    public boolean evaluate(Verdicts verdicts) {
      return left.evaluate(verdicts) || right.evaluate(verdicts);
    }
  }
}
