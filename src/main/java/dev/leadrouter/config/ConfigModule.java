package dev.leadrouter.config;

import com.google.inject.AbstractModule;
import java.time.Clock;
import java.util.Objects;

/**
 * Binds the loaded {@link WorkerSettings}, each of its sections, and the {@link Clock}.
 *
 * <p>This is the one place where the system clock is chosen; everything else asks for a {@code
 * Clock}, so tests swap in a fixed one with {@code Modules.override(...)}. UTC because stored
 * instants and logs must not depend on where the worker runs; business hours convert explicitly.
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
    bind(Clock.class).toInstance(Clock.systemUTC());
  }
}
