package dev.leadrouter.enrich;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.leadrouter.config.DomainSource;
import dev.leadrouter.config.HttpEnrichmentSettings;
import dev.leadrouter.config.SecureTransport;
import dev.leadrouter.lead.Lead;
import dev.leadrouter.normalize.DomainNormalizer;
import dev.leadrouter.testing.MutableClock;
import dev.leadrouter.testing.UntrustedHttps;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The enrichment client refuses a provider whose certificate no trusted authority signed, on a host
 * that is not loopback: the lookup fails (and is not retried) with a message that says so and holds
 * no API key, and the lead goes on unenriched.
 */
class EnrichmentTlsIT {

  @RegisterExtension
  static final WireMockExtension PROVIDER =
      WireMockExtension.newInstance().options(UntrustedHttps.server()).build();

  private static final String API_KEY = "enrich-key-never-shown";

  private final String host = UntrustedHttps.nonLoopbackHost();

  @Test
  void theLookupIsRefusedAsUntrustedAndNotRetried() {
    PROVIDER.stubFor(any(anyUrl()).willReturn(okJson("{\"industry\": \"Manufacturing\"}")));
    CompanyLookup lookup = new CompanyLookup(settings(), SecureTransport.httpClient().build());

    Throwable failure = catchThrowable(() -> lookup.fetch("acme.com"));

    assertThat(failure)
        .isInstanceOfSatisfying(
            ProviderFailure.class, refused -> assertThat(refused.retriable()).isFalse())
        .hasMessageContaining("TLS certificate of " + host + " is not trusted")
        .hasMessageNotContaining(API_KEY);
    assertThat(PROVIDER.getAllServeEvents()).isEmpty();
  }

  @Test
  void theProviderLeavesTheLeadUnenriched() {
    PROVIDER.stubFor(any(anyUrl()).willReturn(okJson("{\"industry\": \"Manufacturing\"}")));
    HttpEnrichmentProvider provider =
        new HttpEnrichmentProvider(
            settings(),
            new DomainNormalizer(),
            new MutableClock(Instant.parse("2026-11-04T15:00:00Z")));

    EnrichmentResult result = provider.enrich(Lead.of("00Q1", Map.of("Email", "ann@acme.com")));

    assertThat(result.added()).isEmpty();
    assertThat(result.outcome()).isEqualTo(EnrichmentOutcome.UNAVAILABLE);
  }

  private HttpEnrichmentSettings settings() {
    return TestProviderSettings.of(
        URI.create("https://" + host + ":" + PROVIDER.getRuntimeInfo().getHttpsPort()),
        List.of(DomainSource.EMAIL),
        API_KEY,
        Duration.ofSeconds(5),
        Duration.ofSeconds(5),
        3,
        Map.of("Industry", "industry"));
  }
}
