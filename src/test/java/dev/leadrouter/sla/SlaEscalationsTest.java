package dev.leadrouter.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Provides;
import com.google.inject.util.Modules;
import dev.leadrouter.config.AuthMethod;
import dev.leadrouter.config.ClockModule;
import dev.leadrouter.config.Mode;
import dev.leadrouter.config.PipelineSettings;
import dev.leadrouter.config.SalesforceSettings;
import dev.leadrouter.config.Secret;
import dev.leadrouter.config.SlaEscalationSettings;
import dev.leadrouter.config.SlaSettings;
import dev.leadrouter.config.StoreSettings;
import dev.leadrouter.emulator.OrgServer;
import dev.leadrouter.emulator.org.Org;
import dev.leadrouter.emulator.org.SObjectType;
import dev.leadrouter.lead.SalesforceId;
import dev.leadrouter.route.Decision;
import dev.leadrouter.route.Owner;
import dev.leadrouter.route.ReasonCode;
import dev.leadrouter.route.Rep;
import dev.leadrouter.route.WorkingHours;
import dev.leadrouter.salesforce.SalesforceClientSettings;
import dev.leadrouter.salesforce.SalesforceModule;
import dev.leadrouter.score.LeadScore;
import dev.leadrouter.store.ClaimedStep;
import dev.leadrouter.store.Database;
import dev.leadrouter.store.DecisionStatus;
import dev.leadrouter.store.EscalationStep;
import dev.leadrouter.store.LoggedDecision;
import dev.leadrouter.store.RoutingLog;
import dev.leadrouter.store.SlaClock;
import dev.leadrouter.store.SlaClockStatus;
import dev.leadrouter.store.SlaClocks;
import dev.leadrouter.store.StoreModule;
import dev.leadrouter.store.TouchKind;
import dev.leadrouter.testing.MutableClock;
import dev.leadrouter.write.BatchWriter;
import dev.leadrouter.write.OwnerUpdate;
import dev.leadrouter.write.OwnerWriter;
import dev.leadrouter.write.UpstreamBacklog;
import dev.leadrouter.write.WriteModule;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The escalation ladder against the emulated org and a file store, with time moved by hand: notify
 * at the breach, reassign within the team later, recycle to nurture after 48 hours, and a worker
 * restart between the breach and the reassignment.
 */
class SlaEscalationsTest {

  private static final String INTEGRATION_USER = new SalesforceId("005Wk0000000001").value();
  private static final SalesforceId ANN = new SalesforceId("005Wk0000000002");
  private static final SalesforceId BO = new SalesforceId("005Wk0000000003");
  private static final String NURTURE = new SalesforceId("00GWk0000000002").value();
  private static final Instant NOW = Instant.parse("2026-11-24T15:00:00Z");
  private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

  @TempDir Path scratch;
  private final MutableClock clock = new MutableClock(NOW);
  private OrgServer org;
  private Injector injector;

  @BeforeEach
  void start() throws Exception {
    org =
        new OrgServer(
                OrgServer.Settings.defaults(clock),
                Org.load(Path.of("src/test/resources/worker/seed.json"), clock))
            .start();
    injector = injector();
  }

  @AfterEach
  void stop() throws Exception {
    stopWorker();
    org.close();
  }

