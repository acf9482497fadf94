package dev.leadrouter.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.leadrouter.capture.InitialReplay;
import dev.leadrouter.config.Mode;
import dev.leadrouter.config.StoreSettings;
import dev.leadrouter.route.TeamRotation;
import dev.leadrouter.store.CheckpointRepository;
import dev.leadrouter.store.Database;
import dev.leadrouter.store.DeadLetter;
import dev.leadrouter.store.DeadLetters;
import dev.leadrouter.store.DecisionStatus;
import dev.leadrouter.store.JdbcRoutingState;
import dev.leadrouter.store.LoggedDecision;
import dev.leadrouter.store.RoutingLog;
import dev.leadrouter.store.StateTables;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The worker end to end on H2: leads created in an emulated org over REST arrive as change events
 * over CometD, are routed, recorded and written back.
 */
class WorkerIT {

  static final Duration WAIT = Duration.ofSeconds(20);

  @TempDir Path scratch;
  private final Clock clock = Clock.systemUTC();
  private TestOrg org;
  private final List<WorkerAssembly> assemblies = new ArrayList<>();

  @BeforeEach
  void startOrg() throws Exception {
    org = new TestOrg(clock);
  }

  @AfterEach
  void stop() throws Exception {
    for (WorkerAssembly assembly : assemblies) {
      assembly.close(Duration.ofSeconds(5));
    }
    org.close();
  }

  StoreSettings store() {
    return WorkerHarness.h2In(scratch);
  }

  WorkerAssembly start(Mode mode, InitialReplay replay, com.google.inject.Module... overrides)
      throws Exception {
    WorkerAssembly assembly =
        new WorkerHarness(org, store(), clock).assemble(mode, replay, overrides);
    assemblies.add(assembly);
    Worker worker = assembly.worker();
    worker.start();
    await().atMost(WAIT).until(worker::isSubscribed);
    return assembly;
  }

  static Map<String, Object> webLead(String lastName, String company) {
    Map<String, Object> lead = new LinkedHashMap<>();
    lead.put("LastName", lastName);
    lead.put("Company", company);
    lead.put("Email", lastName.toLowerCase(java.util.Locale.ROOT) + "@example.org");
    lead.put("LeadSource", "Web");
    return lead;
  }

  @Test
  void aNewLeadGetsItsOwnerAndRoutingFieldsAndTheAssignmentRuleDoesNotUndoThem() throws Exception {
    WorkerAssembly worker = start(Mode.LIVE, InitialReplay.NEW_ONLY);

    String id = org.createLead(webLead("Novak", "Acme GmbH"));

    assertThat(org.lead(id).get("OwnerId"))
        .as("the org's own assignment rule ran on create")
        .isIn(TestOrg.INBOUND_QUEUE, TestOrg.ANN, TestOrg.BO);
    await().atMost(WAIT).until(() -> org.lead(id).get("Routing_Rule__c") != null);
    Map<String, Object> lead = org.lead(id);
    assertThat(lead.get("OwnerId")).isIn(TestOrg.ANN, TestOrg.BO);
    assertThat(lead.get("Routing_Rule__c")).isEqualTo("Inbound_Team");
    assertThat((String) lead.get("Routing_Reason__c"))
        .contains("TEAM_ROUND_ROBIN")
        .hasSizeLessThanOrEqualTo(255);
    assertThat(lead.get("Routed_At__c")).isNotNull();
    RoutingLog log = worker.get(RoutingLog.class);
    await().atMost(WAIT).until(() -> log.findByLead(id).get(0).status() == DecisionStatus.WRITTEN);
    assertThat(log.findByLead(id))
        .singleElement()
        .extracting(LoggedDecision::mode)
        .isEqualTo(Mode.LIVE);
    assertThat(worker.get(CheckpointRepository.class).load(WorkerModule.LEAD_CHANNEL))
        .as("the event's checkpoint moved once its decision was durable")
        .isPresent();
  }

