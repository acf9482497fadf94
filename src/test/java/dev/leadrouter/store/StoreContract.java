package dev.leadrouter.store;

import dev.leadrouter.config.StoreSettings;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * A test that runs against each supported database. Subclasses say where a fresh database comes
 * from; every test gets its own, migrated, so tests never see each other's rows.
 */
abstract class StoreContract {

  protected Database database;

  /**
   * Settings for a new, empty database.
   *
   * @param scratch a directory of the test's own, for databases that live in files
   */
  abstract StoreSettings freshDatabase(Path scratch);

  @BeforeEach
  void openDatabase(@TempDir Path scratch) {
    database = Database.open(freshDatabase(scratch));
  }

  @AfterEach
  void closeDatabase() {
    database.close();
  }
}
