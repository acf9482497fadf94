package dev.leadrouter.rules;

import java.util.List;

/**
 * Everything a rule set is built from in an org: the routing metadata records, and the users and
 * queues they name.
 */
public record RuleRecords(
    List<MetadataRecord> records, List<OrgUser> users, List<OrgQueue> queues) {

  public RuleRecords {
    records = List.copyOf(records);
    users = List.copyOf(users);
    queues = List.copyOf(queues);
  }

  List<MetadataRecord> ofType(String type) {
    return records.stream().filter(r -> r.type().equalsIgnoreCase(type)).toList();
  }
}
