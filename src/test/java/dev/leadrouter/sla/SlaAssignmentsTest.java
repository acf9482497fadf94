package dev.leadrouter.sla;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Provides;
import com.google.inject.util.Modules;
import dev.leadrouter.config.AuthMethod;
import dev.leadrouter.config.BusinessHoursSettings;
import dev.leadrouter.config.ClockModule;
import dev.leadrouter.config.Mode;
import dev.leadrouter.config.PipelineSettings;
import dev.leadrouter.config.SalesforceSettings;
import dev.leadrouter.config.Secret;
import dev.leadrouter.config.SlaEscalationSettings;
import dev.leadrouter.config.SlaSettings;
import dev.leadrouter.config.SlaTaskSettings;
import dev.leadrouter.config.SlaTierSettings;
import dev.leadrouter.config.StoreSettings;
import dev.leadrouter.emulator.OrgServer;
import dev.leadrouter.emulator.org.Org;
import dev.leadrouter.emulator.org.SObjectType;
import dev.leadrouter.lead.SalesforceId;
import dev.leadrouter.route.Decision;
import dev.leadrouter.route.Owner;
import dev.leadrouter.route.Rep;
import dev.leadrouter.route.WorkingHours;
import dev.leadrouter.salesforce.SalesforceClientSettings;
import dev.leadrouter.salesforce.SalesforceModule;
import dev.leadrouter.score.LeadScore;
import dev.leadrouter.store.Database;
import dev.leadrouter.store.RoutingLog;
import dev.leadrouter.store.SlaClock;
import dev.leadrouter.store.SlaClocks;
import dev.leadrouter.store.StoreModule;
import dev.leadrouter.testing.MutableClock;
import dev.leadrouter.write.BatchWriter;
import dev.leadrouter.write.OwnerUpdate;
import dev.leadrouter.write.UpstreamBacklog;
import dev.leadrouter.write.WriteModule;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Owner writes with SLA tracking against the emulated org: the due time travels with the owner, the
 * owner's follow-up Task follows in the next call, and a restart creates no Task twice.
 */
class SlaAssignmentsTest {

  private static final String INTEGRATION_USER = new SalesforceId("005Wk0000000001").value();
  private static final SalesforceId ANN = new SalesforceId("005Wk0000000002");
  private static final SalesforceId INBOUND_QUEUE = new SalesforceId("00GWk0000000001");
  // Tuesday 2026-11-24, 10:00 in New York, 16:00 in Berlin.
  private static final Instant NOW = Instant.parse("2026-11-24T15:00:00Z");
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  @TempDir Path scratch;
  private final MutableClock clock = new MutableClock(NOW);
  private OrgServer org;
  private Injector injector;

  static SlaSettings settings() {
    return new SlaSettings(
        true,
        Map.of(
            "hot",
            new SlaTierSettings("hot", Duration.ofMinutes(5), false),
            "warm",
            new SlaTierSettings("warm", Duration.ofHours(1), true),
            SlaSettings.DEFAULT_TIER,
            new SlaTierSettings(SlaSettings.DEFAULT_TIER, Duration.ofHours(4), true)),
        List.of("Open - Not Contacted"),
        new BusinessHoursSettings(
            ZoneId.of("America/New_York"),
            WorkingHours.parse("Mon-Fri 09:00-17:00"),
            List.of(LocalDate.of(2026, 12, 25)),
            true),
        new SlaEscalationSettings(
            true, Optional.of(Duration.ofMinutes(30)), 1, Duration.ofHours(48), Optional.empty()),
        new SlaTaskSettings(
            "New {tier} lead: first touch within {minutes} minutes",
            "High",
            Duration.ofMinutes(10)),
        dev.leadrouter.config.NotifySettings.none());
  }

  @BeforeEach
  void start() throws Exception {
    org =
        new OrgServer(
                OrgServer.Settings.defaults(clock),
                Org.load(Path.of("src/test/resources/worker/seed.json"), clock))
            .start();
    injector = injector();
  }

