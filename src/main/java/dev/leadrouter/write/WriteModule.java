package dev.leadrouter.write;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.leadrouter.config.PipelineSettings;
import dev.leadrouter.salesforce.ApiBudget;
import dev.leadrouter.salesforce.BulkClient;
import dev.leadrouter.salesforce.RestClient;
import dev.leadrouter.store.RoutingLog;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;

/**
 * Binds the write stage. Needs the Salesforce clients, the routing log, {@link PipelineSettings},
 * the {@link UpstreamBacklog}, a {@link MeterRegistry} and a {@link Clock} bound elsewhere.
 */
public final class WriteModule extends AbstractModule {

  @Override
  protected void configure() {
    // Another module (SLA tracking) may set a listener; without one the writer only writes owners.
    com.google.inject.multibindings.OptionalBinder.newOptionalBinder(binder(), WriteListener.class)
        .setDefault()
        .toInstance(WriteListener.NONE);
  }

  @Provides
  @Singleton
  WriterSettings writerSettings(PipelineSettings pipeline) {
    return WriterSettings.from(pipeline);
  }

  @Provides
  @Singleton
  BatchWriter batchWriter(
      RestClient rest,
      BulkClient bulk,
      RoutingLog routingLog,
      ApiBudget budget,
      WriterSettings settings,
      MeterRegistry meters,
      Clock clock,
      WriteListener listener,
      dev.leadrouter.store.Fence fence) {
    return new BatchWriter(
        rest, bulk, routingLog, budget, settings, meters, clock, listener, fence);
  }

  @Provides
  @Singleton
  OwnerWriter ownerWriter(
      BatchWriter batches,
      WriterSettings settings,
      UpstreamBacklog upstream,
      MeterRegistry meters) {
    return new OwnerWriter(batches, settings, upstream, meters);
  }
}
