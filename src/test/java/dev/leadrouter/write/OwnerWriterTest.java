package dev.leadrouter.write;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.util.Modules;
import dev.leadrouter.config.AuthMethod;
import dev.leadrouter.config.ClockModule;
import dev.leadrouter.config.Mode;
import dev.leadrouter.config.PipelineSettings;
import dev.leadrouter.config.SalesforceSettings;
import dev.leadrouter.config.Secret;
import dev.leadrouter.config.StoreSettings;
import dev.leadrouter.lead.SalesforceId;
import dev.leadrouter.route.Decision;
import dev.leadrouter.route.Owner;
import dev.leadrouter.route.ReasonCode;
import dev.leadrouter.salesforce.SalesforceClientSettings;
import dev.leadrouter.salesforce.SalesforceModule;
import dev.leadrouter.score.LeadScore;
import dev.leadrouter.store.Database;
import dev.leadrouter.store.DecisionStatus;
import dev.leadrouter.store.Fence;
import dev.leadrouter.store.FencedException;
import dev.leadrouter.store.LeaseValidity;
import dev.leadrouter.store.RoutingLog;
import dev.leadrouter.store.StoreModule;
import dev.leadrouter.store.WorkerLease;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The writer against a Salesforce stub that is down for a while: the update outlives the client's
 * and the batch's retries, stays planned, and is sent again once Salesforce answers.
 */
class OwnerWriterTest {

  @RegisterExtension
  static final WireMockExtension SALESFORCE =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  // The lead of the documented Collections answer below.
  private static final String LEAD = "00Q5f000005bwLGEAY";
  private static final String COLLECTIONS = "/services/data/v62.0/composite/sobjects";
  private static final Instant NOW = Instant.parse("2026-03-09T10:00:00Z");

  @TempDir Path scratch;
  private Injector injector;
  private OwnerWriter writer;

  @BeforeEach
  void wire() throws IOException {
    SALESFORCE.stubFor(
        post(urlPathEqualTo("/services/oauth2/token"))
            .willReturn(json(200, "oauth-client-credentials.json")));
    SalesforceSettings org =
        new SalesforceSettings(
            URI.create(SALESFORCE.baseUrl()),
            Optional.empty(),
            "62.0",
            AuthMethod.CLIENT_CREDENTIALS,
            Optional.of("3MVG9client"),
            Optional.empty(),
            Optional.empty(),
            Optional.of(new Secret("consumer-secret-value")),
            Optional.empty(),
            "lead-router");
    WriterSettings settings =
        WriterSettings.from(new PipelineSettings(100, 200, 2000))
            .withRetries(2, Duration.ofMillis(1), Duration.ofMillis(200));
    injector =
        Guice.createInjector(
            Modules.override(
                    new ClockModule(Clock.fixed(NOW, ZoneOffset.UTC)),
                    new SalesforceModule(
                        new SalesforceClientSettings(
                            Duration.ofSeconds(2),
                            Duration.ofSeconds(5),
                            2,
                            Duration.ofMillis(1),
                            2.0,
                            0.5,
                            2,
                            Duration.ofMillis(5))),
                    new StoreModule(),
                    new WriteModule(),
                    new AbstractModule() {
                      @Override
                      protected void configure() {
                        bind(SalesforceSettings.class).toInstance(org);
                        bind(StoreSettings.class)
                            .toInstance(
                                new StoreSettings(
                                    "jdbc:h2:file:"
                                        + scratch.resolve("store").toAbsolutePath()
                                        + ";MODE=PostgreSQL",
                                    Optional.empty(),
                                    Optional.empty(),
                                    2));
                        bind(PipelineSettings.class)
                            .toInstance(new PipelineSettings(100, 200, 2000));
                        bind(UpstreamBacklog.class).toInstance(() -> 0);
                        bind(MeterRegistry.class).toInstance(new SimpleMeterRegistry());
                      }
                    })
                .with(
                    new AbstractModule() {
                      @Override
                      protected void configure() {
                        bind(WriterSettings.class).toInstance(settings);
                      }
                    }));
    writer = injector.getInstance(OwnerWriter.class);
  }

  @AfterEach
  void close() throws Exception {
    writer.close(Duration.ofSeconds(5));
    injector.getInstance(Database.class).close();
  }

  @Test
  void anUpdateSalesforceKeptRefusingStaysPlannedAndIsSentAgainLater() throws Exception {
    StubMapping down =
        SALESFORCE.stubFor(
            patch(urlPathEqualTo(COLLECTIONS))
                .willReturn(aResponse().withStatus(503).withBody("Service Unavailable")));
    RoutingLog log = injector.getInstance(RoutingLog.class);
    Decision decision = decision();
    long id = log.record(decision, Mode.LIVE);
    MeterRegistry meters = injector.getInstance(MeterRegistry.class);

    writer.start();
    writer.submit(OwnerUpdate.of(id, decision, null));

    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                meters
                        .counter("leadrouter.writes", "path", "collections", "outcome", "deferred")
                        .count()
                    >= 1);
    assertThat(log.findByLead(LEAD).get(0).status()).isEqualTo(DecisionStatus.PLANNED);

