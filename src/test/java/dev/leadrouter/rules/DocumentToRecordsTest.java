package dev.leadrouter.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.leadrouter.config.RuleSetDocument;
import dev.leadrouter.config.RuleSetDocument.CriterionDoc;
import dev.leadrouter.config.RuleSetDocument.RuleDoc;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a YAML rule set becomes as records, and what it cannot become. */
class DocumentToRecordsTest {

  private final RuleSetDocument example = RuleRecordsFixtures.exampleDocument();

  @Test
  void usersNamedByNameAreWrittenByIdWithTheirHoursOnTheirMembership() {
    List<MetadataRecord> records = DocumentToRecords.convert(example);

    MetadataRecord grace =
        records.stream()
            .filter(r -> r.qualifiedName().equals("Routing_Team_Member__mdt.NA_East_02"))
            .findFirst()
            .orElseThrow();
    assertThat(grace.values())
        .containsEntry("User__c", "0055f00000LR007AAD")
        .containsEntry("Working_Hours__c", "Mon-Fri 09:00-18:00")
        .containsEntry("Out_Of_Office__c", "2026-12-21..2027-01-01");
    assertThat(grace.label()).isEqualTo("NA_East Grace Green");
  }

  @Test
  void listValuesAreWrittenCommaSeparatedAndRecordNamesAreValid() {
    List<MetadataRecord> records = DocumentToRecords.convert(example);

    assertThat(records)
        .filteredOn(r -> r.qualifiedName().equals("Routing_Criterion__mdt.DACH_Queue_1"))
        .singleElement()
        .satisfies(r -> assertThat(r.values()).containsEntry("Value__c", "DE, AT, CH"));
    assertThat(records)
        .allSatisfy(r -> assertThat(DeveloperNames.isValid(r.developerName())).isTrue());
  }

  @Test
  void aListItemHoldingACommaCannotBeARecordValue() {
    List<RuleDoc> rules = new ArrayList<>(example.rules());
    rules.add(
        new RuleDoc(
            "Acme",
            70,
            true,
            List.of(new CriterionDoc(1, "Company", "in", List.of("ACME, Inc.", "Initech"))),
            null,
            new RuleSetDocument.ActionDoc("queue", null, null, "Catch_All", null),
            null,
            null,
            null,
            null));
    RuleSetDocument doc =
        new RuleSetDocument(
            example.version(),
            example.settings(),
            example.queues(),
            example.users(),
            example.teams(),
            example.territories(),
            example.scoring(),
            rules);

    assertThatThrownBy(() -> DocumentToRecords.convert(doc))
        .isInstanceOf(DocumentToRecords.NotExportableException.class)
        .hasMessageContaining("'ACME, Inc.' holds a comma");
  }

  @Test
  void developerNamesFollowSalesforcesRules() {
    assertThat(DeveloperNames.of("Free-mail address")).isEqualTo("Free_mail_address");
    assertThat(DeveloperNames.of("1st rule")).isEqualTo("R_1st_rule");
    assertThat(DeveloperNames.of("a__b_")).isEqualTo("a_b");
    assertThat(DeveloperNames.of("x".repeat(50))).hasSize(40);
    assertThat(DeveloperNames.isValid("Bad__Name")).isFalse();
  }
}
