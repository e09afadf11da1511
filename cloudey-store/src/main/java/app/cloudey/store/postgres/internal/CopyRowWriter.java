package app.cloudey.store.postgres.internal;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import org.jdbi.v3.core.Handle;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Encodes rows in PostgreSQL's COPY text format and streams them to a {@link CopyIn} in chunks, so
 * memory stays flat whatever the number of rows. Not thread-safe; one per COPY.
 */
final class CopyRowWriter {
  private static final int FLUSH_CHARS = 1 << 16;

  private final CopyIn copy;
  private final StringBuilder buffer = new StringBuilder(FLUSH_CHARS + 4096);
  private boolean firstField = true;

  CopyRowWriter(CopyIn copy) {
    this.copy = copy;
  }

  /** Writes the rows of a COPY; what it returns is what {@link #copyIn} returns. */
  @FunctionalInterface
  interface Rows<T> {
    T write(CopyRowWriter out) throws SQLException;
  }

  /**
   * Runs {@code copy ... from stdin} ({@code template}, with the schema placeholder) on {@code h}'s
   * connection, after the store's statement hook: {@code rows} writes the rows, which are flushed
   * and the COPY ended. When writing or ending fails, the COPY is cancelled (quietly: the
   * transaction is rolled back either way) and the failure propagates.
   */
  static <T> T copyIn(Db db, Handle h, String template, Rows<T> rows) throws SQLException {
    Connection connection = h.getConnection();
    String sql = db.sql(template);
    db.runHook(sql, connection);
    CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
    try {
      CopyRowWriter out = new CopyRowWriter(copy);
      T result = rows.write(out);
      out.flush();
      copy.endCopy();
      return result;
    } finally {
      if (copy.isActive()) {
        cancelQuietly(copy);
      }
    }
  }

  private static void cancelQuietly(CopyIn copy) {
    try {
      copy.cancelCopy();
    } catch (SQLException | RuntimeException ignored) {
      // the transaction is rolled back (or the connection is gone) either way
    }
  }

  CopyRowWriter text(@Nullable String value) {
    separator();
    if (value == null) {
      buffer.append("\\N");
      return this;
    }
    if (!needsEscaping(value)) {
      buffer.append(value); // the common case: one bulk copy
      return this;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> buffer.append("\\\\");
        case '\t' -> buffer.append("\\t");
        case '\n' -> buffer.append("\\n");
        case '\r' -> buffer.append("\\r");
        default -> buffer.append(c);
      }
    }
    return this;
  }

  /** A value whose text form never needs escaping (numbers, dates). */
  CopyRowWriter plain(@Nullable Object value) {
    separator();
    buffer.append(value == null ? "\\N" : value.toString());
    return this;
  }

  CopyRowWriter decimal(java.math.@Nullable BigDecimal value) {
    separator();
    buffer.append(value == null ? "\\N" : value.toPlainString());
    return this;
  }

  void endRow() throws SQLException {
    buffer.append('\n');
    firstField = true;
    if (buffer.length() >= FLUSH_CHARS) {
      flush();
    }
  }

  void flush() throws SQLException {
    if (buffer.length() > 0) {
      byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
      copy.writeToCopy(bytes, 0, bytes.length);
      buffer.setLength(0);
    }
  }

  private static boolean needsEscaping(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\\' || c == '\t' || c == '\n' || c == '\r') {
        return true;
      }
    }
    return false;
  }

  private void separator() {
    if (!firstField) {
      buffer.append('\t');
    }
    firstField = false;
  }
}
