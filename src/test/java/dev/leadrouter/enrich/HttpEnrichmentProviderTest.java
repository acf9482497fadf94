package dev.leadrouter.enrich;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.leadrouter.config.DomainSource;
import dev.leadrouter.config.HttpEnrichmentSettings;
import dev.leadrouter.lead.Lead;
import dev.leadrouter.normalize.DomainNormalizer;
import dev.leadrouter.testing.MutableClock;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The HTTP provider over real HTTP against WireMock. The provider's JSON is a made-up, typical
 * company-lookup shape; what the tests pin down is our side: mapping, caching, retries, circuit.
 */
class HttpEnrichmentProviderTest {

  @RegisterExtension
  static final WireMockExtension PROVIDER =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final String API_KEY = "enrich-key-123";
  private static final String ACME =
      """
      {"domain": "acme.com", "industry": "Manufacturing",
       "metrics": {"employees": 1200, "annualRevenue": 2.5E8},
       "geo": {"country": "DE"}}
      """;

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-04T15:00:00Z"));
  private final DomainNormalizer domains = new DomainNormalizer();

  @Test
  void fillsTheBlankFieldsFromTheAnswerAndKeepsTheLeadsOwn() {
    PROVIDER.stubFor(
        get(urlEqualTo("/v1/companies/acme.com"))
            .withHeader("Authorization", equalTo("Bearer " + API_KEY))
            .willReturn(okJson(ACME)));
    Enricher enricher = provider(settings());

    EnrichmentResult result =
        enricher.enrich(
            lead("00Q1", "Website", "https://www.acme.com/about", "Country", "Germany"));

    assertThat(result.outcome()).isEqualTo(EnrichmentOutcome.ENRICHED);
    assertThat(result.added())
        .containsExactly(
            Map.entry("Industry", "Manufacturing"),
            Map.entry("NumberOfEmployees", "1200"),
            Map.entry("AnnualRevenue", "250000000"));
    assertThat(result.lead().get("Industry")).isEqualTo("Manufacturing");
    assertThat(result.lead().get("Country")).isEqualTo("Germany");
    assertThat(result.fromEnrichment("industry")).isTrue();
    assertThat(result.fromEnrichment("Country")).isFalse();
    assertThat(result.source()).isEqualTo("http:localhost");
  }

  @Test
  void leadsOfOneCompanyCostOneCall() {
    PROVIDER.stubFor(get(urlEqualTo("/v1/companies/acme.com")).willReturn(okJson(ACME)));
    PROVIDER.stubFor(
        get(urlEqualTo("/v1/companies/globex.com"))
            .willReturn(okJson("{\"industry\": \"Technology\"}")));
    Enricher enricher = provider(settings());

    for (String email : List.of("ann@acme.com", "bo@sales.acme.com", "cy@acme.com")) {
      assertThat(enricher.enrich(lead("00Q" + email.length(), "Email", email)).outcome())
          .isEqualTo(EnrichmentOutcome.ENRICHED);
    }
    assertThat(enricher.enrich(lead("00Q9", "Email", "dee@globex.com")).added())
        .containsExactly(Map.entry("Industry", "Technology"));

    PROVIDER.verify(1, getRequestedFor(urlEqualTo("/v1/companies/acme.com")));
    PROVIDER.verify(1, getRequestedFor(urlEqualTo("/v1/companies/globex.com")));
  }

  @Test
  void anUnknownDomainIsRememberedForTheShorterTime() {
    PROVIDER.stubFor(
        get(urlEqualTo("/v1/companies/initech.com")).willReturn(aResponse().withStatus(404)));
    PROVIDER.stubFor(get(urlEqualTo("/v1/companies/acme.com")).willReturn(okJson(ACME)));
    Enricher enricher = provider(settings());
    Lead initech = lead("00Q1", "Email", "li@initech.com");
    Lead acme = lead("00Q2", "Email", "ann@acme.com");

    assertThat(enricher.enrich(initech).outcome()).isEqualTo(EnrichmentOutcome.NOT_FOUND);
    assertThat(enricher.enrich(acme).outcome()).isEqualTo(EnrichmentOutcome.ENRICHED);
    assertThat(enricher.enrich(initech).outcome()).isEqualTo(EnrichmentOutcome.NOT_FOUND);
    PROVIDER.verify(1, getRequestedFor(urlEqualTo("/v1/companies/initech.com")));

    clock.advance(Duration.ofHours(1).plusSeconds(1)); // past not-found-ttl, within cache-ttl
    enricher.enrich(initech);
    enricher.enrich(acme);

    PROVIDER.verify(2, getRequestedFor(urlEqualTo("/v1/companies/initech.com")));
    PROVIDER.verify(1, getRequestedFor(urlEqualTo("/v1/companies/acme.com")));
  }

