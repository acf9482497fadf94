package dev.leadrouter.match;

import com.google.inject.Inject;
import dev.leadrouter.capture.ChangeEvent;
import dev.leadrouter.capture.ChangeType;
import dev.leadrouter.lead.SalesforceId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps the {@link DuplicateIndex} current from {@code /data/LeadChangeEvent} and {@code
 * /data/ContactChangeEvent}. A converted lead leaves the index. Gap events, updates to records the
 * index never saw, and a contact moved to another account (whose name the event does not carry) are
 * returned for reconciliation ({@link DuplicateIndexLoader#reload}).
 */
public final class DuplicateChanges {

  private final DuplicateIndex index;

  @Inject
  public DuplicateChanges(DuplicateIndex index) {
    this.index = index;
  }

  /** What applying one event did, and which records of which object must be re-read. */
  public record Outcome(Person.Kind kind, int applied, List<SalesforceId> toReconcile) {}

  /** Applies a Lead or Contact event; others are ignored (an outcome with a null kind). */
  public Outcome apply(ChangeEvent event) {
    Person.Kind kind =
        switch (event.header().entityName()) {
          case "Lead" -> Person.Kind.LEAD;
          case "Contact" -> Person.Kind.CONTACT;
          default -> null;
        };
    if (kind == null) {
      return new Outcome(null, 0, List.of());
    }
    ChangeType type = event.header().changeType();
    List<SalesforceId> ids =
        event.header().recordIds().stream()
            .map(SalesforceId::parse)
            .flatMap(Optional::stream)
            .toList();
    if (type.needsReconciliation() || type == ChangeType.UNKNOWN) {
      return new Outcome(kind, 0, ids);
    }
    Map<String, String> fields = event.fields();
    int applied = 0;
    List<SalesforceId> missed = new ArrayList<>();
    for (SalesforceId id : ids) {
      switch (type) {
        case CREATE, UNDELETE -> {
          index.upsert(merged(id, kind, null, fields));
          applied++;
        }
        case UPDATE -> {
          Optional<Person> current = index.get(id);
          boolean converted = "true".equalsIgnoreCase(fields.get("IsConverted"));
          if (converted) {
            index.remove(id);
            applied++;
          } else if (current.isEmpty() || fields.containsKey("AccountId")) {
            missed.add(id);
          } else {
            index.upsert(merged(id, kind, current.get(), fields));
            applied++;
          }
        }
        case DELETE -> {
          index.remove(id);
          applied++;
        }
        default -> missed.add(id);
      }
    }
    return new Outcome(kind, applied, missed);
  }

  private static Person merged(
      SalesforceId id, Person.Kind kind, Person old, Map<String, String> fields) {
    SalesforceId owner =
        fields.containsKey("OwnerId")
            ? SalesforceId.parse(fields.get("OwnerId")).orElse(null)
            : old == null ? null : old.ownerId();
    boolean ownerActive =
        old == null
            || owner == null
            || !owner.equals(old.ownerId())
            || old.ownerActive(); // unknown: assume active
    return new Person(
        id,
        kind,
        pick(fields, "Email", old == null ? null : old.email()),
        pick(fields, "FirstName", old == null ? null : old.firstName()),
        pick(fields, "LastName", old == null ? null : old.lastName()),
        kind == Person.Kind.LEAD
            ? pick(fields, "Company", old == null ? null : old.company())
            : old == null ? null : old.company(),
        owner,
        ownerActive,
        !"true".equalsIgnoreCase(fields.get("IsConverted")));
  }

  private static String pick(Map<String, String> fields, String field, String old) {
    return fields.containsKey(field) ? fields.get(field) : old;
  }
}
