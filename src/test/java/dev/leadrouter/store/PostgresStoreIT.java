package dev.leadrouter.store;

import dev.leadrouter.config.StoreSettings;
import dev.leadrouter.testing.EmbeddedPostgresServer;
import java.nio.file.Path;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The store's contracts on a real PostgreSQL, one server for the whole class. */
class PostgresStoreIT {

  @RegisterExtension static final EmbeddedPostgresServer POSTGRES = new EmbeddedPostgresServer();

  @Nested
  class Migrations extends MigrationsContract {
    @Override
    StoreSettings freshDatabase(Path scratch) {
      return POSTGRES.freshDatabase();
    }
  }

  @Nested
  class RoutingLogOnPostgres extends RoutingLogContract {
    @Override
    StoreSettings freshDatabase(Path scratch) {
      return POSTGRES.freshDatabase();
    }
  }

  @Nested
  class RoutingLogAtomicityOnPostgres extends RoutingLogAtomicityContract {
    @Override
    StoreSettings freshDatabase(Path scratch) {
      return POSTGRES.freshDatabase();
    }
  }

  @Nested
  class RoutingStateOnPostgres extends RoutingStateContract {
    @Override
    StoreSettings freshDatabase(Path scratch) {
      return POSTGRES.freshDatabase();
    }
  }

  @Nested
  class Timestamps extends TimestampContract {
    @Override
    StoreSettings freshDatabase(Path scratch) {
      return POSTGRES.freshDatabase();
    }
  }

  @Nested
  class CheckpointsAndDeadLetters extends SmallRepositoriesContract {
    @Override
    StoreSettings freshDatabase(Path scratch) {
      return POSTGRES.freshDatabase();
    }
  }

  @Nested
  class SlaClocksOnPostgres extends SlaClocksContract {
    @Override
    StoreSettings freshDatabase(Path scratch) {
      return POSTGRES.freshDatabase();
    }
  }

  @Nested
  class MisroutesOnPostgres extends MisroutesContract {
    @Override
    StoreSettings freshDatabase(Path scratch) {
      return POSTGRES.freshDatabase();
    }
  }

  @Nested
  class ConsoleQueriesOnPostgres extends ConsoleQueriesContract {
    @Override
    StoreSettings freshDatabase(Path scratch) {
      return POSTGRES.freshDatabase();
    }
  }
}