  @Test
  void aServerErrorIsRetriedUntilTheAnswerComes() {
    PROVIDER.stubFor(
        get(urlEqualTo("/v1/companies/acme.com"))
            .inScenario("flaky")
            .whenScenarioStateIs(STARTED)
            .willReturn(aResponse().withStatus(503))
            .willSetStateTo("recovered"));
    PROVIDER.stubFor(
        get(urlEqualTo("/v1/companies/acme.com"))
            .inScenario("flaky")
            .whenScenarioStateIs("recovered")
            .willReturn(okJson(ACME)));

    EnrichmentResult result = provider(settings()).enrich(lead("00Q1", "Email", "ann@acme.com"));

    assertThat(result.outcome()).isEqualTo(EnrichmentOutcome.ENRICHED);
    PROVIDER.verify(2, getRequestedFor(urlEqualTo("/v1/companies/acme.com")));
  }

  @Test
  void aSlowProviderTimesOutAndTheLeadGoesOnWithoutEnrichment() {
    PROVIDER.stubFor(
        get(urlEqualTo("/v1/companies/acme.com")).willReturn(okJson(ACME).withFixedDelay(3_000)));
    Enricher enricher = provider(settings(Duration.ofMillis(300)));
    Lead lead = lead("00Q1", "Email", "ann@acme.com");

    long started = System.nanoTime();
    EnrichmentResult result = enricher.enrich(lead);
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertThat(result.outcome()).isEqualTo(EnrichmentOutcome.UNAVAILABLE);
    assertThat(result.lead()).isEqualTo(lead);
    // Two attempts of 300 ms and a short wait, far below the provider's 3 s per answer.
    assertThat(took).isLessThan(Duration.ofMillis(2_500));
    PROVIDER.verify(2, getRequestedFor(urlEqualTo("/v1/companies/acme.com")));
  }

  @Test
  void aRejectedKeyIsNotRetriedNorCached() {
    PROVIDER.stubFor(
        get(urlEqualTo("/v1/companies/acme.com")).willReturn(aResponse().withStatus(401)));
    Enricher enricher = provider(settings());

    assertThat(enricher.enrich(lead("00Q1", "Email", "ann@acme.com")).outcome())
        .isEqualTo(EnrichmentOutcome.UNAVAILABLE);
    PROVIDER.verify(1, getRequestedFor(urlEqualTo("/v1/companies/acme.com")));
    enricher.enrich(lead("00Q2", "Email", "bo@acme.com"));
    PROVIDER.verify(2, getRequestedFor(urlEqualTo("/v1/companies/acme.com")));
  }

  @Test
  void aRedirectIsNotFollowedSoTheKeyStaysWithTheProvider() {
    PROVIDER.stubFor(
        get(urlEqualTo("/v1/companies/acme.com"))
            .willReturn(aResponse().withStatus(302).withHeader("Location", "/elsewhere")));

    assertThat(provider(settings()).enrich(lead("00Q1", "Email", "ann@acme.com")).outcome())
        .isEqualTo(EnrichmentOutcome.UNAVAILABLE);
    PROVIDER.verify(0, getRequestedFor(urlEqualTo("/elsewhere")));
  }

