package dev.leadrouter.rules;

import dev.leadrouter.config.RuleSetDocument;
import dev.leadrouter.config.YamlRuleSetLoader;
import java.nio.file.Path;
import java.util.List;

/** The example rule set as records, with the users and queues an org would have for it. */
final class RuleRecordsFixtures {

  static final Path EXAMPLE = Path.of("config/rules.example.yaml");
  static final Path SAMPLE_RECORDS =
      Path.of("config/salesforce/force-app/main/default/customMetadata");

  private RuleRecordsFixtures() {}

  static RuleSetDocument exampleDocument() {
    return new YamlRuleSetLoader().document(EXAMPLE);
  }

  static List<OrgUser> users(RuleSetDocument doc) {
    return doc.users().stream()
        .map(u -> new OrgUser(u.id(), u.name(), u.active() == null || u.active(), u.timeZone()))
        .toList();
  }

  static List<OrgQueue> queues(RuleSetDocument doc) {
    return doc.queues().stream().map(q -> new OrgQueue(q.id(), q.name())).toList();
  }

  static RuleRecords exampleRecords(List<MetadataRecord> records) {
    RuleSetDocument doc = exampleDocument();
    return new RuleRecords(records, users(doc), queues(doc));
  }
}
