package dev.leadrouter.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Runs work on one connection in one transaction: commit when the work returns, roll back when it
 * throws. Every write in the store goes through here, so "together or not at all" is one rule in
 * one place.
 */
final class Transactions {

  /** Work done on a connection inside a transaction. */
  @FunctionalInterface
  interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  private final DataSource dataSource;
  private final Fence fence;

  Transactions(DataSource dataSource) {
    this(dataSource, Fence.NONE);
  }

  /** Transactions whose writes {@code fence} may refuse, checked first in each transaction. */
  Transactions(DataSource dataSource, Fence fence) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    this.fence = Objects.requireNonNull(fence, "fence");
  }

  /**
   * Runs {@code work} in a transaction and returns its result once committed; the fence is checked
   * first, in the same transaction.
   */
  <T> T inTransaction(Work<T> work) {
    // Auto-commit is not switched back here: the pool resets it when the connection returns, and
    // a failing reset in a finally block would hide the failure that matters.
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        fence.check(connection);
        T result = work.run(connection);
        connection.commit();
        return result;
      } catch (SQLException | RuntimeException | Error failed) {
        rollBack(connection, failed);
        throw failed;
      }
    } catch (SQLException failed) {
      throw new StoreException("store transaction failed: " + failed.getMessage(), failed);
    }
  }

  /** Runs a read on a connection of its own, outside any transaction of ours. */
  <T> T read(Work<T> work) {
    try (Connection connection = dataSource.getConnection()) {
      return work.run(connection);
    } catch (SQLException failed) {
      throw new StoreException("store read failed: " + failed.getMessage(), failed);
    }
  }

  private static void rollBack(Connection connection, Throwable cause) {
    try {
      connection.rollback();
    } catch (SQLException rollbackFailed) {
      // The original failure is the one to report; the pool discards a broken connection.
      cause.addSuppressed(rollbackFailed);
    }
  }
}
