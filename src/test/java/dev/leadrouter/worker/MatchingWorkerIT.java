package dev.leadrouter.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.leadrouter.admin.AdminServer;
import dev.leadrouter.config.YamlRuleSetLoader;
import dev.leadrouter.emulator.org.Org;
import dev.leadrouter.emulator.org.SObjectType;
import dev.leadrouter.emulator.seed.DemoOrgGenerator;
import dev.leadrouter.lead.SalesforceId;
import dev.leadrouter.match.AccountIndex;
import dev.leadrouter.route.ReasonCode;
import dev.leadrouter.route.Rep;
import dev.leadrouter.route.RuleSet;
import dev.leadrouter.store.LoggedDecision;
import dev.leadrouter.store.RoutingLog;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The worker with matching on, against the demo org (10,000 accounts, open leads, contacts): the
 * account index loaded at start and kept fresh from account change events, the duplicate index from
 * lead events, and the worker's metrics on its admin endpoint. One org and worker for all tests
 * (the org takes seconds to build); each test uses accounts and leads of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MatchingWorkerIT {

  private static final Duration WAIT = Duration.ofSeconds(30);

  private final Clock clock = Clock.systemUTC();
  private Org demo;
  private TestOrg org;
  private WorkerAssembly assembly;
  private AdminServer admin;
  private RuleSet rules;

  @BeforeAll
  void start(@TempDir Path scratch) throws Exception {
    demo = DemoOrgGenerator.org(clock);
    org = TestOrg.demo(demo, clock);
    WorkerHarness harness = new WorkerHarness(org, WorkerHarness.h2In(scratch), clock);
    rules = new YamlRuleSetLoader().load(Path.of("config/demo/rules.yaml"));
    assembly = harness.assembleWithAdmin(rules);
    Worker worker = assembly.worker();
    worker.start();
    admin = assembly.startAdmin();
    await().atMost(WAIT).until(worker::isSubscribed);
  }

  @AfterAll
  void stop() throws Exception {
    if (assembly != null) {
      assembly.close(Duration.ofSeconds(5));
    }
    org.close();
  }

  @Test
  void aLeadFromAnAccountsDomainGoesToTheAccountOwnerAndTheLogNamesTheAccount() throws Exception {
    Map<String, Object> account = customerAccounts().get(0);
    String leadId = org.createLead(leadAt(account, "ada.first"));

    LoggedDecision decision = decisionOf(leadId);
    assertThat(decision.reasons()).contains(ReasonCode.ACCOUNT_OWNER);
    assertThat(decision.rule()).isEqualTo("Existing_Account_Owner");
    assertThat(decision.accountId()).isEqualTo(new SalesforceId((String) account.get("Id")));
    assertThat(decision.owner().id().value()).isEqualTo(account.get("OwnerId"));
    await()
        .atMost(WAIT)
        .until(() -> account.get("OwnerId").equals(org.lead(leadId).get("OwnerId")));
  }

  @Test
  void anAccountOwnerChangeMovesTheNextLead() throws Exception {
    Map<String, Object> account = customerAccounts().get(1);
    String accountId = (String) account.get("Id");
    String newOwner = anotherActiveUser((String) account.get("OwnerId"));

    org.update("Account", accountId, Map.of("OwnerId", newOwner));
    AccountIndex index = assembly.get(AccountIndex.class);
    await()
        .atMost(WAIT)
        .until(
            () ->
                index
                    .get(new SalesforceId(accountId))
                    .map(a -> a.ownerId().value().equals(newOwner))
                    .orElse(false));
    String leadId = org.createLead(leadAt(account, "grace.next"));

    LoggedDecision decision = decisionOf(leadId);
    assertThat(decision.reasons()).contains(ReasonCode.ACCOUNT_OWNER);
    assertThat(decision.owner().id().value()).isEqualTo(newOwner);
  }

  /** A gap event names the account but carries no values: the worker reads it again by SOQL. */
  @Test
  void aGapEventOnTheAccountChannelReReadsTheAccount() {
    Map<String, Object> account = customerAccounts().get(3);
    String accountId = (String) account.get("Id");
    String newOwner = anotherActiveUser((String) account.get("OwnerId"));
    // Changed without an event of its own, as when Salesforce could not send one.
    demo.data()
        .update(
            SObjectType.ACCOUNT,
            accountId,
            Map.of("OwnerId", newOwner),
            demo.userId(DemoOrgGenerator.INTEGRATION_USER).orElseThrow());

    org.server().streaming().publish(MatchIndexes.ACCOUNT_CHANNEL, Events.accountGap(accountId));

    AccountIndex index = assembly.get(AccountIndex.class);
    await()
        .atMost(WAIT)
        .until(
            () ->
                index
                    .get(new SalesforceId(accountId))
                    .map(a -> a.ownerId().value().equals(newOwner))
                    .orElse(false));
  }

  @Test
  void aDuplicateOfAnOpenLeadGoesToItsOwner() throws Exception {
    Map<String, Object> open =
        demo.data().all(SObjectType.LEAD).stream()
            .filter(lead -> lead.get("Email") != null)
            .filter(lead -> Objects.toString(lead.get("OwnerId"), "").startsWith("005"))
            .filter(lead -> activeUser((String) lead.get("OwnerId")))
            .filter(lead -> activeRep((String) lead.get("OwnerId")))
            .filter(lead -> !Boolean.TRUE.equals(lead.get("IsConverted")))
            .findFirst()
            .orElseThrow();
    Map<String, Object> again = new LinkedHashMap<>();
    again.put("LastName", open.get("LastName"));
    again.put("Company", open.get("Company"));
    again.put("Email", open.get("Email"));
    again.put("LeadSource", "Web");
    String leadId = org.createLead(again);

    LoggedDecision decision = decisionOf(leadId);
    assertThat(decision.reasons()).as(decision.pathJson()).contains(ReasonCode.DUPLICATE);
    assertThat(decision.owner().id().value()).isEqualTo(open.get("OwnerId"));
  }

  @Test
  void metricsShowTheWorkersCountersAndHealthItsParts() throws Exception {
    String leadId = org.createLead(leadAt(customerAccounts().get(2), "metrics.probe"));
    decisionOf(leadId);
    HttpClient http = HttpClient.newHttpClient();
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              String metrics = get(http, admin.uri().resolve("/metrics")).body();
              assertThat(metrics)
                  .contains("leadrouter_events_in_total{")
                  .contains("leadrouter_decisions_total{")
                  .contains("rule=\"Existing_Account_Owner\"")
                  .contains("leadrouter_decision_reasons_total{reason=\"ACCOUNT_OWNER\"")
                  .contains("leadrouter_writes_total{")
                  .contains("leadrouter_api_remaining ")
                  .contains("leadrouter_lag_decision_seconds")
                  .contains("leadrouter_lag_write_seconds")
                  .contains("leadrouter_match_accounts 10000");
            });
    HttpResponse<String> health = get(http, admin.uri().resolve("/health"));
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body())
        .contains("\"capture\"", "\"store\"", "\"write\"", "\"rule-set\"", "\"matching\"");
  }

  private static HttpResponse<String> get(HttpClient http, URI uri) throws Exception {
    return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
  }

  private LoggedDecision decisionOf(String leadId) {
    RoutingLog log = assembly.get(RoutingLog.class);
    await().atMost(WAIT).until(() -> !log.findByLead(leadId).isEmpty());
    return log.findByLead(leadId).get(0);
  }

  /** Customer accounts with a website, an active owner and no parent, in a stable order. */
  private List<Map<String, Object>> customerAccounts() {
    return demo.data().all(SObjectType.ACCOUNT).stream()
        .filter(a -> "Customer".equals(a.get("Type")))
        .filter(a -> a.get("Website") != null && a.get("ParentId") == null)
        .filter(a -> activeUser((String) a.get("OwnerId")))
        .limit(4)
        .toList();
  }

  private boolean activeUser(String id) {
    return id != null
        && demo.data()
            .find(SObjectType.USER, id)
            .map(u -> Boolean.TRUE.equals(u.get("IsActive")))
            .orElse(false);
  }

  /** A rep the rule set knows and counts as active (a rep marked inactive gets no duplicates). */
  private boolean activeRep(String id) {
    Rep rep = rules.reps().get(new SalesforceId(id));
    return rep != null && rep.active();
  }

  private String anotherActiveUser(String not) {
    return demo.data().all(SObjectType.USER).stream()
        .filter(u -> Boolean.TRUE.equals(u.get("IsActive")))
        .map(u -> (String) u.get("Id"))
        .filter(
            id ->
                !id.equals(not)
                    && !id.equals(demo.userId(DemoOrgGenerator.INTEGRATION_USER).orElse("")))
        .findFirst()
        .orElseThrow();
  }

  private static Map<String, Object> leadAt(Map<String, Object> account, String person) {
    String host = URI.create(withScheme((String) account.get("Website"))).getHost();
    String domain = host.toLowerCase(Locale.ROOT).replaceFirst("^www\\.", "");
    Map<String, Object> lead = new LinkedHashMap<>();
    lead.put("FirstName", "It");
    lead.put("LastName", person);
    lead.put("Company", account.get("Name"));
    lead.put("Email", person + "@" + domain);
    lead.put("Country", account.get("BillingCountry"));
    lead.put("LeadSource", "Web");
    return lead;
  }

  private static String withScheme(String website) {
    return website.contains("://") ? website : "https://" + website;
  }
}
