package dev.leadrouter.testing;

import dev.leadrouter.config.StoreSettings;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real PostgreSQL for one test class: started before its first test, stopped after its last. Each
 * test asks for a database of its own, which is much cheaper than a server of its own.
 */
public final class EmbeddedPostgresServer implements BeforeAllCallback, AfterAllCallback {

  private final AtomicInteger databases = new AtomicInteger();
  private EmbeddedPostgres postgres;
  private String startedBy;

  // JUnit calls a class's extensions again for each of its @Nested classes: only the outermost
  // class starts and stops the server, or every nested class would start one of its own.
  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    if (postgres == null) {
      postgres = EmbeddedPostgres.start();
      startedBy = context.getUniqueId();
    }
  }

  @Override
  public void afterAll(ExtensionContext context) throws IOException {
    if (postgres != null && context.getUniqueId().equals(startedBy)) {
      postgres.close();
      postgres = null;
    }
  }

  /** Creates an empty database and returns settings that reach it (a pool of two). */
  public StoreSettings freshDatabase() {
    return freshDatabase(2);
  }

  /**
   * Creates an empty database and returns settings that reach it with up to this many connections.
   */
  public StoreSettings freshDatabase(int maxPoolSize) {
    String name = "store_" + databases.incrementAndGet();
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    } catch (SQLException failed) {
      throw new IllegalStateException("cannot create test database " + name, failed);
    }
    return new StoreSettings(
        postgres.getJdbcUrl("postgres", name), Optional.empty(), Optional.empty(), maxPoolSize);
  }
}
