package dev.leadrouter.match;

import com.google.inject.Inject;
import dev.leadrouter.capture.ChangeEvent;
import dev.leadrouter.capture.ChangeType;
import dev.leadrouter.lead.SalesforceId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Keeps the {@link AccountIndex} current from {@code /data/AccountChangeEvent}: creates, updates
 * (owner changes included), deletes and undeletes. An update carries only the changed fields (a
 * field set to null is present with a null value), so it is laid over what the index holds. What
 * cannot be applied from the event alone (a gap event, an update to an account the index never saw)
 * is returned for reconciliation: the caller re-reads those ids ({@link
 * AccountIndexLoader#reload}).
 */
public final class AccountChanges {

  private final AccountIndex index;
  private final CustomAccountFields custom;

  @Inject
  public AccountChanges(AccountIndex index, CustomAccountFields custom) {
    this.index = index;
    this.custom = custom;
  }

  /** What applying one event did, and what must be re-read. */
  public record Outcome(int applied, List<SalesforceId> toReconcile, boolean reloadAll) {
    public boolean needsReconciliation() {
      return reloadAll || !toReconcile.isEmpty();
    }
  }

  /** Applies an event; events for other objects are ignored. */
  public Outcome apply(ChangeEvent event) {
    if (!"Account".equals(event.header().entityName())) {
      return new Outcome(0, List.of(), false);
    }
    ChangeType type = event.header().changeType();
    if (type == ChangeType.GAP_OVERFLOW) {
      return new Outcome(0, List.of(), true);
    }
    List<SalesforceId> ids = new ArrayList<>();
    boolean wildcard = false;
    for (String text : event.header().recordIds()) {
      Optional<SalesforceId> id = SalesforceId.parse(text);
      if (id.isPresent()) {
        ids.add(id.get());
      } else {
        wildcard = true; // "001*" or the empty id: cannot tell which accounts changed
      }
    }
    if (type.needsReconciliation() || type == ChangeType.UNKNOWN) {
      return new Outcome(0, ids, wildcard);
    }
    int applied = 0;
    List<SalesforceId> missed = new ArrayList<>();
    for (SalesforceId id : ids) {
      switch (type) {
        case CREATE, UNDELETE -> {
          index.upsert(fromFields(id, event.fields(), field -> null));
          applied++;
        }
        case UPDATE -> {
          Optional<IndexedAccount> current = index.get(id);
          if (current.isEmpty()) {
            missed.add(id); // we never saw it (or lost it): its other fields are not in the event
          } else {
            index.upsert(merged(current.get(), event));
            applied++;
          }
        }
        case DELETE -> {
          index.delete(id);
          applied++;
        }
        default -> missed.add(id);
      }
    }
    return new Outcome(applied, missed, wildcard);
  }

  private Account merged(IndexedAccount current, ChangeEvent event) {
    Map<String, String> fields = event.fields();
    Function<String, String> old =
        field ->
            switch (field) {
              case "Name" -> current.name();
              case "Website" -> current.domain();
              case "BillingCountry" -> current.country();
              case "BillingState" -> current.state();
              case "OwnerId" -> current.ownerId() == null ? null : current.ownerId().value();
              case "ParentId" -> current.parentId() == null ? null : current.parentId().value();
              case "Type" -> current.type();
              case "NumberOfEmployees" ->
                  current.employees() == null ? null : current.employees().toString();
              case "Industry" -> current.industry();
              default -> {
                if (field.equals(custom.domainsField())) {
                  yield String.join(",", current.extraDomains());
                }
                if (field.equals(custom.aliasesField())) {
                  yield String.join(",", current.aliasKeys());
                }
                yield null;
              }
            };
    return fromFields(current.id(), fields, old);
  }

  /** An account from event fields, falling back to {@code old} for fields the event lacks. */
  private Account fromFields(
      SalesforceId id, Map<String, String> fields, Function<String, String> old) {
    Function<String, String> value =
        field -> fields.containsKey(field) ? fields.get(field) : old.apply(field);
    String country = firstPresent(fields, "BillingCountry", "BillingCountryCode", old);
    String state = firstPresent(fields, "BillingState", "BillingStateCode", old);
    SalesforceId owner = SalesforceId.parse(value.apply("OwnerId")).orElse(null);
    boolean ownerActive = owner == null || index.ownerActive(owner).orElse(true);
    return new Account(
        id,
        value.apply("Name"),
        value.apply("Website"),
        custom.domainsField() == null
            ? List.of()
            : CustomAccountFields.split(value.apply(custom.domainsField())),
        custom.aliasesField() == null
            ? List.of()
            : CustomAccountFields.split(value.apply(custom.aliasesField())),
        country,
        state,
        owner,
        ownerActive,
        SalesforceId.parse(value.apply("ParentId")).orElse(null),
        value.apply("Type"),
        parseEmployees(value.apply("NumberOfEmployees")),
        value.apply("Industry"));
  }

  /**
   * The name field, or its code field when only that one came (orgs with state/country picklists).
   */
  private static String firstPresent(
      Map<String, String> fields, String field, String codeField, Function<String, String> old) {
    if (fields.containsKey(field)) {
      return fields.get(field);
    }
    if (fields.containsKey(codeField)) {
      return fields.get(codeField);
    }
    return old.apply(field);
  }

  static Integer parseEmployees(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return (int) Math.min(Integer.MAX_VALUE, Math.round(Double.parseDouble(text.strip())));
    } catch (NumberFormatException notANumber) {
      return null;
    }
  }
}