  private Injector injector() {
    SalesforceSettings connection =
        new SalesforceSettings(
            org.instanceUrl(),
            Optional.of(org.instanceUrl()),
            "62.0",
            AuthMethod.CLIENT_CREDENTIALS,
            Optional.of("worker-test-client"),
            Optional.empty(),
            Optional.empty(),
            Optional.of(new Secret("worker-test-secret")),
            Optional.empty(),
            "lead-router");
    // Ann works in Berlin, 09:00-17:00 her time.
    Rep ann =
        new Rep(ANN, "Ann Lee", true, BERLIN, WorkingHours.parse("Mon-Fri 09:00-17:00"), List.of());
    return Guice.createInjector(
        new ClockModule(clock),
        new SalesforceModule(SalesforceClientSettings.defaults()),
        new StoreModule(),
        new WriteModule(),
        Modules.override(new SlaModule(() -> SlaRuleSets.withTeam(ann)))
            .with(
                new AbstractModule() {
                  @Provides
                  SlaSettings sla() {
                    return settings();
                  }
                }),
        new AbstractModule() {
          @Override
          protected void configure() {
            bind(SalesforceSettings.class).toInstance(connection);
            bind(StoreSettings.class)
                .toInstance(
                    new StoreSettings(
                        "jdbc:h2:file:"
                            + scratch.resolve("store").toAbsolutePath()
                            + ";MODE=PostgreSQL",
                        Optional.empty(),
                        Optional.empty(),
                        2));
            bind(PipelineSettings.class).toInstance(new PipelineSettings(100, 200, 2000));
            bind(UpstreamBacklog.class).toInstance(() -> 0);
            bind(MeterRegistry.class).toInstance(new SimpleMeterRegistry());
          }
        });
  }

  @AfterEach
  void stop() throws Exception {
    injector.getInstance(Database.class).close();
    org.close();
  }

  private String newLead() {
    return org.org()
        .data()
        .insert(
            SObjectType.LEAD,
            Map.of("LastName", "Kahn", "Company", "Acme", "Status", "Open - Not Contacted"),
            INTEGRATION_USER)
        .id();
  }

  private static Decision decision(String leadId, Owner owner, String tier, Instant at) {
    return new Decision(
        leadId,
        owner,
        "Inbound",
        List.of(),
        List.of(),
        List.of(),
        Map.of("LeadSource", "Web"),
        new LeadScore(10, 10, tier, null, List.of()),
        null,
        null,
        false,
        at,
        "v1",
        List.of());
  }

  /** Records the decision as LIVE and writes its owner, as the worker does. */
  private long route(Decision decision) {
    long id = injector.getInstance(RoutingLog.class).record(decision, Mode.LIVE);
    List<OwnerUpdate> refused =
        injector
            .getInstance(BatchWriter.class)
            .write(List.of(OwnerUpdate.of(id, decision, null)), BatchWriter.Path.COLLECTIONS);
    assertThat(refused).isEmpty();
    return id;
  }

  private List<Map<String, Object>> tasksOf(String leadId) {
    return org.org().data().all(SObjectType.TASK).stream()
        .filter(task -> leadId.equals(task.get("WhoId")))
        .toList();
  }

  @Test
  void theDueTimeTravelsWithTheOwnerAndTheTaskFollows() {
    String lead = newLead();

    long decisionId = route(decision(lead, Owner.user(ANN, "Ann Lee"), "warm", NOW));

    // One business hour from 16:00 Berlin: 17:00 Berlin, 16:00 UTC.
    Map<String, Object> written = org.org().data().find(SObjectType.LEAD, lead).orElseThrow();
    assertThat(written.get("OwnerId")).isEqualTo(ANN.value());
    assertThat(written.get("SLA_Due__c")).isEqualTo("2026-11-24T16:00:00.000Z");

    SlaClock clock = injector.getInstance(SlaClocks.class).forDecision(decisionId).orElseThrow();
    assertThat(clock.dueAt()).isEqualTo(Instant.parse("2026-11-24T16:00:00Z"));
    assertThat(clock.leadSource()).isEqualTo("Web");
    assertThat(tasksOf(lead))
        .singleElement()
        .satisfies(
            task -> {
              assertThat(task.get("Id")).isEqualTo(clock.taskId());
              assertThat(task.get("OwnerId")).isEqualTo(ANN.value());
              assertThat(task.get("Subject"))
                  .isEqualTo("New warm lead: first touch within 60 minutes");
              assertThat(task.get("Priority")).isEqualTo("High");
              assertThat(task.get("Status")).isEqualTo("Not Started");
              assertThat(String.valueOf(task.get("ActivityDate"))).isEqualTo("2026-11-24");
              assertThat(String.valueOf(task.get("ReminderDateTime")))
                  .startsWith("2026-11-24T15:50:00");
              assertThat(task.get("IsReminderSet")).isEqualTo(true);
            });
    assertThat(injector.getInstance(SlaAssignments.class).tasksCreated()).isEqualTo(1);
  }

