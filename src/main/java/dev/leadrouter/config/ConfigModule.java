package dev.leadrouter.config;

import com.google.inject.AbstractModule;
import java.util.Objects;

/**
 * Binds the loaded {@link WorkerSettings} and each of its sections. The clock is bound by {@link
 * ClockModule}, so commands that need no settings still get one.
 */
public final class ConfigModule extends AbstractModule {

  private final WorkerSettings settings;

  /** A module for settings already loaded by {@link WorkerSettingsLoader}. */
  public ConfigModule(WorkerSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  @Override
  protected void configure() {
    bind(WorkerSettings.class).toInstance(settings);
    bind(SalesforceSettings.class).toInstance(settings.salesforce());
    bind(StoreSettings.class).toInstance(settings.store());
    bind(RulesSettings.class).toInstance(settings.rules());
    bind(PipelineSettings.class).toInstance(settings.pipeline());
    bind(AdminSettings.class).toInstance(settings.admin());
    bind(LoggingSettings.class).toInstance(settings.logging());
    bind(EnrichSettings.class).toInstance(settings.enrich());
    bind(EnrichmentHoldSettings.class).toInstance(settings.enrich().hold());
  }
}
