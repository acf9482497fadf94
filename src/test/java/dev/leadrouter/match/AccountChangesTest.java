package dev.leadrouter.match;

import static dev.leadrouter.match.MatchFixtures.keys;
import static org.assertj.core.api.Assertions.assertThat;

import dev.leadrouter.lead.SalesforceId;
import org.junit.jupiter.api.Test;

class AccountChangesTest {

  private static final SalesforceId BERGMANN = new SalesforceId("0015f00000AbCdEAAV");
  private static final SalesforceId OTHER = new SalesforceId("0015f00000AbCdFAAV");
  private static final SalesforceId FIRST_OWNER = new SalesforceId("0055f000005mc66AAA");
  private static final SalesforceId NEW_OWNER = new SalesforceId("0055f000005mc77AAA");

  private final AccountIndex index = new AccountIndex(keys(), 4);
  private final AccountChanges changes = new AccountChanges(index, CustomAccountFields.none());

  @Test
  void aCreatedAccountIsFoundByDomainAndName() {
    AccountChanges.Outcome outcome = changes.apply(ChangeEvents.load("account-create.json"));

    assertThat(outcome.applied()).isEqualTo(1);
    assertThat(outcome.needsReconciliation()).isFalse();
    IndexedAccount bergmann = index.withDomain("bergmann-logistik.de").get(0);
    assertThat(bergmann.id()).isEqualTo(BERGMANN);
    assertThat(bergmann.country()).isEqualTo("DE");
    assertThat(bergmann.ownerId()).isEqualTo(FIRST_OWNER);
    assertThat(bergmann.employees()).isEqualTo(850);
    assertThat(index.withNameKey("bergmann logistik")).hasSize(1);
  }

  @Test
  void anUpdateChangesTheOwnerAndClearsANulledFieldKeepingTheRest() {
    changes.apply(ChangeEvents.load("account-create.json"));

    changes.apply(ChangeEvents.load("account-update-owner.json"));

    IndexedAccount bergmann = index.get(BERGMANN).orElseThrow();
    assertThat(bergmann.ownerId()).isEqualTo(NEW_OWNER);
    assertThat(bergmann.domain()).isNull();
    assertThat(index.withDomain("bergmann-logistik.de")).isEmpty();
    assertThat(bergmann.name()).isEqualTo("Bergmann Logistik GmbH");
    assertThat(bergmann.country()).isEqualTo("DE");
    assertThat(bergmann.type()).isEqualTo("Customer - Direct");
  }

  @Test
  void anOwnerTheIndexKnowsAsInactiveStaysInactiveOnANewAccount() {
    index.setOwnerActive(FIRST_OWNER, false);

    changes.apply(ChangeEvents.load("account-create.json"));

    assertThat(index.get(BERGMANN).orElseThrow().ownerActive()).isFalse();
  }

  @Test
  void aDeleteRemovesTheAccountAndAnUndeleteRestoresIt() {
    changes.apply(ChangeEvents.load("account-create.json"));

    changes.apply(ChangeEvents.load("account-delete.json"));
    assertThat(index.get(BERGMANN)).isEmpty();
    assertThat(index.withDomain("bergmann-logistik.de")).isEmpty();

    changes.apply(ChangeEvents.load("account-undelete.json"));
    assertThat(index.withDomain("bergmann-logistik.de"))
        .extracting(IndexedAccount::id)
        .containsExactly(BERGMANN);
  }

  @Test
  void anUpdateToAnAccountTheIndexNeverSawAsksForItToBeReRead() {
    AccountChanges.Outcome outcome = changes.apply(ChangeEvents.load("account-update-owner.json"));

    assertThat(outcome.applied()).isZero();
    assertThat(outcome.toReconcile()).containsExactly(BERGMANN);
    assertThat(index.size()).isZero();
  }

  @Test
  void aGapEventAsksForItsRecordsToBeReRead() {
    AccountChanges.Outcome outcome = changes.apply(ChangeEvents.load("account-gap.json"));

    assertThat(outcome.toReconcile()).containsExactly(BERGMANN, OTHER);
    assertThat(outcome.reloadAll()).isFalse();
  }

  @Test
  void anOverflowEventAsksForAFullReload() {
    AccountChanges.Outcome outcome = changes.apply(ChangeEvents.load("account-overflow.json"));

    assertThat(outcome.reloadAll()).isTrue();
    assertThat(outcome.needsReconciliation()).isTrue();
  }

  @Test
  void eventsOfOtherObjectsAreIgnored() {
    AccountChanges.Outcome outcome = changes.apply(ChangeEvents.load("lead-create.json"));

    assertThat(outcome.applied()).isZero();
    assertThat(outcome.needsReconciliation()).isFalse();
    assertThat(index.size()).isZero();
  }
}