  @Test
  void queuesGetNoTaskAndNoDueTime() {
    String lead = newLead();

    long decisionId = route(decision(lead, Owner.queue(INBOUND_QUEUE, "Inbound"), "hot", NOW));

    assertThat(org.org().data().find(SObjectType.LEAD, lead).orElseThrow().get("SLA_Due__c"))
        .isNull();
    assertThat(injector.getInstance(SlaClocks.class).forDecision(decisionId)).isEmpty();
    assertThat(tasksOf(lead)).isEmpty();
  }

  @Test
  void aTaskCreatedJustBeforeARestartIsAdoptedNotCreatedAgain() throws Exception {
    String lead = newLead();
    long decisionId = route(decision(lead, Owner.user(ANN, "Ann Lee"), "hot", NOW));
    // The answer to the create was lost: the Task exists, its id was never noted.
    try (Connection connection = injector.getInstance(Database.class).dataSource().getConnection();
        Statement statement = connection.createStatement()) {
      statement.executeUpdate("UPDATE sla_clock SET task_id = NULL");
    }

    int created = injector.getInstance(SlaAssignments.class).recoverTasks();

    assertThat(created).isZero();
    assertThat(tasksOf(lead)).hasSize(1);
    assertThat(injector.getInstance(SlaClocks.class).forDecision(decisionId).orElseThrow().taskId())
        .isEqualTo(tasksOf(lead).get(0).get("Id"));
  }

  @Test
  void aTaskNeverSentIsCreatedAtTheNextStart() throws Exception {
    String lead = newLead();
    long decisionId = route(decision(lead, Owner.user(ANN, "Ann Lee"), "hot", NOW));
    // The worker stopped after the owner was written and before the Task was sent.
    String taskId = (String) tasksOf(lead).get(0).get("Id");
    org.org().data().delete(SObjectType.TASK, taskId);
    try (Connection connection = injector.getInstance(Database.class).dataSource().getConnection();
        Statement statement = connection.createStatement()) {
      statement.executeUpdate("UPDATE sla_clock SET task_id = NULL");
    }

    assertThat(injector.getInstance(SlaAssignments.class).recoverTasks()).isEqualTo(1);
    assertThat(injector.getInstance(SlaAssignments.class).recoverTasks()).isZero();

    assertThat(tasksOf(lead)).hasSize(1);
    assertThat(injector.getInstance(SlaClocks.class).forDecision(decisionId).orElseThrow().taskId())
        .isNotNull();
  }

  @Test
  void writingTheSameDecisionAgainStartsNoSecondClockAndNoSecondTask() {
    String lead = newLead();
    Decision decision = decision(lead, Owner.user(ANN, "Ann Lee"), "hot", NOW);
    long id = route(decision);

    // A restart writes a planned decision again; setting the same owner twice is harmless.
    injector
        .getInstance(BatchWriter.class)
        .write(List.of(OwnerUpdate.of(id, decision, null)), BatchWriter.Path.COLLECTIONS);

    assertThat(injector.getInstance(SlaClocks.class).forLead(lead)).hasSize(1);
    assertThat(tasksOf(lead)).hasSize(1);
  }
}
