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
      Clock clock) {
    return new BatchWriter(rest, bulk, routingLog, budget, settings, meters, clock);
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
