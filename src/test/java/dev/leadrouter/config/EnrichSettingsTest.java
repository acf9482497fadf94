package dev.leadrouter.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnrichSettingsTest {

  private static final Path SHIPPED = Path.of("config/application.conf");

  private final WorkerSettingsLoader loader = new WorkerSettingsLoader();

  @TempDir Path dir;

  @Test
  void theShippedFileNeitherWaitsNorCallsAProvider() {
    EnrichSettings enrich = loader.load(SHIPPED, Map.of()).enrich();

    assertThat(enrich.hold().enabled()).isFalse();
    assertThat(enrich.hold().maxWait()).isEqualTo(Duration.ofSeconds(30));
    assertThat(enrich.hold().maxHeld()).isEqualTo(10_000);
    assertThat(enrich.http()).isEmpty();
  }

  @Test
  void aFileWithoutTheSectionGetsNoEnrichment() throws IOException {
    Path conf =
        Files.writeString(
            dir.resolve("old.conf"),
            Files.readString(SHIPPED).replaceAll("(?s)\\n  enrich \\{.*?\\n  \\}\\n", "\n"));
    assertThat(Files.readString(conf)).doesNotContain("enrich {");

    assertThat(loader.load(conf, Map.of()).enrich()).isEqualTo(EnrichSettings.disabled());
  }

  @Test
  void theEnvironmentTurnsOnHoldingAndTheHttpProvider() throws IOException {
    Path key = Files.writeString(dir.resolve("enrich.key"), "k3y-from-file\n");
    Map<String, String> env =
        Map.ofEntries(
            Map.entry("LEAD_ROUTER_ENRICH_HOLD_FIELDS", "Industry, NumberOfEmployees"),
            Map.entry("LEAD_ROUTER_ENRICH_HOLD_MAX_WAIT", "45s"),
            Map.entry("LEAD_ROUTER_ENRICH_HOLD_MAX_HELD", "500"),
            Map.entry("LEAD_ROUTER_ENRICH_PROVIDER", "http"),
            Map.entry("LEAD_ROUTER_ENRICH_HTTP_BASE_URL", "https://api.enrichment.example"),
            Map.entry("LEAD_ROUTER_ENRICH_HTTP_DOMAIN_FROM", "email"),
            Map.entry("LEAD_ROUTER_ENRICH_HTTP_API_KEY_HEADER", "Authorization"),
            Map.entry("LEAD_ROUTER_ENRICH_HTTP_API_KEY_PREFIX", "Bearer"),
            Map.entry("LEAD_ROUTER_ENRICH_HTTP_API_KEY_FILE", key.toString()),
            Map.entry("LEAD_ROUTER_ENRICH_HTTP_READ_TIMEOUT", "750ms"),
            Map.entry("LEAD_ROUTER_ENRICH_HTTP_MAX_ATTEMPTS", "3"));

    EnrichSettings enrich = loader.load(SHIPPED, env).enrich();

    assertThat(enrich.hold())
        .isEqualTo(
            new EnrichmentHoldSettings(
                List.of("Industry", "NumberOfEmployees"), Duration.ofSeconds(45), 500));
    HttpEnrichmentSettings http = enrich.http().orElseThrow();
    assertThat(http.baseUrl()).isEqualTo(URI.create("https://api.enrichment.example"));
    assertThat(http.pathTemplate()).isEqualTo("/v1/companies/{domain}");
    assertThat(http.domainFrom()).containsExactly(DomainSource.EMAIL);
    assertThat(http.apiKeyHeader()).isEqualTo("Authorization");
    assertThat(http.apiKeyPrefix()).isEqualTo("Bearer ");
    assertThat(http.apiKey().orElseThrow().reveal()).isEqualTo("k3y-from-file");
    assertThat(http.readTimeout()).isEqualTo(Duration.ofMillis(750));
    assertThat(http.maxAttempts()).isEqualTo(3);
    assertThat(http.fields())
        .containsEntry("Industry", "industry")
        .containsEntry("NumberOfEmployees", "metrics.employees");
    assertThat(http.toString()).doesNotContain("k3y-from-file");
  }

  @Test
  void badEnrichSettingsAreNamed() throws IOException {
    Path conf =
        confIncludingShipped(
            "lead-router.enrich.provider = http",
            "lead-router.enrich.hold.fields = [Industry, Indstry]",
            "lead-router.enrich.http.path = /v1/companies",
            "lead-router.enrich.http.domain-from = [website, phone]",
            "lead-router.enrich.http.api-key = typed-in-the-file",
            "lead-router.enrich.http.fields.Revenu = revenue");

    assertThatThrownBy(() -> loader.load(conf, Map.of()))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("lead-router.enrich.hold.fields: 'Indstry' is not a Lead field")
        .hasMessageContaining("lead-router.enrich.http.base-url: is missing")
        .hasMessageContaining("lead-router.enrich.http.path: must contain {domain}")
        .hasMessageContaining(
            "lead-router.enrich.http.domain-from: 'phone' must be email or website")
        .hasMessageContaining(
            "lead-router.enrich.http.api-key must come from an environment variable")
        .hasMessageContaining("lead-router.enrich.http.fields.Revenu: is not a Lead field")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("typed-in-the-file"));
  }

  @Test
  void anUnusedProvidersSettingsAreNotChecked() throws IOException {
    Path conf = confIncludingShipped("lead-router.enrich.http.path = no-placeholder");

    assertThat(loader.load(conf, Map.of()).enrich().http()).isEmpty();
  }

  private Path confIncludingShipped(String... lines) throws IOException {
    String include = "include file(\"" + SHIPPED.toAbsolutePath() + "\")";
    return Files.writeString(
        dir.resolve("application.conf"), include + "\n" + String.join("\n", lines) + "\n");
  }
}
