package dev.leadrouter.emulator.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.leadrouter.lead.SalesforceId;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OrgTest {

  private final Clock clock =
      Clock.fixed(Instant.parse("2024-04-26T17:49:40Z"), ZoneId.of("America/Los_Angeles"));
  private final Org org = Org.small(clock);
  private final String user = org.userId("integration@emulator.lead-router.dev").orElseThrow();

  @Test
  void seedsRecordsWithPrefixedCheckedIdsAndTheAssignmentQueue() {
    assertThat(org.data().all(SObjectType.LEAD)).hasSize(3);
    assertThat(user).startsWith("005").hasSize(18);
    assertThat(new SalesforceId(user).value()).isEqualTo(user);
    assertThat(org.leadAssignmentOwner()).hasValueSatisfying(q -> assertThat(q).startsWith("00G"));
    assertThat(org.app("3MVG9EmulatorLeadRouterClientId")).isPresent();
  }

  @Test
  void signsInWithTheSeededPasswordWhichNoRecordShows() {
    assertThat(org.signIn("integration@emulator.lead-router.dev", "emulator-password"))
        .contains(user);
    assertThat(org.signIn("integration@emulator.lead-router.dev", "wrong")).isEmpty();
    // A user without a password cannot sign in with SOAP login at all.
    assertThat(org.signIn("ann.lee@emulator.lead-router.dev", "")).isEmpty();
    assertThat(org.data().find(SObjectType.USER, user).orElseThrow()).doesNotContainKey("password");
    assertThat(org.data().field(SObjectType.USER, "password")).isEmpty();
  }

  @Test
  void insertStampsSystemFieldsInSalesforceDateTimeFormat() {
    RecordChange created =
        org.data().insert(SObjectType.TASK, Map.of("Subject", "Call back"), user);

    // REST DateTime format:
    // https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/intro_valid_date_formats.htm
    assertThat(created.id()).startsWith("00T").hasSize(18);
    assertThat(created.record())
        .containsEntry("CreatedDate", "2024-04-26T17:49:40.000+0000")
        .containsEntry("SystemModstamp", "2024-04-26T17:49:40.000+0000")
        .containsEntry("OwnerId", user)
        .containsEntry("Subject", "Call back");
  }

  @Test
  void updateReportsOnlyChangedFieldsAndMatchesNamesWithoutCase() {
    String lead = (String) org.data().all(SObjectType.LEAD).get(0).get("Id");

    RecordChange change =
        org.data()
            .update(SObjectType.LEAD, lead, Map.of("status", "Working - Contacted"), user)
            .orElseThrow();

    assertThat(change.record()).containsEntry("Name", "Jana Novak");
    assertThat(change.changed()).containsOnlyKeys("Status", "LastModifiedById", "LastModifiedDate");
    assertThatThrownBy(
            () -> org.data().update(SObjectType.LEAD, lead, Map.of("Shoe_Size__c", 44), user))
        .isInstanceOf(UnknownFieldException.class)
        .hasMessageContaining("No such column 'Shoe_Size__c' on entity 'Lead'");
  }
}
