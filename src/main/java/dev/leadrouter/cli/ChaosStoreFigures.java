package dev.leadrouter.cli;

import dev.leadrouter.config.StoreSettings;
import dev.leadrouter.store.Database;
import dev.leadrouter.store.DeadLetter;
import dev.leadrouter.store.DeadLetters;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** What {@code bench chaos} reads from the worker's store once the worker stopped. */
record ChaosStoreFigures(List<DeadLetter> deadLetters, long reconciled, long decidedTwice) {

  /** Read after the worker stopped (the H2 file is its alone while it runs). */
  static ChaosStoreFigures read(String storeUrl, Clock clock) throws Exception {
    try (Database database =
        Database.open(new StoreSettings(storeUrl, Optional.empty(), Optional.empty(), 2))) {
      List<DeadLetter> deadLetters = new DeadLetters(database, clock).list();
      try (Connection connection = database.dataSource().getConnection();
          Statement statement = connection.createStatement()) {
        long reconciled =
            count(
                statement,
                "SELECT COUNT(*) FROM routing_decision WHERE reasons LIKE '%RECONCILED%'");
        long twice =
            count(
                statement,
                "SELECT COUNT(*) FROM (SELECT lead_id FROM routing_decision"
                    + " GROUP BY lead_id HAVING COUNT(*) > 1) AS twice");
        return new ChaosStoreFigures(deadLetters, reconciled, twice);
      }
    }
  }

  private static long count(Statement statement, String sql) throws Exception {
    try (ResultSet row = statement.executeQuery(sql)) {
      row.next();
      return row.getLong(1);
    }
  }
}
