package dev.leadrouter.capture;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import java.time.Clock;

/**
 * Binds the capture stage. The subscriber's collaborators from other stages ({@link
 * SubscriberSettings} from configuration, {@link AccessTokenSource} from the Salesforce client, the
 * {@link Reconciler} and {@link DeadLetters}) are bound by their own modules. Checkpoints stay in
 * memory until the store stage provides a durable {@link CheckpointStore}; override this binding
 * then.
 */
public final class CaptureModule extends AbstractModule {

  @Override
  protected void configure() {
    bind(CheckpointStore.class).to(InMemoryCheckpointStore.class).in(Singleton.class);
    bind(ChangeEventParser.class).in(Singleton.class);
    bind(ChangeEventSource.class).to(CdcSubscriber.class);
  }

  /** Not started: the lifecycle starts it after the writers, and stops it first. */
  @Provides
  @Singleton
  CdcSubscriber subscriber(
      SubscriberSettings settings,
      AccessTokenSource tokens,
      CheckpointStore checkpoints,
      Reconciler reconciler,
      DeadLetters deadLetters,
      Clock clock) {
    return new CdcSubscriber(settings, tokens, checkpoints, reconciler, deadLetters, clock);
  }
}
