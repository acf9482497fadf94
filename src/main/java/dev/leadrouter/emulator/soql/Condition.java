package dev.leadrouter.emulator.soql;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** A WHERE clause, evaluated against one record's field map. */
public sealed interface Condition {

  /** Whether the record satisfies the condition; {@code now} anchors relative date literals. */
  boolean test(Map<String, Object> record, Instant now);

  /** Calls {@code visitor} with every field the condition names. */
  void fields(Consumer<String> visitor);

  record And(Condition left, Condition right) implements Condition {
    @Override
    public boolean test(Map<String, Object> record, Instant now) {
      return left.test(record, now) && right.test(record, now);
    }

    @Override
    public void fields(Consumer<String> visitor) {
      left.fields(visitor);
      right.fields(visitor);
    }
  }

  record Or(Condition left, Condition right) implements Condition {
    @Override
    public boolean test(Map<String, Object> record, Instant now) {
      return left.test(record, now) || right.test(record, now);
    }

    @Override
    public void fields(Consumer<String> visitor) {
      left.fields(visitor);
      right.fields(visitor);
    }
  }

  record Not(Condition inner) implements Condition {
    @Override
    public boolean test(Map<String, Object> record, Instant now) {
      return !inner.test(record, now);
    }

    @Override
    public void fields(Consumer<String> visitor) {
      inner.fields(visitor);
    }
  }

  /** {@code field op literal}; IN and NOT IN carry a list of literals. */
  record Comparison(String field, String operator, List<Object> literals) implements Condition {
    @Override
    public boolean test(Map<String, Object> record, Instant now) {
      Object value = Values.lookup(record, field);
      return switch (operator) {
        case "IN" -> literals.stream().anyMatch(l -> Values.equal(value, l, now));
        case "NOT IN" -> literals.stream().noneMatch(l -> Values.equal(value, l, now));
        case "LIKE" -> Values.like(value, (String) literals.get(0));
        case "=" -> Values.equal(value, literals.get(0), now);
        case "!=", "<>" -> !Values.equal(value, literals.get(0), now);
        default -> Values.ordered(value, operator, literals.get(0), now);
      };
    }

    @Override
    public void fields(Consumer<String> visitor) {
      visitor.accept(field);
    }
  }
}
