package dev.leadrouter.emulator.seed;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leadrouter.emulator.org.Org;
import dev.leadrouter.emulator.org.SObjectType;
import dev.leadrouter.testing.MutableClock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DemoOrgGeneratorTest {

  private static final Map<String, Object> SEED =
      new DemoOrgGenerator(DemoOrgGenerator.DEFAULT_SEED).seed();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-08T09:30:00Z"));

  @Test
  void theSameSeedGivesTheSameOrgAndAnotherSeedAnother() throws Exception {
    ObjectMapper json = new ObjectMapper();
    String first = json.writeValueAsString(SEED);
    String again =
        json.writeValueAsString(new DemoOrgGenerator(DemoOrgGenerator.DEFAULT_SEED).seed());
    String other = json.writeValueAsString(new DemoOrgGenerator(7).seed());

    assertThat(again).isEqualTo(first);
    assertThat(other).isNotEqualTo(first);
  }

  @Test
  void looksLikeAMidMarketOrg() {
    List<Map<String, Object>> accounts = section("accounts");
    List<Map<String, Object>> users = section("users");

    assertThat(accounts).hasSize(10_000);
    assertThat(accounts.stream().map(a -> a.get("BillingCountryCode")).distinct()).hasSize(20);
    assertThat(accounts.stream().map(a -> a.get("Type")).distinct())
        .containsExactlyInAnyOrder("Customer", "Partner", "Prospect");
    assertThat(accounts.stream().filter(a -> a.get("ParentId") != null).count())
        .isBetween(500L, 2000L);
    assertThat(users).hasSize(60);
    assertThat(users.stream().map(u -> u.get("Team__c")).collect(Collectors.toSet()))
        .contains("Enterprise", "Commercial", "DACH", "SDR", "Channel");
    assertThat(users).allSatisfy(u -> ZoneId.of((String) u.get("TimeZoneSidKey")));
    assertThat(users.stream().filter(u -> Boolean.FALSE.equals(u.get("IsActive")))).hasSize(2);
    assertThat(section("contacts")).hasSizeGreaterThan(1000);
    assertThat(section("leads")).hasSize(600);
  }

  @Test
  void namesAndDomainsAreUniqueAndEveryReferenceResolves() {
    List<Map<String, Object>> accounts = section("accounts");
    Set<Object> names = new HashSet<>();
    Set<Object> ids = new HashSet<>();
    accounts.forEach(a -> ids.add(a.get("Id")));
    Set<Object> users = new HashSet<>();
    section("users").forEach(u -> users.add(u.get("Id")));

    assertThat(accounts).allSatisfy(a -> assertThat(names.add(a.get("Name"))).isTrue());
    assertThat(accounts.stream().filter(a -> a.get("ParentId") == null))
        .extracting(a -> DemoCatalog.domainOf((String) a.get("Website")))
        .doesNotHaveDuplicates();
    assertThat(accounts)
        .allSatisfy(
            a -> {
              assertThat(users).contains(a.get("OwnerId"));
              if (a.get("ParentId") != null) {
                assertThat(ids).contains(a.get("ParentId"));
              }
            });
    assertThat(section("contacts")).allSatisfy(c -> assertThat(ids).contains(c.get("AccountId")));
  }

  @Test
  void loadsAsAnOrgWithTheFixedUserAndQueueIds() {
    Org org = Org.fromSeed(SEED, clock);

    assertThat(org.data().all(SObjectType.ACCOUNT)).hasSize(10_000);
    assertThat(org.userId(DemoOrgGenerator.INTEGRATION_USER))
        .hasValue(DemoOrgGenerator.fixedId("005", 1));
    assertThat(org.data().idWhere(SObjectType.GROUP, "DeveloperName", "Catch_All"))
        .hasValue(DemoOrgGenerator.fixedId("00G", 1));
    assertThat(org.leadAssignmentOwner())
        .hasValue(DemoOrgGenerator.fixedId("00G", DemoOrgGenerator.QUEUES.size()));
    assertThat(org.apps().get(0).certificate()).isPresent();
    assertThat(org.customMetadata().type("Routing_Rule__mdt")).isPresent();
    assertThat(org.data().field(SObjectType.LEAD, "language__c")).hasValue("Language__c");
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> section(String name) {
    return (List<Map<String, Object>>) SEED.get(name);
  }
}
