package dev.leadrouter.enrich;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.leadrouter.config.EnrichSettings;
import dev.leadrouter.normalize.DomainNormalizer;
import java.time.Clock;

/**
 * Binds the enrich stage: the {@link Enricher} (the HTTP provider when {@code enrich.provider =
 * http}, otherwise one that adds nothing) and {@link HoldUntilEnriched}. Needs {@link
 * EnrichSettings} and {@code EnrichmentHoldSettings} (ConfigModule), a {@link Clock} and the {@link
 * DomainNormalizer} (NormalizeModule) bound elsewhere.
 */
public final class EnrichModule extends AbstractModule {

  @Override
  protected void configure() {
    bind(HoldUntilEnriched.class).in(Singleton.class);
  }

  @Provides
  @Singleton
  Enricher enricher(EnrichSettings settings, DomainNormalizer domains, Clock clock) {
    return settings
        .http()
        .<Enricher>map(http -> new HttpEnrichmentProvider(http, domains, clock))
        .orElseGet(NoEnrichment::new);
  }
}