  @Test
  void aWorkerStoppedBetweenRecordAndWriteRoutesNothingTwiceAndWritesWhatItPlanned()
      throws Exception {
    WorkerAssembly first = start(Mode.LIVE, InitialReplay.NEW_ONLY, WorkerHarness.stalledWriter());
    String a = org.createLead(webLead("Alpha", "Alpha Ltd"));
    String b = org.createLead(webLead("Beta", "Beta Ltd"));
    RoutingLog firstLog = first.get(RoutingLog.class);
    await().atMost(WAIT).until(() -> firstLog.unwritten().size() == 2);
    first.close(Duration.ofMillis(300));
    assemblies.remove(first);
    assertThat(org.lead(a).get("Routing_Rule__c")).as("stopped before the write").isNull();

    // The next start replays the whole stream, as after a crash before the checkpoint moved.
    try (Database database = Database.open(store())) {
      new CheckpointRepository(database)
          .commit(
              WorkerModule.LEAD_CHANNEL, InitialReplay.ALL_RETAINED.replayId(), clock.instant());
    }
    WorkerAssembly second = start(Mode.LIVE, InitialReplay.NEW_ONLY);
    RoutingLog log = second.get(RoutingLog.class);

    await().atMost(WAIT).until(() -> log.unwritten().isEmpty());
    await().atMost(WAIT).until(() -> org.lead(b).get("Routing_Rule__c") != null);
    for (String id : List.of(a, b)) {
      assertThat(log.findByLead(id))
          .singleElement()
          .satisfies(d -> assertThat(d.status()).isEqualTo(DecisionStatus.WRITTEN));
      assertThat(org.lead(id).get("OwnerId"))
          .isEqualTo(log.findByLead(id).get(0).owner().id().value());
    }
    assertThat(List.of(org.lead(a).get("OwnerId"), org.lead(b).get("OwnerId")))
        .as("round robin moved once per lead, so the two went to different reps")
        .containsExactlyInAnyOrder(TestOrg.ANN, TestOrg.BO);
    String c = org.createLead(webLead("Gamma", "Gamma Ltd"));
    await().atMost(WAIT).until(() -> org.lead(c).get("Routing_Rule__c") != null);
    assertThat(org.lead(c).get("OwnerId"))
        .as("the rotation went on from where the first run left it")
        .isEqualTo(org.lead(a).get("OwnerId"));
  }

  @Test
  void aPlannedWriteThatHadLandedBeforeTheWorkerStoppedIsNotSentAgain() throws Exception {
    WorkerAssembly first = start(Mode.LIVE, InitialReplay.NEW_ONLY, WorkerHarness.stalledWriter());
    String landed = org.createLead(webLead("Landed", "Landed Ltd"));
    String pending = org.createLead(webLead("Pending", "Pending Ltd"));
    RoutingLog firstLog = first.get(RoutingLog.class);
    await().atMost(WAIT).until(() -> firstLog.unwritten().size() == 2);
    LoggedDecision decision = firstLog.findByLead(landed).get(0);
    first.close(Duration.ofMillis(300));
    assemblies.remove(first);
    // The first worker's write of one lead reached the org, and the worker died before noting it.
    // (Written into the org's data directly: an update over REST would run the assignment rule.)
    org.server()
        .org()
        .data()
        .update(
            dev.leadrouter.emulator.org.SObjectType.LEAD,
            landed,
            Map.of(
                "OwnerId",
                decision.owner().id().value(),
                "Routed_At__c",
                java.time.format.DateTimeFormatter.ofPattern(
                        "yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", java.util.Locale.ROOT)
                    .withZone(java.time.ZoneOffset.UTC)
                    .format(decision.decidedAt())),
            TestOrg.INTEGRATION_USER);
    Map<String, Integer> workerWrites = new java.util.concurrent.ConcurrentHashMap<>();
    org.server()
        .onChangeEvent(
            (channel, data) -> {
              if (WorkerModule.LEAD_CHANNEL.equals(channel)
                  && data.toString().contains("client=lead-router")) {
                workerWrites.merge(
                    data.toString().contains(landed) ? landed : pending, 1, Integer::sum);
              }
            });

    WorkerAssembly second = start(Mode.LIVE, InitialReplay.NEW_ONLY);
    RoutingLog log = second.get(RoutingLog.class);

    await().atMost(WAIT).until(() -> log.unwritten().isEmpty());
    await().atMost(WAIT).until(() -> workerWrites.containsKey(pending));
    assertThat(log.findByLead(landed))
        .singleElement()
        .satisfies(d -> assertThat(d.status()).isEqualTo(DecisionStatus.WRITTEN));
    assertThat(workerWrites)
        .as("only the write that had not landed was sent")
        .containsExactly(Map.entry(pending, 1));
  }

