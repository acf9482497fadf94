package dev.leadrouter.worker;

import dev.leadrouter.config.StoreSettings;
import dev.leadrouter.testing.EmbeddedPostgresServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The same worker tests with the store on a real PostgreSQL, as production runs it. */
class WorkerOnPostgresIT extends WorkerIT {

  @RegisterExtension static final EmbeddedPostgresServer POSTGRES = new EmbeddedPostgresServer();

  private StoreSettings store;

  @BeforeEach
  void freshDatabase() {
    store = POSTGRES.freshDatabase(4);
  }

  @Override
  StoreSettings store() {
    return store;
  }
}
