package dev.leadrouter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leadrouter.config.Mode;
import dev.leadrouter.config.StoreSettings;
import dev.leadrouter.emulator.OrgServer;
import dev.leadrouter.emulator.org.ConnectedApp;
import dev.leadrouter.emulator.org.Org;
import dev.leadrouter.emulator.org.SObjectType;
import dev.leadrouter.lead.SalesforceId;
import dev.leadrouter.route.Decision;
import dev.leadrouter.route.Owner;
import dev.leadrouter.route.ReasonCode;
import dev.leadrouter.route.Strategy;
import dev.leadrouter.route.StrategyTrace;
import dev.leadrouter.score.LeadScore;
import dev.leadrouter.store.Database;
import dev.leadrouter.store.RoutingLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lead-router shadow-report} end to end: shadow decisions recorded in an H2 store, the
 * owners the leads really have in an emulated org, queried over REST, and the three report files.
 */
class ShadowReportCommandIT {

  /** More than one query chunk (200 ids), so chunking and the progress bar are exercised. */
  private static final int AGREEING = 230;

  @TempDir Path dir;

  private final Clock clock = Clock.systemUTC();
  private OrgServer server;

  @BeforeEach
  void startOrg() throws Exception {
    server = new OrgServer(OrgServer.Settings.defaults(clock), Org.small(clock)).start();
  }

  @AfterEach
  void stopOrg() throws Exception {
    server.close();
  }

  @Test
  void comparesShadowDecisionsWithTheOwnersInTheOrg() throws Exception {
    Org org = server.org();
    String integration = org.userId("integration@emulator.lead-router.dev").orElseThrow();
    SalesforceId ann =
        new SalesforceId(org.userId("ann.lee@emulator.lead-router.dev").orElseThrow());
    SalesforceId bo =
        new SalesforceId(org.userId("bo.chen@emulator.lead-router.dev").orElseThrow());
    SalesforceId inbound =
        new SalesforceId(
            org.data().idWhere(SObjectType.GROUP, "DeveloperName", "Inbound_Leads").orElseThrow());
    Instant now = clock.instant();

    List<Decision> decisions = new ArrayList<>();
    for (int i = 0; i < AGREEING; i++) {
      String lead = insertLead(org, "Agree" + i, ann, integration);
      decisions.add(decision(lead, Owner.user(ann, "Ann Lee"), "EMEA_Team", "emea", now));
    }
    // The org's assignment rule gave these to the queue; Lead Router would have picked a rep.
    String toQueue1 = insertLead(org, "Queue1", inbound, integration);
    String toQueue2 = insertLead(org, "Queue2", inbound, integration);
    String toBo = insertLead(org, "Bo", bo, integration);
    decisions.add(decision(toQueue1, Owner.user(ann, "Ann Lee"), "EMEA_Team", "emea", now));
    decisions.add(decision(toQueue2, Owner.user(bo, "Bo Chen"), "<b>US</b> & Canada", "us", now));
    decisions.add(decision(toBo, Owner.user(ann, "Ann Lee"), "EMEA_Team", "emea", now));
    // Deleted from the org since: left out of the agreement figures.
    String gone = "00Q000000000999";
    decisions.add(decision(gone, Owner.user(ann, "Ann Lee"), "EMEA_Team", "emea", now));

    Path store = dir.resolve("store");
    StoreSettings storeSettings =
        new StoreSettings(
            "jdbc:h2:file:" + store.toAbsolutePath() + ";MODE=PostgreSQL",
            Optional.empty(),
            Optional.empty(),
            2);
    try (Database database = Database.open(storeSettings)) {
      RoutingLog log = new RoutingLog(database);
      decisions.forEach(decision -> log.record(decision, Mode.SHADOW));
      // Neither a live decision nor one before the period belongs in the report.
      String live = insertLead(org, "Live", inbound, integration);
      log.record(
          live(decision(live, Owner.user(ann, "Ann Lee"), "EMEA_Team", "emea", now)), Mode.LIVE);
      String old = insertLead(org, "Old", inbound, integration);
      log.record(
          decision(
              old, Owner.user(ann, "Ann Lee"), "EMEA_Team", "emea", now.minus(Duration.ofDays(3))),
          Mode.SHADOW);
    }

    Path conf =
        Files.writeString(
            dir.resolve("application.conf"),
            "include file(\""
                + Path.of("config/application.conf").toAbsolutePath()
                + "\")\nlead-router.store.url = \""
                + storeSettings.jdbcUrl()
                + "\"\n");
    ConnectedApp app = org.apps().get(0);
    Path credentials = dir.resolve("org.json");
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("instance_url", server.instanceUrl().toString());
    json.put("login_url", server.instanceUrl().toString());
    json.put("username", app.username());
    json.put("password", "emulator-password");
    json.put("client_id", app.clientId());
    json.put("client_secret", app.clientSecret());
    json.put("api_version", "62.0");
    new ObjectMapper().writeValue(credentials.toFile(), json);
    Path out = dir.resolve("report");

    CliRun run =
        CliRun.of(
            "shadow-report",
            "--since",
            "2d",
            "--out",
            out.toString(),
            "--config",
            conf.toString(),
            "--org-credentials",
            credentials.toString());

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).contains("Agreement: 98.7%").contains("not in the org 1");
    assertThat(run.err()).contains("100%").contains("leads");

    JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
    assertThat(summary.get("decisions").asInt()).isEqualTo(AGREEING + 4);
    assertThat(summary.get("compared").asInt()).isEqualTo(AGREEING + 3);
    assertThat(summary.get("agreed").asInt()).isEqualTo(AGREEING);
    assertThat(summary.get("disagreed").asInt()).isEqualTo(3);
    assertThat(summary.get("not_found").asInt()).isEqualTo(1);
    assertThat(summary.get("agreement_pct").decimalValue()).isEqualByComparingTo("98.7");
    assertThat(summary.at("/by_rule/0/rule").asText()).isEqualTo("EMEA_Team");
    assertThat(summary.at("/by_rule/0/disagreements").asInt()).isEqualTo(2);
    assertThat(summary.at("/by_team/1/team").asText()).isEqualTo("us");

    List<String> csv = Files.readAllLines(out.resolve("shadow-report.csv"));
    assertThat(csv.get(0)).isEqualTo("lead_id,would_owner,actual_owner,rule,agree");
    assertThat(csv).hasSize(AGREEING + 5);
    assertThat(csv)
        .contains(
            toQueue1 + "," + ann.value() + "," + inbound.value() + ",EMEA_Team,false",
            gone + "," + ann.value() + ",,EMEA_Team,")
        .anySatisfy(line -> assertThat(line).endsWith("," + ann.value() + ",EMEA_Team,true"))
        .anySatisfy(line -> assertThat(line).contains("\"<b>US</b> & Canada\"", ",false"));

    String html = Files.readString(out.resolve("report.html"));
    assertThat(html)
        .startsWith("<!DOCTYPE html>")
        .contains("<html lang=\"en\">", "<svg role=\"img\"", "<caption>", "98.7%")
        .contains("Inbound Leads") // the queue's name, asked from the org
        .contains("&lt;b&gt;US&lt;/b&gt; &amp; Canada")
        .doesNotContain("<b>US</b>", "<script", "<link", "src=\"http", "href=\"http");

    for (String text : List.of(run.out(), run.err(), html, String.join("\n", csv))) {
      assertThat(text).doesNotContain(app.clientSecret()).doesNotContain("emulator-password");
    }
  }

  @Test
  void aBadCredentialsFileIsNamedWithoutItsSecrets() throws Exception {
    Path credentials =
        Files.writeString(dir.resolve("org.json"), "{\"client_secret\": \"s3cr3t-value\"}");

    CliRun run =
        CliRun.of(
            "shadow-report",
            "--out",
            dir.resolve("r").toString(),
            "--org-credentials",
            credentials.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .contains("org.json")
        .contains("instance_url: is missing")
        .contains("client_id: is missing")
        .doesNotContain("s3cr3t-value");
  }

  private static String insertLead(Org org, String name, SalesforceId owner, String actingUser) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("LastName", name);
    values.put("Company", name + " Ltd");
    values.put("OwnerId", owner.value());
    return org.data().insert(SObjectType.LEAD, values, actingUser).id();
  }

  private static Decision live(Decision shadow) {
    return new Decision(
        shadow.leadId(),
        shadow.owner(),
        shadow.rule(),
        shadow.reasons(),
        shadow.path(),
        shadow.strategies(),
        shadow.inputs(),
        shadow.score(),
        shadow.account(),
        shadow.slaMinutes(),
        false,
        shadow.decidedAt(),
        shadow.ruleSetVersion(),
        shadow.stateChanges());
  }

  private static Decision decision(
      String leadId, Owner owner, String rule, String team, Instant decidedAt) {
    return new Decision(
        leadId,
        owner,
        rule,
        List.of(ReasonCode.TEAM_ROUND_ROBIN),
        List.of(),
        List.of(new StrategyTrace(team, Strategy.ROUND_ROBIN, null, List.of(), owner.id())),
        Map.of(),
        LeadScore.NONE,
        null,
        null,
        true,
        decidedAt,
        "rules-v1",
        List.of());
  }
}
