package dev.leadrouter.store;

import dev.leadrouter.config.StoreSettings;
import java.nio.file.Path;
import java.util.Optional;

/** H2 file databases as the worker uses them by default, one per test in its scratch directory. */
final class H2Databases {

  private H2Databases() {}

  static StoreSettings fileIn(Path scratch) {
    return new StoreSettings(
        "jdbc:h2:file:" + scratch.resolve("lead-router").toAbsolutePath() + ";MODE=PostgreSQL",
        Optional.empty(),
        Optional.empty(),
        2);
  }
}
