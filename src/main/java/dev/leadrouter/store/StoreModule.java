package dev.leadrouter.store;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.leadrouter.config.StoreSettings;

/**
 * Binds the store: the migrated {@link Database}. Needs {@link StoreSettings} and a {@code Clock}
 * bound elsewhere. Whoever owns the injector closes the database when the worker stops.
 */
public final class StoreModule extends AbstractModule {

  @Provides
  @Singleton
  Database database(StoreSettings settings) {
    return Database.open(settings);
  }
}