  @Test
  void theCircuitOpensAfterRepeatedFailuresAndClosesWhenTheProviderRecovers() {
    PROVIDER.stubFor(
        get(urlPathMatching("/v1/companies/.*")).willReturn(aResponse().withStatus(500)));
    Enricher enricher = provider(settings());

    for (String company : List.of("a1.com", "b2.com", "c3.com", "d4.com")) {
      assertThat(enricher.enrich(lead("00Q1", "Email", "x@" + company)).outcome())
          .isEqualTo(EnrichmentOutcome.UNAVAILABLE);
    }
    // Four failed lookups of two attempts each opened the circuit...
    PROVIDER.verify(8, getRequestedFor(urlPathMatching("/v1/companies/.*")));
    assertThat(enricher.available()).isFalse();
    // ...so the next leads go on at once, without a call.
    assertThat(enricher.enrich(lead("00Q5", "Email", "x@e5.com")).outcome())
        .isEqualTo(EnrichmentOutcome.UNAVAILABLE);
    PROVIDER.verify(8, getRequestedFor(urlPathMatching("/v1/companies/.*")));

    PROVIDER.resetAll();
    PROVIDER.stubFor(get(urlEqualTo("/v1/companies/acme.com")).willReturn(okJson(ACME)));
    clock.advance(Duration.ofSeconds(31)); // past circuit-open-for: one trial call is let through

    assertThat(enricher.enrich(lead("00Q6", "Email", "ann@acme.com")).outcome())
        .isEqualTo(EnrichmentOutcome.ENRICHED);
    assertThat(enricher.available()).isTrue();
  }

  @Test
  void freeMailIsNeverLookedUpAndTheWebsiteComesFirst() {
    PROVIDER.stubFor(
        get(urlEqualTo("/v1/companies/globex.com"))
            .willReturn(okJson("{\"industry\": \"Technology\"}")));
    Enricher enricher = provider(settings());

    assertThat(enricher.enrich(lead("00Q1", "Email", "jo@gmail.com")).outcome())
        .isEqualTo(EnrichmentOutcome.NO_DOMAIN);
    assertThat(
            enricher
                .enrich(lead("00Q2", "Email", "jo@gmail.com", "Website", "globex.com"))
                .outcome())
        .isEqualTo(EnrichmentOutcome.ENRICHED);
    assertThat(enricher.enrich(lead("00Q3", "Company", "No Domain Ltd")).outcome())
        .isEqualTo(EnrichmentOutcome.NO_DOMAIN);
    PROVIDER.verify(1, getRequestedFor(urlPathMatching("/v1/companies/.*")));
  }

  @Test
  void aLeadWithEveryFieldCostsNoCall() {
    Enricher enricher = provider(settings());

    EnrichmentResult result =
        enricher.enrich(
            lead(
                "00Q1",
                "Email",
                "ann@acme.com",
                "Industry",
                "Retail",
                "NumberOfEmployees",
                "5",
                "AnnualRevenue",
                "1",
                "Country",
                "US"));

    assertThat(result.outcome()).isEqualTo(EnrichmentOutcome.NOTHING_NEW);
    PROVIDER.verify(0, getRequestedFor(urlPathMatching(".*")));
  }

  @Test
  void theSettingsNeverShowTheKey() {
    assertThat(settings().toString()).doesNotContain(API_KEY);
  }

  private HttpEnrichmentProvider provider(HttpEnrichmentSettings settings) {
    return new HttpEnrichmentProvider(settings, domains, clock);
  }

  // Generous, so the first request of a cold JVM on a busy machine is not cut off.
  private static HttpEnrichmentSettings settings() {
    return settings(Duration.ofSeconds(5));
  }

  private static HttpEnrichmentSettings settings(Duration readTimeout) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("Industry", "industry");
    fields.put("NumberOfEmployees", "metrics.employees");
    fields.put("AnnualRevenue", "metrics.annualRevenue");
    fields.put("Country", "geo.country");
    return TestProviderSettings.of(
        URI.create(PROVIDER.baseUrl()),
        List.of(DomainSource.WEBSITE, DomainSource.EMAIL),
        API_KEY,
        Duration.ofSeconds(2),
        readTimeout,
        2,
        fields);
  }

  private static Lead lead(String id, String... namesAndValues) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      fields.put(namesAndValues[i], namesAndValues[i + 1]);
    }
    return Lead.of(id, fields);
  }
}
