package dev.leadrouter.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leadrouter.config.YamlRuleSetLoader;
import dev.leadrouter.lead.SalesforceId;
import dev.leadrouter.route.Rep;
import dev.leadrouter.route.RuleSet;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** YAML -> SFDX record files -> records -> model gives the model the YAML gives. */
class RecordRoundTripTest {

  @TempDir Path dir;

  @Test
  void theExampleSurvivesTheTripThroughSfdxFiles() {
    List<MetadataRecord> exported =
        DocumentToRecords.convert(RuleRecordsFixtures.exampleDocument());
    new SfdxRecordFiles().write(dir, exported);
    List<MetadataRecord> readBack = new SfdxRecordFiles().read(dir);

    LoadedRules loaded =
        new RecordRuleSets().assemble(RuleRecordsFixtures.exampleRecords(readBack), "test");

    assertSameModel(loaded.ruleSet(), new YamlRuleSetLoader().load(RuleRecordsFixtures.EXAMPLE));
    assertThat(readBack).hasSameSizeAs(exported);
  }

  @Test
  void theShippedSampleRecordsAreTheExampleRuleSet() {
    List<MetadataRecord> sample = new SfdxRecordFiles().read(RuleRecordsFixtures.SAMPLE_RECORDS);

    LoadedRules loaded =
        new RecordRuleSets().assemble(RuleRecordsFixtures.exampleRecords(sample), "sample");

    assertSameModel(loaded.ruleSet(), new YamlRuleSetLoader().load(RuleRecordsFixtures.EXAMPLE));
    assertThat(loaded.mode()).isPresent();
  }

  @Test
  void theShippedSampleFilesAreExactlyWhatExportWrites() {
    List<MetadataRecord> exported =
        DocumentToRecords.convert(RuleRecordsFixtures.exampleDocument());
    new SfdxRecordFiles().write(dir, exported);

    for (MetadataRecord record : exported) {
      Path shipped = SfdxRecordFiles.file(RuleRecordsFixtures.SAMPLE_RECORDS, record);
      assertThat(shipped).exists();
      assertThat(shipped).hasSameTextualContentAs(SfdxRecordFiles.file(dir, record));
    }
    assertThat(new SfdxRecordFiles().read(RuleRecordsFixtures.SAMPLE_RECORDS))
        .hasSameSizeAs(exported);
  }

  /**
   * Everything but the version (the YAML names one, records may not) and the users nothing refers
   * to (an org's directory holds only the users the records name).
   */
  static void assertSameModel(RuleSet actual, RuleSet expected) {
    assertThat(actual.rules().stream().map(RuleFingerprint::of))
        .containsExactlyElementsOf(expected.rules().stream().map(RuleFingerprint::of).toList());
    assertThat(actual.teams()).isEqualTo(expected.teams());
    assertThat(actual.territories()).isEqualTo(expected.territories());
    assertThat(actual.queues()).isEqualTo(expected.queues());
    assertThat(actual.policy()).isEqualTo(expected.policy());
    assertThat(actual.scoring().tiers()).isEqualTo(expected.scoring().tiers());
    assertThat(actual.scoring().rules().stream().map(RuleFingerprint::of))
        .containsExactlyElementsOf(
            expected.scoring().rules().stream().map(RuleFingerprint::of).toList());
    Map<SalesforceId, Rep> referenced =
        expected.reps().entrySet().stream()
            .filter(e -> actual.reps().containsKey(e.getKey()))
            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    // WorkingHours has no equality of its own; its text says all of it.
    assertThat(text(actual.reps())).isEqualTo(text(referenced));
    assertThat(actual.reps()).hasSizeGreaterThanOrEqualTo(expected.reps().size() - 1);
  }

  private static List<String> text(Map<SalesforceId, Rep> reps) {
    return reps.values().stream().map(Rep::toString).sorted().toList();
  }
}