  @Test
  void duplicatedEventsAndEventsNamingSeveralLeadsRouteEachLeadOnce() throws Exception {
    WorkerAssembly worker = start(Mode.LIVE, InitialReplay.NEW_ONLY);
    RoutingLog log = worker.get(RoutingLog.class);
    String a = org.createLead(webLead("Alpha", "Alpha Ltd"));
    await().atMost(WAIT).until(() -> org.lead(a).get("Routing_Rule__c") != null);
    String silent =
        (String)
            org.server()
                .org()
                .data()
                .insert(
                    dev.leadrouter.emulator.org.SObjectType.LEAD,
                    webLead("Silent", "Quiet Co"),
                    TestOrg.INTEGRATION_USER)
                .id();

    org.publish(Events.leadCreated(List.of(a), "Alpha Ltd"));
    org.publish(Events.leadCreated(List.of(a, silent), "Quiet Co"));
    org.publish(Events.leadCreated(List.of(silent), "Quiet Co"));

    await().atMost(WAIT).until(() -> org.lead(silent).get("Routing_Rule__c") != null);
    String b = org.createLead(webLead("Beta", "Beta Ltd"));
    await().atMost(WAIT).until(() -> org.lead(b).get("Routing_Rule__c") != null);
    assertThat(log.findByLead(a)).hasSize(1);
    assertThat(log.findByLead(silent)).hasSize(1);
    assertThat(log.findByLead(b)).hasSize(1);
    assertThat(worker.get(JdbcRoutingState.class).rotation("Inbound").lastAssigned().value())
        .isEqualTo(org.lead(b).get("OwnerId"));
    assertThat(
            worker
                .get(io.micrometer.core.instrument.MeterRegistry.class)
                .counter("leadrouter.events.skipped", "why", "already_routed")
                .count())
        .isEqualTo(3.0);
  }

  @Test
  void aMalformedEventIsDeadLetteredAndTheNextLeadIsStillRouted() throws Exception {
    WorkerAssembly worker = start(Mode.LIVE, InitialReplay.NEW_ONLY);

    org.publish(Map.of("schema", "x", "payload", Map.of("Status", "Open")));
    org.publish(Events.leadCreated(List.of("00Q*"), "Wildcard Co"));
    String id = org.createLead(webLead("Next", "Next Ltd"));

    await().atMost(WAIT).until(() -> org.lead(id).get("Routing_Rule__c") != null);
    DeadLetters deadLetters = worker.get(DeadLetters.class);
    await().atMost(WAIT).until(() -> deadLetters.list().size() == 2);
    assertThat(deadLetters.list())
        .extracting(DeadLetter::reason)
        .anySatisfy(reason -> assertThat(reason).contains("ChangeEventHeader"))
        .anySatisfy(reason -> assertThat(reason).contains("'00Q*' is not a lead id"));
  }

  @Test
  void inShadowModeEverythingIsDecidedAndLoggedAndNothingIsWritten() throws Exception {
    WorkerAssembly worker = start(Mode.SHADOW, InitialReplay.NEW_ONLY);
    RoutingLog log = worker.get(RoutingLog.class);

    String first = org.createLead(webLead("Alpha", "Alpha Ltd"));
    String second = org.createLead(webLead("Beta", "Beta Ltd"));

    await().atMost(WAIT).until(() -> !log.findByLead(second).isEmpty());
    for (String id : List.of(first, second)) {
      assertThat(log.findByLead(id))
          .singleElement()
          .satisfies(
              d -> {
                assertThat(d.mode()).isEqualTo(Mode.SHADOW);
                assertThat(d.status()).isEqualTo(DecisionStatus.PLANNED);
              });
      assertThat(org.lead(id).get("OwnerId")).isEqualTo(TestOrg.INBOUND_QUEUE);
      assertThat(org.lead(id).get("Routing_Rule__c")).isNull();
    }
    assertThat(log.findByLead(first).get(0).owner())
        .as("shadow decisions rotate through the team on their own state")
        .isNotEqualTo(log.findByLead(second).get(0).owner());
    assertThat(worker.get(JdbcRoutingState.class).rotation("Inbound"))
        .as("live rotation untouched")
        .isEqualTo(TeamRotation.START);
  }

