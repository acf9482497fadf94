package dev.leadrouter.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import dev.leadrouter.config.AuthMethod;
import dev.leadrouter.config.ClockModule;
import dev.leadrouter.config.SalesforceSettings;
import dev.leadrouter.config.Secret;
import dev.leadrouter.emulator.faults.Faults;
import dev.leadrouter.emulator.org.Org;
import dev.leadrouter.salesforce.ErrorKind;
import dev.leadrouter.salesforce.RestClient;
import dev.leadrouter.salesforce.SalesforceModule;
import dev.leadrouter.salesforce.SaveResult;
import dev.leadrouter.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Our REST client (the worker's) meets the emulator's injected faults and copes as designed. */
class SalesforceClientFaultsIT {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-08T09:30:00Z"));
  private OrgServer server;
  private RestClient rest;

  @BeforeEach
  void start() throws Exception {
    server = new OrgServer(OrgServer.Settings.defaults(clock), Org.small(clock)).start();
    SalesforceSettings settings =
        new SalesforceSettings(
            server.instanceUrl(),
            Optional.empty(),
            "62.0",
            AuthMethod.CLIENT_CREDENTIALS,
            Optional.of("3MVG9EmulatorLeadRouterClientId"),
            Optional.empty(),
            Optional.empty(),
            Optional.of(new Secret("emulator-secret")),
            Optional.empty(),
            "lead-router");
    rest =
        Guice.createInjector(
                new ClockModule(clock),
                new SalesforceModule(),
                new AbstractModule() {
                  @Override
                  protected void configure() {
                    bind(SalesforceSettings.class).toInstance(settings);
                  }
                })
            .getInstance(RestClient.class);
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  @Test
  void a503BurstIsRetriedAway() {
    server.faults().set("503-burst=2/1h");

    List<JsonNode> leads = rest.query("SELECT Id FROM Lead").toList();

    assertThat(leads).hasSize(3);
    assertThat(server.faults().injected()).containsEntry(Faults.Kind.UNAVAILABLE, 2L);
  }

  @Test
  void anExpiredSessionIsRenewedAndTheCallSucceeds() {
    server.faults().set("session-expiry=5m");
    assertThat(rest.query("SELECT Id FROM Lead").count()).isEqualTo(3);

    clock.advance(Duration.ofMinutes(6));
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> server.faults().injected().containsKey(Faults.Kind.SESSION_EXPIRED));

    assertThat(rest.query("SELECT Id FROM Lead").count()).isEqualTo(3);
  }

  @Test
  void aLockedRowIsReportedAsRetryableForThatRecordOnly() {
    List<String> ids = rest.query("SELECT Id FROM Lead").map(l -> l.get("Id").asText()).toList();
    server.faults().set("lock=1");

    List<SaveResult> results =
        rest.update("Lead", List.of(Map.of("Id", ids.get(0), "Status", "Working - Contacted")));

    assertThat(results.get(0).success()).isFalse();
    assertThat(results.get(0).errors().get(0).code()).isEqualTo("UNABLE_TO_LOCK_ROW");
    assertThat(results.get(0).failureKind()).hasValue(ErrorKind.RETRYABLE);
  }
}
