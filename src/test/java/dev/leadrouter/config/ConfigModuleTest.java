package dev.leadrouter.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Injector;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigModuleTest {

  private final WorkerSettings settings =
      new WorkerSettingsLoader().load(Path.of("config/application.conf"), Map.of());
  private final Injector injector = Guice.createInjector(new ConfigModule(settings));

  @Test
  void bindsTheSettingsAndEachSection() {
    assertThat(injector.getInstance(WorkerSettings.class)).isSameAs(settings);
    assertThat(injector.getInstance(SalesforceSettings.class)).isSameAs(settings.salesforce());
    assertThat(injector.getInstance(StoreSettings.class)).isSameAs(settings.store());
    assertThat(injector.getInstance(RulesSettings.class)).isSameAs(settings.rules());
    assertThat(injector.getInstance(PipelineSettings.class)).isSameAs(settings.pipeline());
    assertThat(injector.getInstance(AdminSettings.class)).isSameAs(settings.admin());
    assertThat(injector.getInstance(LoggingSettings.class)).isSameAs(settings.logging());
  }

  @Test
  void clockModuleBindsTheSystemClockInUtc() {
    // Tests run in America/Los_Angeles: the bound clock must not follow the machine's zone.
    Clock clock = Guice.createInjector(new ClockModule()).getInstance(Clock.class);
    assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
    assertThat(clock).isEqualTo(Clock.systemUTC());
  }
}
