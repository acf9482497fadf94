package dev.leadrouter.enrich;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leadrouter.config.HttpEnrichmentSettings;
import dev.leadrouter.config.SecureTransport;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One request to the provider for one company domain, and the mapping of its JSON answer to Lead
 * fields. No retries or caching here; {@link HttpEnrichmentProvider} adds those.
 */
final class CompanyLookup {

  private final HttpEnrichmentSettings settings;
  private final HttpClient http;
  private final ObjectMapper json = new ObjectMapper();
  private final String base;

  CompanyLookup(HttpEnrichmentSettings settings, HttpClient http) {
    this.settings = settings;
    this.http = http;
    String url = settings.baseUrl().toString();
    this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  /**
   * The Lead fields the provider gives for the domain; empty when it does not know the domain.
   *
   * @throws ProviderFailure when it did not answer usefully
   */
  Optional<Map<String, String>> fetch(String domain) {
    HttpResponse<String> response = send(request(domain), domain);
    int status = response.statusCode();
    if (status == 404) {
      return Optional.empty();
    }
    if (status == 429 || status >= 500) {
      throw new ProviderFailure("enrichment for " + domain + " answered " + status, true);
    }
    if (status != 200) {
      throw new ProviderFailure("enrichment for " + domain + " answered " + status, false);
    }
    try {
      return Optional.of(fields(json.readTree(response.body())));
    } catch (JsonProcessingException notJson) {
      throw new ProviderFailure("enrichment for " + domain + " answered with no JSON", false);
    }
  }

  private HttpRequest request(String domain) {
    String path =
        settings.pathTemplate().replace(HttpEnrichmentSettings.DOMAIN_PLACEHOLDER, encoded(domain));
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + (path.startsWith("/") ? path : "/" + path)))
            .timeout(settings.readTimeout())
            .header("Accept", "application/json")
            .GET();
    settings
        .apiKey()
        .ifPresent(
            key -> request.header(settings.apiKeyHeader(), settings.apiKeyPrefix() + key.reveal()));
    return request.build();
  }

  private HttpResponse<String> send(HttpRequest request, String domain) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (HttpTimeoutException slow) {
      throw new ProviderFailure("enrichment for " + domain + " timed out", true, slow);
    } catch (IOException lost) {
      Optional<String> untrusted = SecureTransport.untrustedCertificate(lost, request.uri());
      if (untrusted.isPresent()) {
        // Retrying cannot make the certificate trusted.
        throw new ProviderFailure(
            "enrichment for " + domain + " refused: " + untrusted.get(), false, lost);
      }
      throw new ProviderFailure(
          "enrichment for " + domain + " failed: " + lost.getClass().getSimpleName(), true, lost);
    } catch (InterruptedException stopping) {
      // The worker is shutting down: give up on this lookup, keep the flag for the caller.
      Thread.currentThread().interrupt();
      throw new ProviderFailure("enrichment for " + domain + " interrupted", false, stopping);
    }
  }

  /** The mapped values present in the answer, as Salesforce would show them. */
  private Map<String, String> fields(JsonNode answer) {
    Map<String, String> fields = new LinkedHashMap<>();
    settings
        .fields()
        .forEach(
            (leadField, dottedPath) -> {
              JsonNode value = answer.at("/" + dottedPath.replace('.', '/'));
              text(value).ifPresent(text -> fields.put(leadField, text));
            });
    return fields;
  }

  private static Optional<String> text(JsonNode value) {
    if (value.isNumber()) {
      // 1.5E9 from a double would not parse as a Salesforce currency; plain digits do.
      return Optional.of(value.decimalValue().stripTrailingZeros().toPlainString());
    }
    if (value.isTextual() || value.isBoolean()) {
      String text = value.asText().strip();
      return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }
    return Optional.empty();
  }

  private static String encoded(String domain) {
    return URLEncoder.encode(domain, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
