package dev.leadrouter.capture;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.leadrouter.config.ClockModule;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class CaptureModuleTest {

  @Test
  void wiresAnUnstartedSubscriberOnceWithTheCollaboratorsOfOtherStages() {
    Injector injector =
        Guice.createInjector(
            new ClockModule(Clock.fixed(Instant.parse("2026-03-08T09:30:00Z"), ZoneOffset.UTC)),
            new CaptureModule(),
            new AbstractModule() {
              @Override
              protected void configure() {
                bind(SubscriberSettings.class)
                    .toInstance(
                        new SubscriberSettings(
                            URI.create("https://example.my.salesforce.com/cometd/62.0"),
                            List.of("/data/LeadChangeEvent"),
                            InitialReplay.NEW_ONLY,
                            "lead-router",
                            100));
                bind(AccessTokenSource.class)
                    .toInstance(
                        new AccessTokenSource() {
                          @Override
                          public String token() {
                            return "token";
                          }

                          @Override
                          public void refresh(String stale) {}
                        });
                bind(Reconciler.class).toInstance(request -> {});
                bind(DeadLetters.class).toInstance(event -> {});
              }
            });

    CdcSubscriber subscriber = injector.getInstance(CdcSubscriber.class);

    assertThat(injector.getInstance(ChangeEventSource.class)).isSameAs(subscriber);
    assertThat(injector.getInstance(CheckpointStore.class))
        .isInstanceOf(InMemoryCheckpointStore.class)
        .isSameAs(injector.getInstance(CheckpointStore.class));
    assertThat(subscriber.isSubscribed("/data/LeadChangeEvent")).isFalse();
    assertThat(subscriber.backlog()).isZero();
  }
}
