package dev.leadrouter.admin;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * Binds the admin endpoint and the metrics registry. Every stage records into the injected {@link
 * MeterRegistry}, which is the Prometheus registry {@code /metrics} serves. Stages add their {@link
 * HealthIndicator}s with {@code Multibinder.newSetBinder(binder(), HealthIndicator.class)}; the set
 * is declared here so the server starts even when none is bound. Needs {@code AdminSettings} bound
 * elsewhere (ConfigModule).
 */
public final class AdminModule extends AbstractModule {

  @Override
  protected void configure() {
    Multibinder.newSetBinder(binder(), HealthIndicator.class);
    Multibinder.newSetBinder(binder(), AdminAction.class);
    Multibinder.newSetBinder(binder(), ConsolePage.class);
    bind(MeterRegistry.class).to(PrometheusMeterRegistry.class);
    bind(AdminServer.class).in(Singleton.class);
  }

  @Provides
  @Singleton
  PrometheusMeterRegistry prometheusRegistry() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new JvmMemoryMetrics().bindTo(registry);
    // Registers GC notification listeners for the life of the JVM, as long as the registry's.
    new JvmGcMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    return registry;
  }
}
