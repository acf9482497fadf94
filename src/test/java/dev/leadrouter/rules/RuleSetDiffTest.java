package dev.leadrouter.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leadrouter.route.RuleSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What changed between two versions, by name. */
class RuleSetDiffTest {

  private final List<MetadataRecord> sample =
      new SfdxRecordFiles().read(RuleRecordsFixtures.SAMPLE_RECORDS);

  @Test
  void theSameRulesDifferInNothing() {
    RuleSet a = load(sample);
    RuleSet b = load(sample);

    assertThat(RuleSetDiff.between(a, b).isEmpty()).isTrue();
    assertThat(RuleSetDiff.between(a, b)).hasToString("no changes");
  }

  @Test
  void namesRulesAndTeamsAddedRemovedAndChanged() {
    List<MetadataRecord> changed =
        sample.stream()
            .map(
                r ->
                    switch (r.qualifiedName()) {
                      case "Routing_Rule__mdt.DACH_Queue" -> with(r, "Active__c", false);
                      case "Routing_Criterion__mdt.Enterprise_Team_2" ->
                          with(r, "Value__c", "5000");
                      case "Routing_Team__mdt.NA_West" -> with(r, "Strategy__c", "capacity");
                      default -> r;
                    })
            .toList();

    RuleSetDiff diff = RuleSetDiff.between(load(sample), load(changed));

    assertThat(diff.rulesRemoved()).containsExactly("DACH_Queue");
    assertThat(diff.rulesChanged()).containsExactly("Enterprise_Team");
    assertThat(diff.teamsChanged()).containsExactly("NA_West");
    assertThat(diff.rulesAdded()).isEmpty();
    assertThat(diff.toString())
        .isEqualTo(
            "rules removed: DACH_Queue; rules changed: Enterprise_Team; teams changed: NA_West");
  }

  private static RuleSet load(List<MetadataRecord> records) {
    return new RecordRuleSets()
        .assemble(RuleRecordsFixtures.exampleRecords(records), "test")
        .ruleSet();
  }

  private static MetadataRecord with(MetadataRecord record, String field, Object value) {
    Map<String, Object> values = new LinkedHashMap<>(record.values());
    values.put(field, value);
    return new MetadataRecord(record.type(), record.developerName(), record.label(), values);
  }
}
