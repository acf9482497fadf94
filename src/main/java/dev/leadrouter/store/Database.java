package dev.leadrouter.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.leadrouter.config.StoreSettings;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
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
  private final StoreSettings settings;
  private final String sessionName;

  private Database(HikariDataSource pool, StoreSettings settings, String sessionName) {
    this.pool = pool;
    this.settings = settings;
    this.sessionName = sessionName;
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
    config.setJdbcUrl(durable(url.url()));
    settings.username().or(url::user).ifPresent(config::setUsername);
    settings
        .password()
        .map(password -> password.reveal())
        .or(url::password)
        .ifPresent(config::setPassword);
    config.setMaximumPoolSize(settings.poolSize());
    String sessionName = "lead-router";
    if (isPostgres(settings)) {
      // PostgreSQL shows it as application_name: operators see which worker holds what, and a
      // standby taking over from a paused worker ends all of that worker's sessions (see
      // WorkerLease), whose open transactions would otherwise hold the takeover up.
      sessionName = "lead-router " + hostName() + "/" + ProcessHandle.current().pid();
      config.addDataSourceProperty("ApplicationName", sessionName);
    }
    HikariDataSource pool = new HikariDataSource(config);
    try {
      Flyway.configure()
          .dataSource(pool)
          .locations("classpath:db/migration")
          .failOnMissingLocations(true)
          .load()
          .migrate();
      return new Database(pool, settings, sessionName);
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

  /** Whether this is a PostgreSQL server (which several workers can share), not an H2 file. */
  public boolean isPostgres() {
    return isPostgres(settings);
  }

  /**
   * How this process's sessions are named on PostgreSQL ({@code application_name}): the host and
   * process id; "lead-router" elsewhere.
   */
  public String sessionName() {
    return sessionName;
  }

  private static boolean isPostgres(StoreSettings settings) {
    return settings.jdbcUrl().startsWith("jdbc:postgresql:");
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException unnamed) {
      return "unknown-host";
    }
  }

  /**
   * A connection of its own, outside the pool, for a session that must live as long as the caller
   * wants and no longer: the worker lease's advisory lock belongs to one session, and the pool
   * would hand that session to others or keep it after the lease is given up.
   */
  Connection dedicatedConnection(String name) throws SQLException {
    Properties properties = new Properties();
    if (isPostgres()) {
      properties.setProperty("ApplicationName", name);
    }
    settings.username().ifPresent(user -> properties.setProperty("user", user));
    settings
        .password()
        .ifPresent(password -> properties.setProperty("password", password.reveal()));
    return DriverManager.getConnection(settings.jdbcUrl(), properties);
  }

  @Override
  public void close() {
    pool.close();
  }
}
