package dev.leadrouter.config;

import dev.leadrouter.lead.LeadFields;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads {@code lead-router.enrich}. The section is optional: configurations written before it
 * existed get {@link EnrichSettings#disabled()}.
 */
final class EnrichSettingsReader {

  private static final Duration MIN_TIMEOUT = Duration.ofMillis(10);
  private static final Duration MIN_WAIT = Duration.ofMillis(1);

  private final SettingReader reader;
  private final String section;

  EnrichSettingsReader(SettingReader reader, String section) {
    this.reader = reader;
    this.section = section;
  }

  EnrichSettings read() {
    if (reader.rawValue(section).isEmpty()) {
      return EnrichSettings.disabled();
    }
    int before = reader.problemCount();
    EnrichmentHoldSettings hold = hold(section + ".hold");
    EnrichmentProvider provider =
        reader.enumValue(section + ".provider", EnrichmentProvider.class, SettingReader::kebabCase);
    Optional<HttpEnrichmentSettings> http = Optional.empty();
    if (provider == EnrichmentProvider.HTTP) {
      http = Optional.ofNullable(http(section + ".http"));
    } else {
      // The provider's settings may stay in the file for later; unused, they are not checked.
      reader.skipSection(section + ".http");
    }
    return reader.problemCount() > before ? null : new EnrichSettings(hold, http);
  }

  private EnrichmentHoldSettings hold(String p) {
    int before = reader.problemCount();
    List<String> fields = leadFields(p + ".fields", reader.stringList(p + ".fields"));
    Duration maxWait = reader.durationAtLeast(p + ".max-wait", Duration.ofSeconds(1), "1 second");
    int maxHeld = reader.intBetween(p + ".max-held", 1, 1_000_000);
    return reader.problemCount() > before
        ? null
        : new EnrichmentHoldSettings(fields, maxWait, maxHeld);
  }

  private HttpEnrichmentSettings http(String p) {
    int before = reader.problemCount();
    URI baseUrl = reader.requiredHttpUrl(p + ".base-url", "https://api.enrichment.example");
    String path = reader.requiredString(p + ".path");
    if (path != null && !path.contains(HttpEnrichmentSettings.DOMAIN_PLACEHOLDER)) {
      reader.problem(
          p + ".path",
          "must contain "
              + HttpEnrichmentSettings.DOMAIN_PLACEHOLDER
              + ", e.g. /v1/companies/{domain} (was '"
              + path
              + "')");
    }
    List<DomainSource> domainFrom = domainSources(p + ".domain-from");
    String header = reader.requiredString(p + ".api-key-header");
    String prefix = reader.optionalString(p + ".api-key-prefix").map(t -> t + " ").orElse("");
    Optional<Secret> apiKey = new SecretReader(reader).read(p, "api-key");
    Duration connect = reader.durationAtLeast(p + ".connect-timeout", MIN_TIMEOUT, "10ms");
    Duration read = reader.durationAtLeast(p + ".read-timeout", MIN_TIMEOUT, "10ms");
    int attempts = reader.intBetween(p + ".max-attempts", 1, 10);
    Duration retryWait = reader.durationAtLeast(p + ".retry-wait", MIN_WAIT, "1ms");
    int failureRate = reader.intBetween(p + ".circuit-failure-rate", 1, 100);
    int minimumCalls = reader.intBetween(p + ".circuit-minimum-calls", 1, 10_000);
    Duration openFor = reader.durationAtLeast(p + ".circuit-open-for", MIN_WAIT, "1ms");
    int cacheSize = reader.intBetween(p + ".cache-size", 0, 10_000_000);
    Duration cacheTtl = reader.durationAtLeast(p + ".cache-ttl", MIN_WAIT, "1ms");
    Duration notFoundTtl = reader.durationAtLeast(p + ".not-found-ttl", MIN_WAIT, "1ms");
    Map<String, String> fields = reader.stringMap(p + ".fields");
    fields.keySet().stream()
        .filter(field -> !LeadFields.isKnown(field))
        .forEach(field -> reader.problem(p + ".fields." + field, "is not a Lead field"));
    if (fields.isEmpty() && reader.problemCount() == before) {
      reader.problem(p + ".fields", "must map at least one Lead field to the answer");
    }
    if (reader.problemCount() > before) {
      return null;
    }
    return new HttpEnrichmentSettings(
        baseUrl,
        path,
        domainFrom,
        header,
        prefix,
        apiKey,
        connect,
        read,
        attempts,
        retryWait,
        failureRate,
        minimumCalls,
        openFor,
        cacheSize,
        cacheTtl,
        notFoundTtl,
        fields);
  }

  private List<String> leadFields(String path, List<String> fields) {
    for (String field : fields) {
      if (!LeadFields.isKnown(field)) {
        reader.problem(path, "'" + field + "' is not a Lead field");
      }
    }
    return fields;
  }

  private List<DomainSource> domainSources(String path) {
    List<DomainSource> sources = new ArrayList<>();
    for (String word : reader.stringList(path)) {
      try {
        sources.add(DomainSource.valueOf(word.toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException unknown) {
        reader.problem(path, "'" + word + "' must be email or website");
      }
    }
    if (sources.isEmpty()) {
      reader.problem(path, "must name email, website or both, e.g. [website, email]");
    }
    return sources;
  }
}
