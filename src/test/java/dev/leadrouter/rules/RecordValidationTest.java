package dev.leadrouter.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leadrouter.config.InvalidRuleSetException;
import dev.leadrouter.config.RuleSetProblem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A wrong record is rejected with its type, DeveloperName and field named. */
class RecordValidationTest {

  private final List<MetadataRecord> sample =
      new SfdxRecordFiles().read(RuleRecordsFixtures.SAMPLE_RECORDS);

  @Test
  void anUnknownLeadFieldNamesTheCriterion() {
    assertThat(problems(with("Routing_Criterion__mdt.Enterprise_Team_2", "Field__c", "Shoe_Size")))
        .containsExactly(
            problem(
                "Routing_Criterion__mdt.Enterprise_Team_2",
                "Field__c",
                "'Shoe_Size' is not a Lead field (standard, custom __c, or derived)"));
  }

  @Test
  void aBadOperatorNamesTheCriterion() {
    List<RuleSetProblem> problems =
        problems(with("Routing_Criterion__mdt.DACH_Queue_1", "Operator__c", "roughly"));
    assertThat(problems)
        .extracting(RuleSetProblem::record, RuleSetProblem::field)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "Routing_Criterion__mdt.DACH_Queue_1", "Operator__c"));
    assertThat(problems.get(0).message()).startsWith("'roughly' is not an operator");
  }

  @Test
  void logicNamingAMissingCriterionOrNotParsingNamesTheRule() {
    assertThat(problems(with("Routing_Rule__mdt.Enterprise_Team", "Criteria_Logic__c", "1 AND 5")))
        .containsExactly(
            problem(
                "Routing_Rule__mdt.Enterprise_Team",
                "Criteria_Logic__c",
                "criteria logic names criterion 5, which does not exist"));
    assertThat(problems(with("Routing_Rule__mdt.DACH_Queue", "Criteria_Logic__c", "1 AND (2 OR 3")))
        .extracting(RuleSetProblem::record, RuleSetProblem::field)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "Routing_Rule__mdt.DACH_Queue", "Criteria_Logic__c"));
  }

  @Test
  void aTeamWithoutActiveMembersIsNamed() {
    List<MetadataRecord> records =
        with(
            with("Routing_Team_Member__mdt.NA_East_01", "Active__c", false),
            "Routing_Team_Member__mdt.NA_East_02",
            "Active__c",
            false);
    assertThat(problems(records))
        .extracting(RuleSetProblem::record, RuleSetProblem::message)
        .contains(
            org.assertj.core.groups.Tuple.tuple(
                "Routing_Team__mdt.NA_East",
                "the team has no active members, so it can never take a lead"));
  }

  @Test
  void fallbackTeamsGoingRoundInACircleAreNamed() {
    List<RuleSetProblem> problems =
        problems(with("Routing_Team__mdt.NA_East", "Fallback_Team__c", "NA_West"));
    assertThat(problems)
        .extracting(RuleSetProblem::record, RuleSetProblem::field)
        .contains(
            org.assertj.core.groups.Tuple.tuple("Routing_Team__mdt.NA_West", "Fallback_Team__c"));
    assertThat(problems.get(0).message()).contains("circle");
  }

  @Test
  void aQueueIdWhereAUserBelongsIsNamed() {
    assertThat(
            problems(
                with("Routing_Team_Member__mdt.Enterprise_01", "User__c", "00G5f00000LR001EAD")))
        .extracting(RuleSetProblem::record, RuleSetProblem::field, RuleSetProblem::message)
        .contains(
            org.assertj.core.groups.Tuple.tuple(
                "Routing_Team_Member__mdt.Enterprise_01",
                "User__c",
                "'00G5f00000LR001EAD' is not a user id (user ids start with 005)"));
  }

  @Test
  void aUserIdWhereAQueueBelongsIsNamed() {
    assertThat(problems(with("Routing_Rule__mdt.DACH_Queue", "Queue__c", "0055f00000LR001AAD")))
        .extracting(RuleSetProblem::record, RuleSetProblem::field)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Routing_Rule__mdt.DACH_Queue", "Queue__c"));
  }

  @Test
  void aUserTheOrgDoesNotKnowIsNamedOnce() {
    assertThat(
            problems(with("Routing_Team_Member__mdt.NA_West_02", "User__c", "0055f00000LR099AAD")))
        .containsExactly(
            problem(
                "Routing_Team_Member__mdt.NA_West_02",
                "User__c",
                "there is no user with id 0055f00000LR099AAD in the org"));
  }

  @Test
  void anInactiveUserAsARulesTargetIsNamed() {
    List<MetadataRecord> records =
        with(
            with("Routing_Rule__mdt.DACH_Queue", "Action__c", "user"),
            "Routing_Rule__mdt.DACH_Queue",
            "User__c",
            "0055f00000LR011AAD");
    assertThat(problems(records))
        .containsExactly(
            problem("Routing_Rule__mdt.DACH_Queue", "User__c", "user Kim Kowalski is inactive"));
  }

  @Test
  void aCriterionOfAMissingRuleIsNamed() {
    // The rule's logic then names a criterion it no longer has: said too.
    assertThat(problems(with("Routing_Criterion__mdt.DACH_Queue_3", "Rule__c", "Gone_Rule")))
        .contains(
            problem(
                "Routing_Criterion__mdt.DACH_Queue_3",
                "Rule__c",
                "'Gone_Rule' is not a record of Routing_Rule__mdt"));
  }

  @Test
  void withoutASettingsRecordTheCatchAllIsMissing() {
    List<MetadataRecord> records = new ArrayList<>(sample);
    records.removeIf(r -> r.type().equals(RuleMetadata.SETTING));
    assertThat(problems(records)).extracting(RuleSetProblem::record).contains(RuleMetadata.SETTING);
  }

  private List<RuleSetProblem> problems(List<MetadataRecord> records) {
    var thrown =
        org.assertj.core.api.Assertions.catchThrowableOfType(
            () ->
                new RecordRuleSets().assemble(RuleRecordsFixtures.exampleRecords(records), "test"),
            InvalidRuleSetException.class);
    assertThat(thrown).as("the records are rejected").isNotNull();
    assertThat(thrown.getMessage()).startsWith("rule set test is invalid");
    return thrown.problems();
  }

  private List<MetadataRecord> with(String qualifiedName, String field, Object value) {
    return with(sample, qualifiedName, field, value);
  }

  private static List<MetadataRecord> with(
      List<MetadataRecord> records, String qualifiedName, String field, Object value) {
    boolean found = false;
    List<MetadataRecord> changed = new ArrayList<>();
    for (MetadataRecord record : records) {
      if (record.qualifiedName().equals(qualifiedName)) {
        Map<String, Object> values = new LinkedHashMap<>(record.values());
        values.put(field, value);
        changed.add(
            new MetadataRecord(record.type(), record.developerName(), record.label(), values));
        found = true;
      } else {
        changed.add(record);
      }
    }
    assertThat(found).as(qualifiedName + " is a sample record").isTrue();
    return changed;
  }

  private static RuleSetProblem problem(String record, String field, String message) {
    return new RuleSetProblem(record, field, message);
  }

  @Test
  void theSampleItselfIsValid() {
    assertThat(
            new RecordRuleSets()
                .assemble(RuleRecordsFixtures.exampleRecords(sample), "t")
                .ruleSet()
                .rules())
        .hasSize(7);
  }
}
