package dev.leadrouter.emulator.soql;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A parsed query of the subset the emulator runs: {@code SELECT fields FROM object [WHERE …] [ORDER
 * BY field [ASC|DESC]] [LIMIT n]}.
 */
public record SoqlQuery(
    List<String> fields,
    String object,
    Optional<Condition> where,
    Optional<String> orderBy,
    boolean descending,
    OptionalInt limit) {

  public SoqlQuery {
    fields = List.copyOf(fields);
  }

  /** The records that match, in the requested order (nulls first ascending), at most LIMIT. */
  public List<Map<String, Object>> run(List<Map<String, Object>> records, Instant now) {
    Stream<Map<String, Object>> matching =
        records.stream().filter(r -> where.map(w -> w.test(r, now)).orElse(true));
    if (orderBy.isPresent()) {
      Comparator<Map<String, Object>> order =
          (a, b) ->
              Values.sortOrder(Values.lookup(a, orderBy.get()), Values.lookup(b, orderBy.get()));
      matching = matching.sorted(descending ? order.reversed() : order);
    }
    if (limit.isPresent()) {
      matching = matching.limit(limit.getAsInt());
    }
    return matching.toList();
  }

  /** Every field the query names, in SELECT, WHERE and ORDER BY. */
  public Set<String> namedFields() {
    Set<String> named = new LinkedHashSet<>(fields);
    where.ifPresent(w -> w.fields(named::add));
    orderBy.ifPresent(named::add);
    return named;
  }

  public static SoqlQuery parse(String soql) {
    return new SoqlParser(Token.lex(soql)).query();
  }
}
