package dev.leadrouter.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.leadrouter.config.StoreSettings;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The worker's database: a connection pool over the configured JDBC URL, migrated to the current
 * schema before anyone uses it. An H2 file by default; PostgreSQL when the URL names it. The same
 * migrations serve both.
 */
public final class Database implements AutoCloseable {

  /** The embedded default: one file under {@code ./data}, speaking PostgreSQL's dialect. */
  public static final String DEFAULT_URL = "jdbc:h2:file:./data/lead-router;MODE=PostgreSQL";

  private final HikariDataSource pool;

  private Database(HikariDataSource pool) {
    this.pool = pool;
  }

  /**
   * Opens the pool and runs any pending migrations. Fails, with the pool closed again, when the
   * database cannot be reached or a migration fails: the worker must not start on an old schema.
   */
  public static Database open(StoreSettings settings) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("lead-router-store");
    config.setJdbcUrl(durable(settings.jdbcUrl()));
    settings.username().ifPresent(config::setUsername);
    settings.password().ifPresent(password -> config.setPassword(password.reveal()));
    config.setMaximumPoolSize(settings.poolSize());
    HikariDataSource pool = new HikariDataSource(config);
    try {
      Flyway.configure()
          .dataSource(pool)
          .locations("classpath:db/migration")
          .failOnMissingLocations(true)
          .load()
          .migrate();
      return new Database(pool);
    } catch (RuntimeException failed) {
      pool.close();
      throw failed;
    }
  }

  /**
   * An H2 file commits to its file at once, not up to half a second later (H2's default {@code
   * WRITE_DELAY}): a worker killed with SIGKILL would otherwise lose its last decisions and
   * checkpoints while the org keeps the owners and Tasks it wrote for them, and the next run would
   * decide those leads again and write them twice. A URL that sets WRITE_DELAY itself is kept.
   */
  static String durable(String jdbcUrl) {
    boolean h2File =
        jdbcUrl.regionMatches(true, 0, "jdbc:h2:file:", 0, "jdbc:h2:file:".length())
            || (jdbcUrl.regionMatches(true, 0, "jdbc:h2:", 0, "jdbc:h2:".length())
                && !jdbcUrl.regionMatches(true, 0, "jdbc:h2:mem:", 0, "jdbc:h2:mem:".length())
                && !jdbcUrl.regionMatches(true, 0, "jdbc:h2:tcp:", 0, "jdbc:h2:tcp:".length()));
    if (!h2File || jdbcUrl.toUpperCase(java.util.Locale.ROOT).contains("WRITE_DELAY=")) {
      return jdbcUrl;
    }
    return jdbcUrl + ";WRITE_DELAY=0";
  }

  /** Pooled connections; repositories take them through {@link Transactions}. */
  public DataSource dataSource() {
    return pool;
  }

  @Override
  public void close() {
    pool.close();
  }
}
