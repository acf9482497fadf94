package dev.leadrouter.enrich;

import dev.leadrouter.config.DomainSource;
import dev.leadrouter.config.HttpEnrichmentSettings;
import dev.leadrouter.config.Secret;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * HTTP enrichment provider settings for tests: the key as a bearer token, retries 5 ms apart, a
 * circuit that opens at half of four lookups failing, a cache of 1,000 domains; what a test varies
 * is a parameter.
 */
final class TestProviderSettings {

  private TestProviderSettings() {}

  static HttpEnrichmentSettings of(
      URI baseUrl,
      List<DomainSource> domainFrom,
      String apiKey,
      Duration connectTimeout,
      Duration readTimeout,
      int maxAttempts,
      Map<String, String> fields) {
    return new HttpEnrichmentSettings(
        baseUrl,
        "/v1/companies/{domain}",
        domainFrom,
        "Authorization",
        "Bearer ",
        Optional.of(new Secret(apiKey)),
        connectTimeout,
        readTimeout,
        maxAttempts,
        Duration.ofMillis(5),
        50,
        4,
        Duration.ofSeconds(30),
        1000,
        Duration.ofHours(24),
        Duration.ofHours(1),
        fields);
  }
}