  @Test
  void aShadowOnlyRuleInLiveModeIsLoggedNotWrittenAndMovesOnlyShadowState() throws Exception {
    WorkerAssembly worker = start(Mode.LIVE, InitialReplay.NEW_ONLY);
    RoutingLog log = worker.get(RoutingLog.class);
    Map<String, Object> pilot = webLead("Pilot", "Pilot Co");
    pilot.put("LeadSource", "Pilot");

    String shadowed = org.createLead(pilot);
    String live = org.createLead(webLead("Live", "Live Co"));

    await().atMost(WAIT).until(() -> org.lead(live).get("Routing_Rule__c") != null);
    assertThat(log.findByLead(shadowed))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.mode()).isEqualTo(Mode.SHADOW);
              assertThat(d.rule()).isEqualTo("Pilot_Shadow");
            });
    assertThat(org.lead(shadowed).get("OwnerId")).isEqualTo(TestOrg.INBOUND_QUEUE);
    Database database = worker.get(Database.class);
    assertThat(new JdbcRoutingState(database, StateTables.SHADOW).rotation("Pilot").lastAssigned())
        .isNotNull();
    assertThat(worker.get(JdbcRoutingState.class).rotation("Pilot")).isEqualTo(TeamRotation.START);
  }

  @Test
  void fiveHundredLeadsAtOnceAreWrittenInBatchesNotOneByOne() throws Exception {
    start(Mode.LIVE, InitialReplay.NEW_ONLY);
    long before = org.apiUsage();
    List<String> ids = new ArrayList<>();
    for (int chunk = 0; chunk < 3; chunk++) {
      List<Map<String, Object>> leads = new ArrayList<>();
      for (int i = 0; i < (chunk < 2 ? 200 : 100); i++) {
        leads.add(webLead("Lead" + chunk + "x" + i, "Company " + chunk + "-" + i));
      }
      ids.addAll(org.createLeads(leads));
    }

    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> ids.stream().allMatch(id -> org.lead(id).get("Routing_Rule__c") != null));
    long after = org.apiUsage();
    long creates = 3;
    long probes = 1;
    // Three full batches at best; a loaded machine may see the write window close between the
    // change events of one chunk and flush a partial batch. One update per lead would be 500 calls.
    assertThat(after - before - creates - probes)
        .as("Collections calls by the worker")
        .isLessThanOrEqualTo(10);
  }

  @Test
  void aBacklogAboveTheBulkThresholdIsWrittenThroughTheBulkApi() throws Exception {
    WorkerAssembly first = start(Mode.LIVE, InitialReplay.NEW_ONLY, WorkerHarness.stalledWriter());
    List<Map<String, Object>> leads = new ArrayList<>();
    // Fewer than a batch, so the stalled writer holds them all.
    for (int i = 0; i < 150; i++) {
      leads.add(webLead("Import" + i, "Import Co " + i));
    }
    List<String> ids = org.createLeads(leads);
    RoutingLog firstLog = first.get(RoutingLog.class);
    await().atMost(Duration.ofSeconds(60)).until(() -> firstLog.unwritten().size() == 150);
    first.close(Duration.ofMillis(300));
    assemblies.remove(first);
    assertThat(org.lead(ids.get(0)).get("Routing_Rule__c")).isNull();

    WorkerAssembly second =
        start(
            Mode.LIVE,
            InitialReplay.NEW_ONLY,
            WorkerHarness.writer(
                dev.leadrouter.write.WriterSettings.from(
                    new dev.leadrouter.config.PipelineSettings(1000, 200, 50))));

    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> ids.stream().allMatch(id -> org.lead(id).get("Routing_Rule__c") != null));
    RoutingLog log = second.get(RoutingLog.class);
    await().atMost(WAIT).until(() -> log.unwritten().isEmpty());
    io.micrometer.core.instrument.MeterRegistry meters =
        second.get(io.micrometer.core.instrument.MeterRegistry.class);
    assertThat(meters.counter("leadrouter.writes", "path", "bulk", "outcome", "written").count())
        .isEqualTo(150.0);
    assertThat(org.lead(ids.get(0)).get("OwnerId")).isIn(TestOrg.ANN, TestOrg.BO);
  }

  @Test
  void aLeadDeletedBeforeItsWriteIsMarkedFailedAndTheOthersAreWritten() throws Exception {
    WorkerAssembly first = start(Mode.LIVE, InitialReplay.NEW_ONLY, WorkerHarness.stalledWriter());
    String gone = org.createLead(webLead("Gone", "Gone Ltd"));
    String kept = org.createLead(webLead("Kept", "Kept Ltd"));
    RoutingLog firstLog = first.get(RoutingLog.class);
    await().atMost(WAIT).until(() -> firstLog.unwritten().size() == 2);
    first.close(Duration.ofMillis(300));
    assemblies.remove(first);
    org.server().org().data().delete(dev.leadrouter.emulator.org.SObjectType.LEAD, gone);

    WorkerAssembly second = start(Mode.LIVE, InitialReplay.NEW_ONLY);
    RoutingLog log = second.get(RoutingLog.class);

    await().atMost(WAIT).until(() -> log.unwritten().isEmpty());
    assertThat(log.findByLead(gone))
        .singleElement()
        .extracting(LoggedDecision::status)
        .isEqualTo(DecisionStatus.FAILED);
    assertThat(log.findByLead(kept))
        .singleElement()
        .extracting(LoggedDecision::status)
        .isEqualTo(DecisionStatus.WRITTEN);
    assertThat(
            second
                .get(io.micrometer.core.instrument.MeterRegistry.class)
                .counter("leadrouter.writes", "path", "collections", "outcome", "failed")
                .count())
        .isEqualTo(1.0);
  }

  @Test
  void eventsOfOurOwnChangesAreIgnored() throws Exception {
    WorkerAssembly worker = start(Mode.LIVE, InitialReplay.NEW_ONLY);
    String ours =
        org.server()
            .org()
            .data()
            .insert(
                dev.leadrouter.emulator.org.SObjectType.LEAD,
                webLead("Ours", "Ours Ltd"),
                TestOrg.INTEGRATION_USER)
            .id();
    Map<String, Object> echo = Events.leadCreated(List.of(ours), "Ours Ltd");
    @SuppressWarnings("unchecked")
    Map<String, Object> header =
        (Map<String, Object>) ((Map<String, Object>) echo.get("payload")).get("ChangeEventHeader");
    header.put("changeOrigin", "com/salesforce/api/rest/62.0;client=lead-router");

    org.publish(echo);
    String next = org.createLead(webLead("Next", "Next Ltd"));

    await().atMost(WAIT).until(() -> org.lead(next).get("Routing_Rule__c") != null);
    assertThat(worker.get(RoutingLog.class).findByLead(ours)).isEmpty();
    assertThat(org.lead(ours).get("Routing_Rule__c")).isNull();
  }

  @Test
  void aGapEventIsParkedAndItsReplayReadsTheLeadsAgainAndRoutesThem() throws Exception {
    WorkerAssembly worker = start(Mode.LIVE, InitialReplay.NEW_ONLY);
    String missed =
        org.server()
            .org()
            .data()
            .insert(
                dev.leadrouter.emulator.org.SObjectType.LEAD,
                webLead("Missed", "Missed Ltd"),
                TestOrg.INTEGRATION_USER)
            .id();
    Map<String, Object> gap = Events.leadGapCreated(List.of(missed));

    org.publish(gap);
    DeadLetters deadLetters = worker.get(DeadLetters.class);
    await().atMost(WAIT).until(() -> deadLetters.list().size() == 1);
    assertThat(deadLetters.list().get(0).reason()).contains("gap event", missed);

    DeadLetterReplay.Result result =
        worker.get(DeadLetterReplay.class).replay(deadLetters.list().get(0).id()).orElseThrow();

    assertThat(result.replayed()).as(result.detail()).isTrue();
    assertThat(org.lead(missed).get("Routing_Rule__c"))
        .as("routed on the values read again, not the empty event")
        .isEqualTo("Inbound_Team");
    assertThat(deadLetters.list().get(0).replayed()).isTrue();
  }
}
