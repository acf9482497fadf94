package dev.leadrouter.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leadrouter.admin.AdminServer;
import dev.leadrouter.admin.HealthStatus;
import dev.leadrouter.config.AdminSettings;
import dev.leadrouter.config.InvalidRuleSetException;
import dev.leadrouter.config.Mode;
import dev.leadrouter.config.Secret;
import dev.leadrouter.route.RuleSet;
import dev.leadrouter.testing.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The provider swaps in good versions, keeps the last good one otherwise, and says so. */
class RuleSetProviderTest {

  private final List<MetadataRecord> sample =
      new SfdxRecordFiles().read(RuleRecordsFixtures.SAMPLE_RECORDS);
  private final AtomicReference<Object> org = new AtomicReference<>(sample);
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T09:00:00Z"));
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final RuleSetProvider provider =
      new RuleSetProvider(new RecordsSource(), Duration.ofMinutes(5), clock, meters);
  private AdminServer server;

  @AfterEach
  void stop() {
    provider.close();
    if (server != null) {
      server.close();
    }
  }

  @Test
  void startsWithTheOrgsRulesAndMode() {
    LoadedRules loaded = provider.start();

    assertThat(loaded.ruleSet().version()).isEqualTo("example-2026-11");
    assertThat(provider.get()).isSameAs(loaded.ruleSet());
    assertThat(provider.mode()).contains(Mode.SHADOW);
    assertThat(new RulesHealth(provider).check().status()).isEqualTo(HealthStatus.UP);
  }

  @Test
  void invalidRulesAtStartStopTheStart() {
    org.set(with("Routing_Rule__mdt.DACH_Queue", "Criteria_Logic__c", "1 AND"));

    assertThatThrownBy(provider::start)
        .isInstanceOf(InvalidRuleSetException.class)
        .hasMessageContaining("Routing_Rule__mdt.DACH_Queue, field Criteria_Logic__c");
    assertThat(new RulesHealth(provider).check().status()).isEqualTo(HealthStatus.DOWN);
  }

  @Test
  void aValidChangeIsSwappedInAndWhatChangedIsSaid() {
    provider.start();
    RuleSet before = provider.get();
    List<MetadataRecord> changed = with("Routing_Rule__mdt.DACH_Queue", "Active__c", false);
    changed = with(changed, "Routing_Rule__mdt.Enterprise_Team", "SLA_Minutes__c", 30);
    changed = with(changed, "Routing_Setting__mdt.Default", "Version__c", "example-2026-12");
    org.set(changed);
    clock.advance(Duration.ofMinutes(5));

    ReloadOutcome outcome = provider.reload();

    assertThat(outcome.kind()).isEqualTo(ReloadOutcome.Kind.APPLIED);
    assertThat(outcome.diff().orElseThrow().rulesRemoved()).containsExactly("DACH_Queue");
    assertThat(outcome.diff().orElseThrow().rulesChanged()).containsExactly("Enterprise_Team");
    assertThat(provider.get()).isNotSameAs(before);
    assertThat(provider.get().version()).isEqualTo("example-2026-12");
    assertThat(provider.state().loadedAt()).contains(clock.instant());
  }

  @Test
  void readingTheSameRulesAgainChangesNothing() {
    provider.start();
    RuleSet before = provider.get();

    assertThat(provider.reload().kind()).isEqualTo(ReloadOutcome.Kind.UNCHANGED);
    assertThat(provider.get()).isSameAs(before);
  }

  @Test
  void anInvalidChangeKeepsTheLastGoodRulesAndShowsOnHealthAndMetrics() {
    provider.start();
    RuleSet good = provider.get();
    org.set(with("Routing_Criterion__mdt.Enterprise_Team_1", "Operator__c", "sort of"));

    ReloadOutcome outcome = provider.reload();

    assertThat(outcome.kind()).isEqualTo(ReloadOutcome.Kind.REJECTED);
    assertThat(outcome.problems())
        .extracting(p -> p.record() + "/" + p.field())
        .containsExactly("Routing_Criterion__mdt.Enterprise_Team_1/Operator__c");
    assertThat(provider.get()).isSameAs(good);
    assertThat(new RulesHealth(provider).check().status()).isEqualTo(HealthStatus.DEGRADED);
    assertThat(new RulesHealth(provider).check().detail()).contains("1 problem");
    assertThat(meters.get("leadrouter.rules.valid").gauge().value()).isZero();
    assertThat(meters.get("leadrouter.rules.problems").gauge().value()).isEqualTo(1.0);
    assertThat(meters.get("leadrouter.rules.reloads").tag("outcome", "rejected").counter().count())
        .isEqualTo(1.0);

    org.set(sample);
    assertThat(provider.reload().kind()).isEqualTo(ReloadOutcome.Kind.UNCHANGED);
    assertThat(new RulesHealth(provider).check().status()).isEqualTo(HealthStatus.UP);
    assertThat(meters.get("leadrouter.rules.valid").gauge().value()).isEqualTo(1.0);
  }

