package dev.leadrouter.admin;

import dev.leadrouter.store.Misroute;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Speed to lead, SLA and misroutes for the assignments started in a period.
 *
 * @param byDimension groups per dimension ("team", "rep", "rule", "lead source"), most assignments
 *     first
 * @param misroutes every misroute of an assignment in the period, oldest first
 */
public record SlaReport(
    Instant since,
    Instant generatedAt,
    SlaFigures overall,
    Map<String, List<SlaFigures>> byDimension,
    List<Misroute> misroutes) {

  public SlaReport {
    byDimension = Map.copyOf(byDimension);
    misroutes = List.copyOf(misroutes);
  }

  /** The dimensions in the order the report shows them. */
  public static final List<String> DIMENSIONS = List.of("team", "rep", "rule", "lead source");
}
