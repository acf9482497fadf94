package dev.leadrouter.worker;

import dev.leadrouter.capture.ChangeEvent;
import dev.leadrouter.capture.ChangeType;
import dev.leadrouter.lead.Lead;
import dev.leadrouter.lead.SalesforceId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads leads to route out of Lead change events. */
final class LeadEvents {

  static final String LEAD = "Lead";

  private LeadEvents() {}

  /** Whether the event announces new leads; updates, deletes and other objects are not routed. */
  static boolean isLeadCreation(ChangeEvent event) {
    return LEAD.equals(event.header().entityName())
        && event.header().changeType() == ChangeType.CREATE;
  }

  /**
   * The leads a creation event carries: one per record id (Salesforce merges identical creations of
   * one transaction into one event with several ids), each with the event's field values.
   *
   * @throws UnroutableEvent when the event names no lead id that can be routed
   */
  static List<Lead> leads(ChangeEvent event) {
    List<String> ids = event.header().recordIds();
    if (ids.isEmpty()) {
      throw new UnroutableEvent("the event names no record ids");
    }
    Map<String, String> fields = new LinkedHashMap<>();
    event
        .fields()
        .forEach(
            (name, value) -> {
              if (value != null) {
                fields.put(name, value);
              }
            });
    List<Lead> leads = new ArrayList<>(ids.size());
    for (String raw : ids) {
      Optional<SalesforceId> id =
          SalesforceId.parse(raw).filter(p -> p.keyPrefix().equals(SalesforceId.LEAD_PREFIX));
      if (id.isEmpty()) {
        throw new UnroutableEvent("record id '" + raw + "' is not a lead id");
      }
      leads.add(Lead.of(id.get().value(), fields));
    }
    return leads;
  }

  /** An event that parsed but cannot be routed; it goes to the dead letters with this reason. */
  static final class UnroutableEvent extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UnroutableEvent(String reason) {
      super(reason);
    }
  }
}
