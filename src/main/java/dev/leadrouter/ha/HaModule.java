package dev.leadrouter.ha;

import com.google.inject.AbstractModule;
import com.google.inject.Inject;
import com.google.inject.Provider;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.OptionalBinder;
import dev.leadrouter.config.WorkerSettings;
import dev.leadrouter.store.Database;
import dev.leadrouter.store.Fence;
import dev.leadrouter.store.LeaseValidity;
import dev.leadrouter.store.WorkerLease;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Binds {@link Leadership}: a lease on PostgreSQL when high availability is on for the store, a
 * lone worker otherwise; and the store's {@link Fence} to the lease's, so every repository of the
 * worker refuses writes it may not make. Needs the settings and the store bound elsewhere.
 */
public final class HaModule extends AbstractModule {

  private static final Logger log = LoggerFactory.getLogger(HaModule.class);

  @Override
  protected void configure() {
    OptionalBinder.newOptionalBinder(binder(), Fence.class)
        .setBinding()
        .toProvider(LeadershipFence.class);
  }

  @Provides
  @Singleton
  Leadership leadership(WorkerSettings settings, Database database) {
    if (!settings.ha().activeFor(settings.store().jdbcUrl())) {
      log.info(
          database.isPostgres()
              ? "high availability off (lead-router.ha.enabled = false): this worker runs alone"
              : "high availability off: the H2 file store is opened by one process only; for a"
                  + " standby worker use PostgreSQL");
      return Leadership.alone();
    }
    LeaseValidity validity = new LeaseValidity(settings.ha().ttl(), System::nanoTime);
    return new LeaseLeadership(
        new WorkerLease(database, database.sessionName(), validity), settings.ha());
  }

  /** The leadership's fence, for the store's repositories. */
  static final class LeadershipFence implements Provider<Fence> {
    private final Leadership leadership;

    @Inject
    LeadershipFence(Leadership leadership) {
      this.leadership = leadership;
    }

    @Override
    public Fence get() {
      return leadership.fence();
    }
  }
}
