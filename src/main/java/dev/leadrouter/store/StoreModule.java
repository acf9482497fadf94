package dev.leadrouter.store;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.OptionalBinder;
import dev.leadrouter.config.StoreSettings;
import dev.leadrouter.route.RoutingState;

/**
 * Binds the store: the migrated {@link Database}, its repositories, and {@link RoutingState} kept
 * in the database. Needs {@link StoreSettings} and a {@code Clock} bound elsewhere. Whoever owns
 * the injector closes the database when the worker stops.
 */
public final class StoreModule extends AbstractModule {

  @Override
  protected void configure() {
    bind(RoutingState.class).to(JdbcRoutingState.class);
    bind(JdbcRoutingState.class).in(Singleton.class);
    bind(RoutingLog.class).in(Singleton.class);
    bind(CheckpointRepository.class).in(Singleton.class);
    bind(ProcessedEvents.class).in(Singleton.class);
    bind(DeadLetters.class).in(Singleton.class);
    bind(SlaClocks.class).in(Singleton.class);
    bind(Misroutes.class).in(Singleton.class);
    // One process on its own writes unchecked; a worker sharing the database with a standby sets
    // the lease here (see WorkerLease).
    OptionalBinder.newOptionalBinder(binder(), Fence.class).setDefault().toInstance(Fence.NONE);
  }

  @Provides
  @Singleton
  Database database(StoreSettings settings) {
    return Database.open(settings);
  }
}
