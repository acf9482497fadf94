package dev.leadrouter.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.leadrouter.config.ConfigModule;
import dev.leadrouter.config.WorkerSettingsLoader;
import dev.leadrouter.lead.Lead;
import dev.leadrouter.normalize.NormalizeModule;
import dev.leadrouter.testing.MutableClock;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnrichModuleTest {

  private static final Path SHIPPED = Path.of("config/application.conf");

  @Test
  void theShippedSettingsWireAnEnricherThatAddsNothingAndAHoldThatWaitsForNothing() {
    Injector injector = injector(Map.of());

    Lead lead = Lead.of("00Q1", Map.of("Email", "ann@acme.com"));
    assertThat(injector.getInstance(Enricher.class).enrich(lead).outcome())
        .isEqualTo(EnrichmentOutcome.OFF);
    assertThat(injector.getInstance(HoldUntilEnriched.class).hold("00Q1", lead)).hasSize(1);
    assertThat(injector.getInstance(HoldUntilEnriched.class))
        .isSameAs(injector.getInstance(HoldUntilEnriched.class));
  }

  @Test
  void theHttpProviderIsWiredWhenConfigured() {
    Injector injector =
        injector(
            Map.of(
                "LEAD_ROUTER_ENRICH_PROVIDER", "http",
                "LEAD_ROUTER_ENRICH_HTTP_BASE_URL", "http://127.0.0.1:9",
                "LEAD_ROUTER_ENRICH_HOLD_FIELDS", "Industry"));

    assertThat(injector.getInstance(Enricher.class)).isInstanceOf(HttpEnrichmentProvider.class);
    assertThat(
            injector.getInstance(HoldUntilEnriched.class).hold("00Q1", Lead.of("00Q1", Map.of())))
        .isEmpty();
  }

  private static Injector injector(Map<String, String> env) {
    return Guice.createInjector(
        new ConfigModule(new WorkerSettingsLoader().load(SHIPPED, env)),
        new NormalizeModule(),
        new EnrichModule(),
        new AbstractModule() {
          @Override
          protected void configure() {
            bind(Clock.class).toInstance(new MutableClock(Instant.parse("2026-11-04T15:00:00Z")));
          }
        });
  }
}
