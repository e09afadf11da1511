package app.cloudey.store.postgres.internal;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Test-only hook run before every SQL statement the store sends (including {@code COPY} and {@code
 * COMMIT}), on the connection that will run it. Tests use it to record statements and to kill the
 * connection at a chosen statement; production code uses {@link #NONE}.
 */
@FunctionalInterface
public interface StatementHook {
  StatementHook NONE = (sql, connection) -> {};

  void beforeStatement(String sql, Connection connection) throws SQLException;
}
