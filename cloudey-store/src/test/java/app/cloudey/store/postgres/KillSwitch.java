package app.cloudey.store.postgres;

import app.cloudey.store.postgres.internal.StatementHook;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Test hook that records every statement and, once armed, kills the connection (a real backend
 * termination, as a crash or a network cut would) right before the n-th statement.
 */
final class KillSwitch implements StatementHook {
  private final List<String> statements = new ArrayList<>();
  private int countdown = -1;
  private boolean fired;
  private int backendPid = -1;

  /** Kill before the n-th statement from now (1 = the next one). */
  synchronized void armAt(int n) {
    countdown = n;
    fired = false;
  }

  synchronized void disarm() {
    countdown = -1;
  }

  synchronized boolean fired() {
    return fired;
  }

  synchronized List<String> statements() {
    return List.copyOf(statements);
  }

  synchronized void clear() {
    statements.clear();
  }

  /** Backend pid of the connection that last ran a COPY. */
  synchronized int copyBackendPid() {
    return backendPid;
  }

  @Override
  public synchronized void beforeStatement(String sql, Connection connection) throws SQLException {
    statements.add(sql);
    if (sql.startsWith("copy ")) {
      try (Statement s = connection.createStatement();
          var rs = s.executeQuery("select pg_backend_pid()")) {
        rs.next();
        backendPid = rs.getInt(1);
      }
    }
    if (countdown > 0 && --countdown == 0) {
      fired = true;
      countdown = -1;
      kill(connection);
    }
  }

  static void kill(Connection connection) {
    try (Statement s = connection.createStatement()) {
      s.execute("select pg_terminate_backend(pg_backend_pid())");
    } catch (SQLException expected) {
      // the backend is gone: "terminating connection due to administrator command"
    }
  }
}
