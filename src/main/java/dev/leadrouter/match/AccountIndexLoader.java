package dev.leadrouter.match;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.inject.Inject;
import dev.leadrouter.lead.SalesforceId;
import dev.leadrouter.salesforce.RestClient;
import dev.leadrouter.salesforce.SoqlLiteral;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Fills the {@link AccountIndex} by SOQL: every account at start-up (the REST query streams and
 * fetches further pages as it goes, 2,000 records a page), and given accounts again after a gap in
 * the change stream.
 */
public final class AccountIndexLoader {

  static final String STANDARD_FIELDS =
      "Id, Name, Website, BillingCountry, BillingState, OwnerId, Owner.IsActive, ParentId, Type,"
          + " NumberOfEmployees, Industry";

  /** Ids in one {@code WHERE Id IN (...)}: keeps the SOQL well under its 100,000-character cap. */
  private static final int IDS_PER_QUERY = 200;

  private final RestClient rest;
  private final AccountIndex index;
  private final CustomAccountFields custom;

  @Inject
  public AccountIndexLoader(RestClient rest, AccountIndex index, CustomAccountFields custom) {
    this.rest = rest;
    this.index = index;
    this.custom = custom;
  }

  /** Loads every account; returns how many. {@code progress} hears the running count. */
  public int loadAll(IntConsumer progress) {
    int[] count = {0};
    try (Stream<JsonNode> records = rest.query("SELECT " + fields() + " FROM Account")) {
      records.forEach(
          record -> {
            index.upsert(toAccount(record));
            if (++count[0] % 10_000 == 0) {
              progress.accept(count[0]);
            }
          });
    }
    index.trimToSize();
    progress.accept(count[0]);
    return count[0];
  }

  /**
   * Re-reads the given accounts: those found are replaced in the index, those no longer there
   * (deleted meanwhile) are removed. Returns how many were found.
   */
  public int reload(Collection<SalesforceId> ids) {
    List<SalesforceId> all = new ArrayList<>(new HashSet<>(ids));
    int found = 0;
    for (int from = 0; from < all.size(); from += IDS_PER_QUERY) {
      List<SalesforceId> chunk = all.subList(from, Math.min(all.size(), from + IDS_PER_QUERY));
      String in =
          chunk.stream().map(id -> SoqlLiteral.quote(id.value())).collect(Collectors.joining(", "));
      Set<SalesforceId> seen = new HashSet<>();
      try (Stream<JsonNode> records =
          rest.query("SELECT " + fields() + " FROM Account WHERE Id IN (" + in + ")")) {
        records.forEach(
            record -> {
              Account account = toAccount(record);
              index.upsert(account);
              seen.add(account.id());
            });
      }
      for (SalesforceId id : chunk) {
        if (!seen.contains(id)) {
          index.delete(id);
        }
      }
      found += seen.size();
    }
    return found;
  }

  private String fields() {
    StringBuilder fields = new StringBuilder(STANDARD_FIELDS);
    if (custom.domainsField() != null) {
      fields.append(", ").append(custom.domainsField());
    }
    if (custom.aliasesField() != null) {
      fields.append(", ").append(custom.aliasesField());
    }
    return fields.toString();
  }

  Account toAccount(JsonNode record) {
    SalesforceId owner = SalesforceId.parse(text(record, "OwnerId")).orElse(null);
    JsonNode ownerActive = record.path("Owner").path("IsActive");
    return new Account(
        new SalesforceId(text(record, "Id")),
        text(record, "Name"),
        text(record, "Website"),
        custom.domainsField() == null
            ? List.of()
            : CustomAccountFields.split(text(record, custom.domainsField())),
        custom.aliasesField() == null
            ? List.of()
            : CustomAccountFields.split(text(record, custom.aliasesField())),
        text(record, "BillingCountry"),
        text(record, "BillingState"),
        owner,
        !ownerActive.isBoolean() || ownerActive.booleanValue(),
        SalesforceId.parse(text(record, "ParentId")).orElse(null),
        text(record, "Type"),
        AccountChanges.parseEmployees(text(record, "NumberOfEmployees")),
        text(record, "Industry"));
  }

  private static String text(JsonNode record, String field) {
    JsonNode value = record.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }
}
