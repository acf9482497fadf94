package dev.leadrouter.admin;

import dev.leadrouter.lead.SalesforceId;
import dev.leadrouter.route.RuleSet;
import java.time.Instant;
import java.util.List;

/**
 * A dry run's leads and figures.
 *
 * @param source where the leads came from, for people to read (a file, or the org since a moment)
 * @param routedAt the moment the leads were routed as of (working hours depend on it)
 * @param skippedRows input rows that could not be read and were left out
 */
public record DryRunReport(
    String source,
    Instant routedAt,
    String ruleSetVersion,
    List<DryRunRow> rows,
    DryRunSummary summary,
    int skippedRows,
    RuleSet ruleSet) {

  public DryRunReport {
    rows = List.copyOf(rows);
  }

  public static DryRunReport of(
      String source, Instant routedAt, RuleSet ruleSet, List<DryRunRow> rows, int skippedRows) {
    return new DryRunReport(
        source,
        routedAt,
        ruleSet.version(),
        rows,
        DryRunSummary.of(rows, ruleSet),
        skippedRows,
        ruleSet);
  }

  /** A current owner's name when the rule set knows it, else its id. */
  String ownerName(SalesforceId id) {
    if (id == null) {
      return "";
    }
    return id.isQueue() ? ruleSet.queueOwner(id).name() : ruleSet.userOwner(id).name();
  }
}