  @Test
  void anUnreachableOrgKeepsTheLastGoodRules() {
    provider.start();
    RuleSet good = provider.get();
    org.set(new IllegalStateException("connection refused"));

    ReloadOutcome outcome = provider.reload();

    assertThat(outcome.kind()).isEqualTo(ReloadOutcome.Kind.FAILED);
    assertThat(provider.get()).isSameAs(good);
    assertThat(new RulesHealth(provider).check().status()).isEqualTo(HealthStatus.DEGRADED);
  }

  @Test
  void refreshesOnItsOwn() {
    RuleSetProvider fast =
        new RuleSetProvider(new RecordsSource(), Duration.ofMillis(20), clock, meters);
    try {
      fast.start();
      fast.startRefreshing();
      org.set(with("Routing_Setting__mdt.Default", "Version__c", "refreshed"));

      await().atMost(Duration.ofSeconds(5)).until(() -> fast.get().version().equals("refreshed"));
    } finally {
      fast.close();
    }
  }

  @Test
  void theAdminEndpointReloadsWithTheToken() throws Exception {
    provider.start();
    server =
        new AdminServer(
                new AdminSettings("127.0.0.1", 0, Optional.of(new Secret("admin-token-123"))),
                Set.of(new RulesHealth(provider)),
                Set.of(new RulesReloadAction(provider)),
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT))
            .start();
    org.set(with("Routing_Setting__mdt.Default", "Version__c", "via-endpoint"));

    assertThat(post(null).statusCode()).isEqualTo(401);
    assertThat(provider.get().version()).isEqualTo("example-2026-11");

    HttpResponse<String> reloaded = post("admin-token-123");
    assertThat(reloaded.statusCode()).isEqualTo(200);
    JsonNode body = new ObjectMapper().readTree(reloaded.body());
    assertThat(body.get("outcome").asText()).isEqualTo("applied");
    assertThat(body.get("version").asText()).isEqualTo("via-endpoint");

    org.set(with("Routing_Rule__mdt.DACH_Queue", "Queue__c", "No_Such_Queue"));
    HttpResponse<String> rejected = post("admin-token-123");
    assertThat(rejected.statusCode()).isEqualTo(422);
    assertThat(rejected.body()).contains("Routing_Rule__mdt.DACH_Queue, field Queue__c");
    assertThat(provider.get().version()).isEqualTo("via-endpoint");
  }

  private HttpResponse<String> post(String token) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(server.uri() + RulesReloadAction.PATH))
            .POST(HttpRequest.BodyPublishers.noBody());
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The records the "org" holds now, or the failure reading them gives. */
  private final class RecordsSource implements RuleSource {
    @Override
    @SuppressWarnings("unchecked")
    public LoadedRules load() {
      Object now = org.get();
      if (now instanceof RuntimeException failure) {
        throw failure;
      }
      return new RecordRuleSets()
          .assemble(RuleRecordsFixtures.exampleRecords((List<MetadataRecord>) now), description());
    }

    @Override
    public String description() {
      return "of the test org";
    }
  }

  private List<MetadataRecord> with(String name, String field, Object value) {
    return with(sample, name, field, value);
  }

  private static List<MetadataRecord> with(
      List<MetadataRecord> records, String name, String field, Object value) {
    List<MetadataRecord> changed = new ArrayList<>();
    for (MetadataRecord record : records) {
      if (record.qualifiedName().equals(name)) {
        Map<String, Object> values = new LinkedHashMap<>(record.values());
        values.put(field, value);
        record = new MetadataRecord(record.type(), record.developerName(), record.label(), values);
      }
      changed.add(record);
    }
    return changed;
  }
}
