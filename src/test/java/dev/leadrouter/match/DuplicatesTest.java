package dev.leadrouter.match;

import static dev.leadrouter.match.MatchFixtures.ANN;
import static dev.leadrouter.match.MatchFixtures.BOB;
import static dev.leadrouter.match.MatchFixtures.lead;
import static org.assertj.core.api.Assertions.assertThat;

import dev.leadrouter.lead.SalesforceId;
import dev.leadrouter.normalize.CompanyNameNormalizer;
import dev.leadrouter.route.DuplicateMatch;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class DuplicatesTest {

  private static final SalesforceId LEAD_OWNER = new SalesforceId("0055f000005mc66AAA");
  private static final SalesforceId NEW_OWNER = new SalesforceId("0055f000005mc77AAA");
  private static final SalesforceId EXISTING_LEAD = new SalesforceId("00Q5f000005bwLFEAY");

  private final DuplicateIndex index = new DuplicateIndex(new CompanyNameNormalizer());
  private final DuplicateChanges changes = new DuplicateChanges(index);
  private final IndexDuplicateFinder finder =
      new IndexDuplicateFinder(index, MatchPolicy.defaults());

  @Test
  void aLeadWithTheSameEmailAsAnOpenLeadGoesToItsOwner() {
    changes.apply(ChangeEvents.load("lead-create.json"));

    DuplicateMatch found = finder.find(lead("Email", " ann.lee@ACME.example ")).orElseThrow();

    assertThat(found).isEqualTo(new DuplicateMatch(EXISTING_LEAD, LEAD_OWNER, true));
  }

  @Test
  void anOwnerChangeIsFollowedAndAConvertedLeadIsNoDuplicateAnyMore() {
    changes.apply(ChangeEvents.load("lead-create.json"));

    changes.apply(ChangeEvents.load("lead-owner.json"));
    assertThat(finder.find(lead("Email", "ann.lee@acme.example")).orElseThrow().ownerId())
        .isEqualTo(NEW_OWNER);

    changes.apply(ChangeEvents.load("lead-convert.json"));
    assertThat(finder.find(lead("Email", "ann.lee@acme.example"))).isEmpty();
  }

  @Test
  void anUpdateToALeadNeverSeenAsksForReconciliation() {
    DuplicateChanges.Outcome outcome = changes.apply(ChangeEvents.load("lead-owner.json"));

    assertThat(outcome.kind()).isEqualTo(Person.Kind.LEAD);
    assertThat(outcome.toReconcile()).containsExactly(EXISTING_LEAD);
  }

  @Test
  void anActiveOwnerThenAContactIsPreferred() {
    index.upsert(person(1, Person.Kind.LEAD, "ann@acme.com", ANN, false));
    index.upsert(person(2, Person.Kind.LEAD, "ann@acme.com", ANN, true));
    index.upsert(person(3, Person.Kind.CONTACT, "ann@acme.com", BOB, true));

    DuplicateMatch found = finder.find(lead("Email", "ann@acme.com")).orElseThrow();

    assertThat(found.recordId()).isEqualTo(id(3));
    index.remove(id(3));
    assertThat(finder.find(lead("Email", "ann@acme.com")).orElseThrow().recordId())
        .isEqualTo(id(2));
  }

  @Test
  void theLeadIsNotItsOwnDuplicate() {
    index.upsert(
        new Person(
            new SalesforceId("00Q000000000001"),
            Person.Kind.LEAD,
            "ann@acme.com",
            "Ann",
            "Lee",
            "Acme",
            ANN,
            true,
            true));

    assertThat(finder.find(lead("Email", "ann@acme.com"))).isEmpty(); // the fixture lead's own id
  }

  @Test
  void sameNameAndCompanyCountsOnlyWhenConfigured() {
    index.upsert(
        new Person(
            id(1),
            Person.Kind.CONTACT,
            "ann@acme.com",
            "Ann",
            "Lee",
            "ACME Inc.",
            BOB,
            true,
            true));
    IndexDuplicateFinder byName =
        new IndexDuplicateFinder(
            index, MatchPolicy.defaults().withDuplicatesByNameAndCompany(true));

    var newLead =
        lead(
            "Email", "ann.lee@gmail.com", "FirstName", "ann", "LastName", "LEE", "Company", "Acme");

    assertThat(finder.find(newLead)).isEmpty();
    assertThat(byName.find(newLead).orElseThrow().recordId()).isEqualTo(id(1));
  }

  private static SalesforceId id(int n) {
    return new SalesforceId(String.format(Locale.ROOT, "003000000%06d", n));
  }

  private static Person person(
      int n, Person.Kind kind, String email, SalesforceId owner, boolean active) {
    return new Person(id(n), kind, email, "Ann", "Lee", "Acme", owner, active, true);
  }
}
