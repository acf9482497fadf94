package dev.leadrouter.admin;

import dev.leadrouter.lead.SalesforceId;
import dev.leadrouter.route.Owner;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Shadow decisions of a period, each beside the owner the org actually gave, with owner names.
 *
 * @param since start of the period
 * @param generatedAt end of the period: when the org was asked
 * @param rows one per lead, oldest decision first
 * @param ownerNames names of the owners the org gave, by id, as far as the org told them
 */
public record ShadowReport(
    Instant since,
    Instant generatedAt,
    List<ShadowComparison> rows,
    Map<SalesforceId, String> ownerNames) {

  public ShadowReport {
    Objects.requireNonNull(since, "since");
    Objects.requireNonNull(generatedAt, "generatedAt");
    rows = List.copyOf(rows);
    ownerNames = Map.copyOf(ownerNames);
  }

  public ShadowSummary summary() {
    return ShadowSummary.of(rows, row -> name(row.wouldOwner()));
  }

  /** The owner's name as logged, or its id when the log has none. */
  public static String name(Owner owner) {
    return owner.name() == null || owner.name().isBlank() ? owner.id().value() : owner.name();
  }

  /** The actual owner's name, or its id when the org did not tell it. */
  public String actualOwnerName(SalesforceId owner) {
    return ownerNames.getOrDefault(owner, owner.value());
  }
}