  /** Stops the writer and closes the store, as a worker stopping does. */
  private void stopWorker() throws Exception {
    if (injector != null) {
      injector.getInstance(OwnerWriter.class).close(Duration.ofSeconds(5));
      injector.getInstance(Database.class).close();
      injector = null;
    }
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
    ZoneId berlin = ZoneId.of("Europe/Berlin");
    Rep ann = new Rep(ANN, "Ann Lee", true, berlin, WorkingHours.ALWAYS, List.of());
    Rep bo = new Rep(BO, "Bo Chen", true, berlin, WorkingHours.ALWAYS, List.of());
    SlaSettings base = SlaAssignmentsTest.settings();
    SlaSettings settings =
        new SlaSettings(
            true,
            base.tiers(),
            base.untouchedStatuses(),
            base.businessHours(),
            new SlaEscalationSettings(
                true,
                Optional.of(Duration.ofMinutes(30)),
                1,
                Duration.ofHours(48),
                Optional.of(NURTURE)),
            base.task(),
            base.notices());
    Injector made =
        Guice.createInjector(
            new ClockModule(clock),
            new SalesforceModule(SalesforceClientSettings.defaults()),
            new StoreModule(),
            new WriteModule(),
            Modules.override(new SlaModule(() -> SlaRuleSets.withTeam(ann, bo)))
                .with(
                    new AbstractModule() {
                      @Provides
                      SlaSettings sla() {
                        return settings;
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
    made.getInstance(OwnerWriter.class).start();
    return made;
  }

  /** A hot lead routed to Ann now and written; returns the lead's id. */
  private String hotLeadForAnn() {
    String lead =
        org.org()
            .data()
            .insert(
                SObjectType.LEAD,
                Map.of("LastName", "Kahn", "Company", "Acme", "Status", "Open - Not Contacted"),
                INTEGRATION_USER)
            .id();
    Decision decision =
        new Decision(
            lead,
            Owner.user(ANN, "Ann Lee"),
            "Inbound",
            List.of(ReasonCode.TEAM_ROUND_ROBIN),
            List.of(),
            List.of(
                new dev.leadrouter.route.StrategyTrace(
                    SlaRuleSets.TEAM,
                    dev.leadrouter.route.Strategy.ROUND_ROBIN,
                    null,
                    List.of(),
                    ANN)),
            Map.of(),
            new LeadScore(10, 10, "hot", null, List.of()),
            null,
            null,
            false,
            clock.instant(),
            "v1",
            List.of());
    long id = injector.getInstance(RoutingLog.class).record(decision, Mode.LIVE);
    injector
        .getInstance(BatchWriter.class)
        .write(List.of(OwnerUpdate.of(id, decision, null)), BatchWriter.Path.COLLECTIONS);
    return lead;
  }

  private SlaEscalations ladder() {
    return injector.getInstance(SlaEscalations.class);
  }

  private SlaClocks clocks() {
    return injector.getInstance(SlaClocks.class);
  }

  private Map<String, Object> lead(String id) {
    return org.org().data().find(SObjectType.LEAD, id).orElseThrow();
  }

  private Map<String, Object> task(String id) {
    return org.org().data().find(SObjectType.TASK, id).orElseThrow();
  }

  @Test
  void nothingHappensBeforeTheDeadlineNorToATouchedLead() throws Exception {
    String lead = hotLeadForAnn();
    clock.advance(FIVE_MINUTES);
    ladder().runOnce();
    assertThat(clocks().forLead(lead).get(0).breachedAt()).as("due, not yet past").isNull();

    clocks().touch(lead, clock.instant(), TouchKind.STATUS);
    clock.advance(Duration.ofHours(49));
    ladder().runOnce();

    assertThat(clocks().stepsOf(clocks().forLead(lead).get(0).id())).isEmpty();
    assertThat(lead(lead).get("OwnerId")).isEqualTo(ANN.value());
  }

  @Test
  void aRestartBetweenBreachAndReassignmentNeitherLosesNorRepeatsAStep() throws Exception {
    String lead = hotLeadForAnn();
    SlaClock first = clocks().forLead(lead).get(0);

    clock.advance(FIVE_MINUTES.plusSeconds(1));
    ladder().runOnce();
    assertThat(clocks().find(first.id()).orElseThrow().breachedAt()).isEqualTo(clock.instant());
    assertThat(clocks().stepsOf(first.id()))
        .extracting(ClaimedStep::step)
        .containsExactly(EscalationStep.NOTIFY);
    assertThat(lead(lead).get("OwnerId")).as("not yet reassigned").isEqualTo(ANN.value());

    stopWorker();
    clock.advance(Duration.ofMinutes(30));
    injector = injector();
    ladder().runOnce();

    List<LoggedDecision> decisions = injector.getInstance(RoutingLog.class).findByLead(lead);
    assertThat(decisions).hasSize(2);
    assertThat(decisions.get(0).status()).isEqualTo(DecisionStatus.SUPERSEDED);
    // The writer may already have written the new owner.
    assertThat(decisions.get(1).status()).isIn(DecisionStatus.PLANNED, DecisionStatus.WRITTEN);
    assertThat(decisions.get(1).reasons()).startsWith(ReasonCode.SLA_REASSIGN);
    assertThat(decisions.get(1).owner().id()).isEqualTo(BO);
    await().until(() -> BO.value().equals(lead(lead).get("OwnerId")));
    await().until(() -> clocks().openFor(lead).map(c -> c.taskId() != null).orElse(false));

    SlaClock second = clocks().openFor(lead).orElseThrow();
    assertThat(second.ownerId()).isEqualTo(BO.value());
    assertThat(clocks().find(first.id()).orElseThrow().status())
        .isEqualTo(SlaClockStatus.REASSIGNED);
    assertThat(task(first.taskId()).get("Status")).as("Ann's task closed").isEqualTo("Completed");
    assertThat(task(second.taskId()).get("OwnerId")).isEqualTo(BO.value());
    assertThat(clocks().stepsOf(first.id()))
        .extracting(ClaimedStep::step)
        .containsExactly(EscalationStep.NOTIFY, EscalationStep.REASSIGN);

    // Bo misses it too: he is told, but one reassignment is all the settings allow.
    clock.advance(Duration.ofMinutes(40));
    ladder().runOnce();
    ladder().runOnce();
    assertThat(clocks().stepsOf(second.id()))
        .extracting(ClaimedStep::step)
        .containsExactly(EscalationStep.NOTIFY);
    assertThat(clocks().stepsOf(first.id())).hasSize(2);
  }

  @Test
  void aStepClaimedJustBeforeAStopIsCarriedOutOnceAfterTheRestart() throws Exception {
    String lead = hotLeadForAnn();
    SlaClock first = clocks().forLead(lead).get(0);
    clock.advance(Duration.ofMinutes(40));
    // The previous run claimed the reassignment, then stopped before doing it.
    clocks().claimStep(first.id(), EscalationStep.REASSIGN, clock.instant());

    stopWorker();
    injector = injector();
    ladder().runOnce();
    ladder().runOnce();

    await().until(() -> BO.value().equals(lead(lead).get("OwnerId")));
    assertThat(injector.getInstance(RoutingLog.class).findByLead(lead)).hasSize(2);
    assertThat(clocks().unfinishedSteps()).isEmpty();
  }

  @Test
  void aLeadNobodyTouchesFor48HoursGoesToTheNurtureQueue() throws Exception {
    String lead = hotLeadForAnn();
    SlaClock first = clocks().forLead(lead).get(0);

    clock.advance(Duration.ofHours(48));
    ladder().runOnce();

    assertThat(lead(lead).get("OwnerId")).isEqualTo(NURTURE);
    SlaClock recycled = clocks().find(first.id()).orElseThrow();
    assertThat(recycled.status()).isEqualTo(SlaClockStatus.RECYCLED);
    assertThat(task(first.taskId()).get("Status")).isEqualTo("Completed");
    assertThat(clocks().stepsOf(first.id()))
        .extracting(ClaimedStep::step)
        .containsExactly(EscalationStep.RECYCLE);
  }
}
