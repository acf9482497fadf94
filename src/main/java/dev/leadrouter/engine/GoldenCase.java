package dev.leadrouter.engine;

import dev.leadrouter.lead.SalesforceId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A golden record: a lead, the moment and load it is routed under, and the owner and rule it must
 * get. Golden records pin routing behaviour down before a rule change goes live.
 *
 * @param expectedOwner the owner's name or id
 * @param expectedRule the rule that must decide, or {@code null} for the catch-all
 * @param expectedReasons reason codes that must be among the decision's (others may be too)
 * @param openLoads open leads per user before this lead is routed
 */
public record GoldenCase(
    String name,
    LeadInput input,
    Instant at,
    Map<SalesforceId, Integer> openLoads,
    String expectedOwner,
    String expectedRule,
    List<String> expectedReasons) {

  public GoldenCase {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(at, "at");
    openLoads = Map.copyOf(openLoads);
    expectedReasons = List.copyOf(expectedReasons);
  }
}
