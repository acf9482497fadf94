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
    try {
      return openPool(settings);
    } catch (RuntimeException failed) {
      // Drivers and Hikari quote the URL in their messages ("claims to not accept jdbcUrl, ..."),
      // and the command line prints them with their causes: hide any credentials in it.
      throw StoreUnavailableException.redacted(failed, settings.jdbcUrl());
    }
  }

  private static Database openPool(StoreSettings settings) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("lead-router-store");
    JdbcCredentials url = JdbcCredentials.split(settings.jdbcUrl());
    config.setJdbcUrl(url.url());
    settings.username().or(url::user).ifPresent(config::setUsername);
    settings
        .password()
        .map(password -> password.reveal())
        .or(url::password)
        .ifPresent(config::setPassword);
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

  /** Pooled connections; repositories take them through {@link Transactions}. */
  public DataSource dataSource() {
    return pool;
  }

  @Override
  public void close() {
    pool.close();
  }
}
