package dev.leadrouter.enrich;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import dev.leadrouter.config.DomainSource;
import dev.leadrouter.config.HttpEnrichmentSettings;
import dev.leadrouter.config.SecureTransport;
import dev.leadrouter.lead.Lead;
import dev.leadrouter.normalize.DomainNormalizer;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Firmographics from an HTTP API, looked up by the lead's company domain.
 *
 * <p>Answers are cached by domain with Caffeine. That is where the savings are: leads arrive in
 * clusters from the same companies (several people from one account fill in a form, a webinar list
 * holds dozens per customer), so most lookups are hits and cost neither a call to a metered API nor
 * its latency. Unknown domains (404) are cached too, for a shorter time, because an unknown domain
 * stays unknown for a while and would otherwise be asked for on every lead.
 *
 * <p>Each lookup is retried on transient failures (timeouts, 429, 5xx) and runs behind a circuit
 * breaker: when the provider keeps failing, the circuit opens and leads go on without enrichment at
 * once instead of each waiting for timeouts. Failures are not cached, so the next lead tries again.
 */
public final class HttpEnrichmentProvider implements Enricher {

  private static final Logger log = LoggerFactory.getLogger(HttpEnrichmentProvider.class);

  private final HttpEnrichmentSettings settings;
  private final DomainNormalizer domains;
  private final CompanyLookup lookup;
  private final Retry retry;
  private final CircuitBreaker circuit;
  private final Cache<String, Optional<Map<String, String>>> byDomain;
  private final String source;

  public HttpEnrichmentProvider(
      HttpEnrichmentSettings settings, DomainNormalizer domains, Clock clock) {
    this.settings = settings;
    this.domains = domains;
    HttpClient http =
        SecureTransport.httpClient()
            .connectTimeout(settings.connectTimeout())
            // A redirect would carry the API key to wherever it points; answer it as a failure.
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    this.lookup = new CompanyLookup(settings, http);
    this.retry =
        Retry.of(
            "enrichment",
            RetryConfig.custom()
                .maxAttempts(settings.maxAttempts())
                .intervalFunction(IntervalFunction.ofExponentialBackoff(settings.retryWait(), 2.0))
                .retryOnException(
                    failure -> failure instanceof ProviderFailure known && known.retriable())
                .build());
    this.circuit =
        CircuitBreaker.of(
            "enrichment",
            CircuitBreakerConfig.custom()
                .clock(clock)
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(Math.max(settings.circuitMinimumCalls(), 10))
                .minimumNumberOfCalls(settings.circuitMinimumCalls())
                .failureRateThreshold(settings.circuitFailureRatePercent())
                .waitDurationInOpenState(settings.circuitOpenFor())
                .permittedNumberOfCallsInHalfOpenState(1)
                .recordExceptions(ProviderFailure.class)
                .build());
    this.byDomain =
        Caffeine.newBuilder()
            .maximumSize(settings.cacheSize())
            .expireAfter(
                Expiry.<String, Optional<Map<String, String>>>creating(
                    (domain, found) ->
                        found.isPresent() ? settings.cacheTtl() : settings.notFoundTtl()))
            // Expiry follows the injected clock, so tests can age entries exactly.
            .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
            .build();
    this.source = "http:" + settings.baseUrl().getHost();
  }

  @Override
  public EnrichmentResult enrich(Lead lead) {
    Set<String> blank = new LinkedHashSet<>();
    settings.fields().keySet().stream()
        .filter(field -> lead.get(field) == null)
        .forEach(blank::add);
    if (blank.isEmpty()) {
      return EnrichmentResult.unchanged(lead, source, EnrichmentOutcome.NOTHING_NEW);
    }
    Optional<String> domain = companyDomain(lead);
    if (domain.isEmpty()) {
      return EnrichmentResult.unchanged(lead, source, EnrichmentOutcome.NO_DOMAIN);
    }
    Optional<Map<String, String>> company;
    try {
      company = byDomain.get(domain.get(), this::lookUp);
    } catch (CallNotPermittedException open) {
      log.debug("enrichment circuit open; lead {} goes on without enrichment", lead.id());
      return EnrichmentResult.unchanged(lead, source, EnrichmentOutcome.UNAVAILABLE);
    } catch (ProviderFailure failed) {
      log.warn("lead {} goes on without enrichment: {}", lead.id(), failed.getMessage());
      return EnrichmentResult.unchanged(lead, source, EnrichmentOutcome.UNAVAILABLE);
    }
    if (company.isEmpty()) {
      return EnrichmentResult.unchanged(lead, source, EnrichmentOutcome.NOT_FOUND);
    }
    Map<String, String> added = new LinkedHashMap<>();
    company
        .get()
        .forEach(
            (field, value) -> {
              if (blank.contains(field)) {
                added.put(field, value);
              }
            });
    if (added.isEmpty()) {
      return EnrichmentResult.unchanged(lead, source, EnrichmentOutcome.NOTHING_NEW);
    }
    Lead enriched = lead;
    for (Map.Entry<String, String> field : added.entrySet()) {
      enriched = enriched.with(field.getKey(), field.getValue());
    }
    return new EnrichmentResult(enriched, source, added, EnrichmentOutcome.ENRICHED);
  }

  /** False while the circuit is open and leads go on without asking the provider. */
  @Override
  public boolean available() {
    return circuit.getState() != CircuitBreaker.State.OPEN
        && circuit.getState() != CircuitBreaker.State.FORCED_OPEN;
  }

  private Optional<Map<String, String>> lookUp(String domain) {
    Supplier<Optional<Map<String, String>>> retried =
        Retry.decorateSupplier(retry, () -> lookup.fetch(domain));
    return circuit.executeSupplier(retried);
  }

  private Optional<String> companyDomain(Lead lead) {
    for (DomainSource from : settings.domainFrom()) {
      Optional<String> domain =
          switch (from) {
            case WEBSITE -> domains.fromWebsite(lead.get("Website"));
            case EMAIL -> domains.fromEmail(lead.get("Email"));
          };
      // A free-mail domain says nothing about the company: never look gmail.com up.
      Optional<String> company = domain.filter(d -> !domains.isFreeMail(d));
      if (company.isPresent()) {
        return company;
      }
    }
    return Optional.empty();
  }
}
