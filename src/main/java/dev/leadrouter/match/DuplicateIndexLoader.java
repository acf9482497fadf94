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
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Fills the {@link DuplicateIndex} by SOQL: open (unconverted) Leads and all Contacts. */
public final class DuplicateIndexLoader {

  static final String LEAD_QUERY =
      "SELECT Id, Email, FirstName, LastName, Company, OwnerId, Owner.IsActive, IsConverted"
          + " FROM Lead";
  static final String CONTACT_QUERY =
      "SELECT Id, Email, FirstName, LastName, Account.Name, OwnerId, Owner.IsActive FROM Contact";

  private static final int IDS_PER_QUERY = 200;

  private final RestClient rest;
  private final DuplicateIndex index;

  @Inject
  public DuplicateIndexLoader(RestClient rest, DuplicateIndex index) {
    this.rest = rest;
    this.index = index;
  }

  /** Loads open leads and contacts; returns how many records the index holds. */
  public int loadAll() {
    load(LEAD_QUERY + " WHERE IsConverted = false", Person.Kind.LEAD);
    load(CONTACT_QUERY, Person.Kind.CONTACT);
    return index.size();
  }

  /** Re-reads records after a gap; those no longer found are removed. */
  public void reload(Person.Kind kind, Collection<SalesforceId> ids) {
    List<SalesforceId> all = new ArrayList<>(new HashSet<>(ids));
    String query = kind == Person.Kind.LEAD ? LEAD_QUERY : CONTACT_QUERY;
    for (int from = 0; from < all.size(); from += IDS_PER_QUERY) {
      List<SalesforceId> chunk = all.subList(from, Math.min(all.size(), from + IDS_PER_QUERY));
      String in =
          chunk.stream().map(id -> SoqlLiteral.quote(id.value())).collect(Collectors.joining(", "));
      Set<SalesforceId> seen = load(query + " WHERE Id IN (" + in + ")", kind);
      chunk.stream().filter(id -> !seen.contains(id)).forEach(index::remove);
    }
  }

  private Set<SalesforceId> load(String soql, Person.Kind kind) {
    Set<SalesforceId> seen = new HashSet<>();
    try (Stream<JsonNode> records = rest.query(soql)) {
      records.forEach(
          record -> {
            Person person = toPerson(record, kind);
            index.upsert(person);
            seen.add(person.id());
          });
    }
    return seen;
  }

  static Person toPerson(JsonNode record, Person.Kind kind) {
    JsonNode active = record.path("Owner").path("IsActive");
    JsonNode converted = record.path("IsConverted");
    return new Person(
        new SalesforceId(text(record, "Id")),
        kind,
        text(record, "Email"),
        text(record, "FirstName"),
        text(record, "LastName"),
        kind == Person.Kind.LEAD ? text(record, "Company") : text(record.path("Account"), "Name"),
        SalesforceId.parse(text(record, "OwnerId")).orElse(null),
        !active.isBoolean() || active.booleanValue(),
        !(converted.isBoolean() && converted.booleanValue()));
  }

  private static String text(JsonNode record, String field) {
    JsonNode value = record.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }
}
