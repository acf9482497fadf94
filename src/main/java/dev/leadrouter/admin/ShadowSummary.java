package dev.leadrouter.admin;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The figures of a shadow report.
 *
 * @param decisions shadow decisions in the period
 * @param compared of those, decisions whose lead was found in the org
 * @param agreed decisions that gave the owner the org gave
 * @param notFound decisions whose lead is no longer in the org (deleted or merged)
 * @param byRule tallies by rule, most disagreements first
 * @param byTeam tallies by team, most disagreements first
 * @param byOwner tallies by would-be owner, most disagreements first
 */
public record ShadowSummary(
    int decisions,
    int compared,
    int agreed,
    int notFound,
    List<Tally> byRule,
    List<Tally> byTeam,
    List<Tally> byOwner) {

  public ShadowSummary {
    byRule = List.copyOf(byRule);
    byTeam = List.copyOf(byTeam);
    byOwner = List.copyOf(byOwner);
  }

  /** Sums up the comparisons; {@code ownerName} names the would-be owners. */
  static ShadowSummary of(
      List<ShadowComparison> rows, Function<ShadowComparison, String> ownerName) {
    int compared = 0;
    int agreed = 0;
    for (ShadowComparison row : rows) {
      if (row.agrees().isPresent()) {
        compared++;
        agreed += row.agrees().get() ? 1 : 0;
      }
    }
    return new ShadowSummary(
        rows.size(),
        compared,
        agreed,
        rows.size() - compared,
        tally(rows, ShadowComparison::ruleLabel),
        tally(rows, ShadowComparison::teamLabel),
        tally(rows, ownerName));
  }

  public int disagreed() {
    return compared - agreed;
  }

  /** Share of compared decisions that agreed, 0 to 100; 100 when none could be compared. */
  public double agreementPercent() {
    return new Tally("all", compared, disagreed()).agreementPercent();
  }

  private static List<Tally> tally(
      List<ShadowComparison> rows, Function<ShadowComparison, String> key) {
    Map<String, int[]> counts = new LinkedHashMap<>();
    for (ShadowComparison row : rows) {
      if (row.agrees().isEmpty()) {
        continue;
      }
      int[] count = counts.computeIfAbsent(key.apply(row), name -> new int[2]);
      count[0]++;
      count[1] += row.agrees().get() ? 0 : 1;
    }
    return counts.entrySet().stream()
        .map(entry -> new Tally(entry.getKey(), entry.getValue()[0], entry.getValue()[1]))
        .sorted(
            Comparator.comparingInt(Tally::disagreements)
                .reversed()
                .thenComparing(Tally::compared, Comparator.reverseOrder())
                .thenComparing(Tally::name))
        .toList();
  }
}
