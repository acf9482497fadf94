package dev.leadrouter.store;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import javax.sql.DataSource;

/**
 * Connections to a real database that fail at a chosen point, as a dropped network connection
 * would: the work before that point reached the database, the rest never does.
 */
final class FailingConnections {

  private FailingConnections() {}

  /** Connections whose {@code commit()} throws instead of committing. */
  static DataSource failingOnCommit(DataSource real) {
    return wrap(real, method -> method.equals("commit"));
  }

  /** Connections whose {@code n}th prepared statement (counting from 1) cannot be prepared. */
  static DataSource failingOnStatement(DataSource real, int n) {
    AtomicInteger prepared = new AtomicInteger();
    return wrap(
        real, method -> method.equals("prepareStatement") && prepared.incrementAndGet() == n);
  }

  private static DataSource wrap(DataSource real, Predicate<String> failWhen) {
    return (DataSource)
        Proxy.newProxyInstance(
            FailingConnections.class.getClassLoader(),
            new Class<?>[] {DataSource.class},
            (proxy, method, args) -> {
              Object result = invoke(real, method, args);
              return result instanceof Connection connection
                  ? failing(connection, failWhen)
                  : result;
            });
  }

  private static Connection failing(Connection real, Predicate<String> failWhen) {
    return (Connection)
        Proxy.newProxyInstance(
            FailingConnections.class.getClassLoader(),
            new Class<?>[] {Connection.class},
            (proxy, method, args) -> {
              if (failWhen.test(method.getName())) {
                throw new SQLException("connection lost (injected)", "08006");
              }
              return invoke(real, method, args);
            });
  }

  private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args)
      throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException thrown) {
      throw thrown.getCause();
    }
  }
}
