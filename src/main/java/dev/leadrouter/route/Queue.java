package dev.leadrouter.route;

import dev.leadrouter.lead.SalesforceId;

/** A Salesforce queue that may own leads. */
public record Queue(SalesforceId id, String name) {

  public Owner asOwner() {
    return Owner.queue(id, name);
  }
}
