package dev.leadrouter.sla;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.OptionalBinder;
import dev.leadrouter.config.SlaSettings;
import dev.leadrouter.config.WorkerSettings;
import dev.leadrouter.write.WriteListener;
import java.util.Objects;

/**
 * Binds SLA tracking: clocks start and follow-up Tasks are created as owners are written. Needs
 * {@link WorkerSettings}, the store, the Salesforce client, a {@code MeterRegistry} and a {@code
 * Clock} bound elsewhere; install it beside the {@code WriteModule}.
 */
public final class SlaModule extends AbstractModule {

  private final RepDirectory reps;

  /**
   * @param reps the reps the rules know, for their time zones and working hours
   */
  public SlaModule(RepDirectory reps) {
    this.reps = Objects.requireNonNull(reps, "reps");
  }

  @Override
  protected void configure() {
    bind(RepDirectory.class).toInstance(reps);
    bind(SlaPolicy.class).in(Singleton.class);
    bind(SlaAssignments.class).in(Singleton.class);
    bind(FirstTouches.class).in(Singleton.class);
    OptionalBinder.newOptionalBinder(binder(), WriteListener.class)
        .setBinding()
        .to(SlaAssignments.class);
  }

  @Provides
  @Singleton
  SlaSettings slaSettings(WorkerSettings settings) {
    return settings.sla();
  }
}