    SALESFORCE.removeStub(down);
    SALESFORCE.stubFor(
        patch(urlPathEqualTo(COLLECTIONS))
            .willReturn(json(200, "collections-update-retried.json")));

    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> log.findByLead(LEAD).get(0).status() == DecisionStatus.WRITTEN);
    assertThat(log.findByLead(LEAD).get(0).writtenAt()).isEqualTo(NOW);
  }

  @Test
  void aWorkerThatIsNotTheActiveOneSendsNoBatchAndKeepsItPlanned() {
    SALESFORCE.stubFor(
        patch(urlPathEqualTo(COLLECTIONS))
            .willReturn(aResponse().withStatus(500).withBody("must not be called")));
    RoutingLog log = injector.getInstance(RoutingLog.class);
    Decision decision = decision();
    long id = log.record(decision, Mode.LIVE);
    // A standby's lease: it refuses without asking the database.
    WorkerLease standby = new WorkerLease(injector.getInstance(Database.class), "standby");
    standby.standBy();
    BatchWriter fenced = writerWith(log, WriteListener.NONE, standby);
    OwnerUpdate update = OwnerUpdate.of(id, decision, null);

    assertThat(fenced.write(List.of(update), BatchWriter.Path.COLLECTIONS))
        .as("handed back, to try again should the lease come back")
        .containsExactly(update);
    SALESFORCE.verify(0, patchRequestedFor(urlPathEqualTo(COLLECTIONS)));
    assertThat(log.findByLead(LEAD).get(0).status()).isEqualTo(DecisionStatus.PLANNED);
  }

  @Test
  void aBatchIsNotSentWhenTheLeaseRanOutByTheWorkersOwnClockAfterTheEpochCheckPassed() {
    SALESFORCE.stubFor(
        patch(urlPathEqualTo(COLLECTIONS))
            .willReturn(aResponse().withStatus(500).withBody("must not be called")));
    RoutingLog log = injector.getInstance(RoutingLog.class);
    Decision decision = decision();
    long id = log.record(decision, Mode.LIVE);
    AtomicLong ticker = new AtomicLong();
    LeaseValidity validity = new LeaseValidity(Duration.ofSeconds(6), ticker::get);
    validity.renewed(validity.now());
    // The database's epoch check passes, as it did for the worker paused right after it; only the
    // worker's own clock tells that the pause outlasted the lease.
    Fence epochStillCurrent =
        new Fence() {
          @Override
          public void check(java.sql.Connection transaction) {}

          @Override
          public void checkHeld() {}

          @Override
          public void checkUnexpired() {
            if (!validity.holds()) {
              throw new FencedException("the lease ran out");
            }
          }
        };
    // Paused while the batch is built, after the epoch check: SIGSTOP for longer than the ttl.
    WriteListener pausedWhileBuilding =
        new WriteListener() {
          @Override
          public Map<String, Object> extraLeadFields(OwnerUpdate update) {
            ticker.addAndGet(Duration.ofSeconds(7).toNanos());
            return Map.of();
          }
        };
    BatchWriter writer = writerWith(log, pausedWhileBuilding, epochStillCurrent);
    OwnerUpdate update = OwnerUpdate.of(id, decision, null);

    assertThat(writer.write(List.of(update), BatchWriter.Path.COLLECTIONS))
        .as("handed back, not sent")
        .containsExactly(update);
    SALESFORCE.verify(0, patchRequestedFor(urlPathEqualTo(COLLECTIONS)));
    assertThat(log.findByLead(LEAD).get(0).status()).isEqualTo(DecisionStatus.PLANNED);
  }

  private static Decision decision() {
    return new Decision(
        LEAD,
        Owner.user(new SalesforceId("005000000000001"), "Alice"),
        "Direct",
        List.of(ReasonCode.DIRECT_USER),
        List.of(),
        List.of(),
        Map.of(),
        LeadScore.NONE,
        null,
        null,
        false,
        NOW,
        "v1",
        List.of());
  }

  /** A documented fixture, its citing comment lines dropped, pointed at the stub. */
  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(
      int status, String fixture) throws IOException {
    String body =
        Files.readAllLines(Path.of("src/test/resources/salesforce", fixture)).stream()
            .filter(line -> !line.startsWith("//"))
            .collect(Collectors.joining("\n"))
            .replace("https://acme.my.salesforce.com", SALESFORCE.baseUrl());
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/json;charset=UTF-8")
        .withBody(body);
  }

  /** A writer on this test's org stub and store, with its own listener and fence. */
  private BatchWriter writerWith(RoutingLog log, WriteListener listener, Fence fence) {
    return new BatchWriter(
        injector.getInstance(dev.leadrouter.salesforce.RestClient.class),
        injector.getInstance(dev.leadrouter.salesforce.BulkClient.class),
        log,
        injector.getInstance(dev.leadrouter.salesforce.ApiBudget.class),
        injector.getInstance(WriterSettings.class),
        injector.getInstance(MeterRegistry.class),
        Clock.fixed(NOW, ZoneOffset.UTC),
        listener,
        fence);
  }
}
