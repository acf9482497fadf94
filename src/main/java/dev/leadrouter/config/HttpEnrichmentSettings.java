package dev.leadrouter.config;

import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The HTTP firmographics provider ({@code lead-router.enrich.http}). Safe to print: the API key
 * shows as {@code ****}.
 *
 * @param baseUrl e.g. {@code https://api.enrichment.example}
 * @param pathTemplate path below the base URL with a {@code {domain}} placeholder
 * @param domainFrom lead fields to take the domain from, first usable wins
 * @param apiKeyHeader request header that carries the key, e.g. {@code Authorization}
 * @param apiKeyPrefix text before the key in that header, e.g. {@code "Bearer "}; may be empty
 * @param apiKey the key, from a file or the environment; none when the API is open
 * @param connectTimeout to open a connection
 * @param readTimeout for the whole answer of one request
 * @param maxAttempts attempts per lookup, the first included
 * @param retryWait wait before a retry, doubling each time
 * @param circuitFailureRatePercent failed lookups (percent of the recent ones) that open the
 *     circuit
 * @param circuitMinimumCalls lookups needed before the failure rate counts
 * @param circuitOpenFor how long an open circuit skips the provider before trying again
 * @param cacheSize company domains remembered at most
 * @param cacheTtl how long a found company is remembered
 * @param notFoundTtl how long an unknown domain (404) is remembered
 * @param fields Lead field (API name) to the answer's value, as a dotted path such as {@code
 *     metrics.employees}
 */
public record HttpEnrichmentSettings(
    URI baseUrl,
    String pathTemplate,
    List<DomainSource> domainFrom,
    String apiKeyHeader,
    String apiKeyPrefix,
    Optional<Secret> apiKey,
    Duration connectTimeout,
    Duration readTimeout,
    int maxAttempts,
    Duration retryWait,
    int circuitFailureRatePercent,
    int circuitMinimumCalls,
    Duration circuitOpenFor,
    int cacheSize,
    Duration cacheTtl,
    Duration notFoundTtl,
    Map<String, String> fields) {

  /** The placeholder {@link #pathTemplate()} must hold. */
  public static final String DOMAIN_PLACEHOLDER = "{domain}";

  public HttpEnrichmentSettings {
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(pathTemplate, "pathTemplate");
    if (!pathTemplate.contains(DOMAIN_PLACEHOLDER)) {
      throw new IllegalArgumentException("pathTemplate must contain " + DOMAIN_PLACEHOLDER);
    }
    domainFrom = List.copyOf(domainFrom);
    if (domainFrom.isEmpty()) {
      throw new IllegalArgumentException("domainFrom must name at least one source");
    }
    Objects.requireNonNull(apiKeyHeader, "apiKeyHeader");
    Objects.requireNonNull(apiKeyPrefix, "apiKeyPrefix");
    Objects.requireNonNull(apiKey, "apiKey");
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(readTimeout, "readTimeout");
    Objects.requireNonNull(retryWait, "retryWait");
    Objects.requireNonNull(circuitOpenFor, "circuitOpenFor");
    Objects.requireNonNull(cacheTtl, "cacheTtl");
    Objects.requireNonNull(notFoundTtl, "notFoundTtl");
    if (maxAttempts < 1 || circuitMinimumCalls < 1 || cacheSize < 0) {
      throw new IllegalArgumentException("attempts and minimum calls must be at least 1");
    }
    if (circuitFailureRatePercent < 1 || circuitFailureRatePercent > 100) {
      throw new IllegalArgumentException("circuitFailureRatePercent must be 1 to 100");
    }
    fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    if (fields.isEmpty()) {
      throw new IllegalArgumentException("fields must map at least one Lead field");
    }
  }
}
