package dev.leadrouter.emulator.generator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leadrouter.emulator.OrgServer;
import dev.leadrouter.emulator.org.SObjectType;
import dev.leadrouter.emulator.seed.DemoOrgGenerator;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The lead generator against the emulated demo org, over HTTP only, as against a real org. */
class LeadGeneratorIT {

  private static final Clock CLOCK = Clock.systemUTC();
  private static OrgServer server;
  private static OrgConnection connection;

  @BeforeAll
  static void start() throws Exception {
    server =
        new OrgServer(OrgServer.Settings.defaults(CLOCK).withPort(0), DemoOrgGenerator.org(CLOCK))
            .start();
    connection =
        new OrgConnection(
            server.instanceUrl(),
            server.instanceUrl(),
            DemoOrgGenerator.CLIENT_ID,
            DemoOrgGenerator.CLIENT_SECRET,
            "62.0");
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  @Test
  void thePlanDependsOnlyOnTheSeedAndHasEveryKindOfLead() {
    LeadGenerator generator = new LeadGenerator(connection, CLOCK);
    List<PlannedLead> first = generator.plan(LeadGenerator.Settings.of(300, 100, 5));
    List<PlannedLead> again = generator.plan(LeadGenerator.Settings.of(300, 100, 5));
    List<PlannedLead> other = generator.plan(LeadGenerator.Settings.of(300, 100, 6));

    assertThat(again).isEqualTo(first);
    assertThat(other).isNotEqualTo(first);
    Set<String> kinds =
        first.stream().map(l -> l.kind().replace("webinar:", "")).collect(Collectors.toSet());
    assertThat(kinds)
        .contains(
            "account-domain", "new-company", "free-mail", "duplicate", "resubmission", "partner");
    assertThat(first.stream().filter(PlannedLead::webinar)).hasSize(60);
    assertThat(first.stream().filter(PlannedLead::dirty).count()).isBetween(60L, 140L);
  }

  @Test
  void createsEveryLeadThroughRestEvenWhileTheOrgFails() throws Exception {
    int before = server.org().data().all(SObjectType.LEAD).size();
    server.faults().set("503-burst=3/1h,latency=2ms");
    LeadGenerator generator = new LeadGenerator(connection, CLOCK);
    LeadGenerator.Settings settings = LeadGenerator.Settings.of(40, 400, 9);
    List<Integer> progress = new ArrayList<>();

    List<GeneratedLead> created;
    try {
      created =
          generator.run(
              generator.plan(settings),
              settings,
              (lead, done) -> {
                synchronized (progress) {
                  progress.add(done);
                }
              });
    } finally {
      server.faults().set("none");
    }

    assertThat(created).hasSize(40).allSatisfy(l -> assertThat(l.id()).isPresent());
    assertThat(created)
        .allSatisfy(l -> assertThat(l.createdAt().orElseThrow()).isAfterOrEqualTo(l.submittedAt()));
    assertThat(progress).hasSize(40).contains(40);
    List<Map<String, Object>> leads = server.org().data().all(SObjectType.LEAD);
    assertThat(leads).hasSize(before + 40);
    Set<Object> ids = leads.stream().map(l -> l.get("Id")).collect(Collectors.toSet());
    assertThat(created).allSatisfy(l -> assertThat(ids).contains(l.id().orElseThrow()));
    // No Sforce-Auto-Assign, as from a web form: the org's assignment rule owns the new leads.
    String inbound = server.org().leadAssignmentOwner().orElseThrow();
    assertThat(
            leads.stream()
                .filter(l -> l.get("Id").equals(created.get(0).id().orElseThrow()))
                .findFirst()
                .orElseThrow())
        .containsEntry("OwnerId", inbound);
  }
}
