package dev.leadrouter.store;

import dev.leadrouter.config.StoreSettings;
import java.nio.file.Path;
import org.junit.jupiter.api.Nested;

/** The store's contracts on H2, as a file database the way the worker uses it by default. */
class H2StoreTest {

  @Nested
  class Migrations extends MigrationsContract {
    @Override
    StoreSettings freshDatabase(Path scratch) {
      return H2Databases.fileIn(scratch);
    }
  }

  @Nested
  class RoutingLogOnH2 extends RoutingLogContract {
    @Override
    StoreSettings freshDatabase(Path scratch) {
      return H2Databases.fileIn(scratch);
    }
  }

  @Nested
  class RoutingLogAtomicityOnH2 extends RoutingLogAtomicityContract {
    @Override
    StoreSettings freshDatabase(Path scratch) {
      return H2Databases.fileIn(scratch);
    }
  }

  @Nested
  class RoutingStateOnH2 extends RoutingStateContract {
    @Override
    StoreSettings freshDatabase(Path scratch) {
      return H2Databases.fileIn(scratch);
    }
  }

  @Nested
  class Timestamps extends TimestampContract {
    @Override
    StoreSettings freshDatabase(Path scratch) {
      return H2Databases.fileIn(scratch);
    }
  }

  @Nested
  class CheckpointsAndDeadLetters extends SmallRepositoriesContract {
    @Override
    StoreSettings freshDatabase(Path scratch) {
      return H2Databases.fileIn(scratch);
    }
  }

  @Nested
  class SlaClocksOnH2 extends SlaClocksContract {
    @Override
    StoreSettings freshDatabase(Path scratch) {
      return H2Databases.fileIn(scratch);
    }
  }

  @Nested
  class MisroutesOnH2 extends MisroutesContract {
    @Override
    StoreSettings freshDatabase(Path scratch) {
      return H2Databases.fileIn(scratch);
    }
  }

  @Nested
  class ConsoleQueriesOnH2 extends ConsoleQueriesContract {
    @Override
    StoreSettings freshDatabase(Path scratch) {
      return H2Databases.fileIn(scratch);
    }
  }
}
