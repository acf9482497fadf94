package dev.leadrouter.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.leadrouter.config.ClockModule;
import dev.leadrouter.config.StoreSettings;
import dev.leadrouter.route.RoutingState;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreModuleTest {

  private static final Instant NOW = Instant.parse("2026-11-27T06:00:00Z");

  @Test
  void wiresOneMigratedDatabaseBehindEveryRepository(@TempDir Path scratch) {
    Injector injector =
        Guice.createInjector(
            new StoreModule(),
            new ClockModule(Clock.fixed(NOW, ZoneOffset.UTC)),
            binder -> binder.bind(StoreSettings.class).toInstance(H2Databases.fileIn(scratch)));

    try (Database database = injector.getInstance(Database.class)) {
      assertThat(injector.getInstance(Database.class)).isSameAs(database);
      assertThat(injector.getInstance(RoutingState.class))
          .isInstanceOf(JdbcRoutingState.class)
          .isSameAs(injector.getInstance(JdbcRoutingState.class));
      assertThat(injector.getInstance(RoutingLog.class).hasDecision(Decisions.LEAD)).isFalse();
      assertThat(injector.getInstance(CheckpointRepository.class).load("/data/x")).isEmpty();

      DeadLetters letters = injector.getInstance(DeadLetters.class);
      letters.add("test", "why", "{}");
      assertThat(letters.list()).singleElement().extracting(DeadLetter::createdAt).isEqualTo(NOW);
    }
  }
}
