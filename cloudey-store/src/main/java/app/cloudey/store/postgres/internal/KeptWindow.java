package app.cloudey.store.postgres.internal;

import app.cloudey.model.AccountId;
import app.cloudey.model.DataKind;
import app.cloudey.model.Period;
import java.sql.SQLException;
import org.jdbi.v3.core.Handle;

/**
 * Rows of one account that a store computes ahead of the reads for one window, such as the
 * advisor's (V19, V20): a table of rows with an {@code account_id}, and a {@code <table>_state}
 * table recording the window they are of and the account's data version of their kind when they
 * were computed. They answer a read only for that exact window and while that version has not
 * moved, so a change of the data they come from makes them stale at once, and a read then computes
 * as if nothing were kept.
 */
final class KeptWindow {
  private final Db db;
  private final String table;
  private final String versionColumn;

  /** Writes the rows of a window into the emptied table, inside the refresh's transaction. */
  @FunctionalInterface
  interface Fill {
    void into(Handle h, AccountId accountId, Period window) throws SQLException;
  }

  KeptWindow(Db db, String table, DataKind kind) {
    this.db = db;
    this.table = table;
    this.versionColumn = Db.versionColumn(kind);
  }

  /** Whether the kept rows are of {@code window} at the account's current version. */
  boolean isKept(Handle h, AccountId accountId, Period window) {
    return h.createQuery(
            db.sql(
                "select exists (select 1 from {s}."
                    + table
                    + "_state k join {s}.account_state a on a.account_id = k.account_id where"
                    + " k.account_id = :account_id and k.window_start = :start and k.window_end ="
                    + " :end and k.data_version = a."
                    + versionColumn
                    + ")"))
        .bind("account_id", accountId.value())
        .bind("start", window.start())
        .bind("end", window.end())
        .mapTo(Boolean.class)
        .one();
  }

  /**
   * Replaces the account's kept rows with those of {@code window} in {@code h}'s transaction,
   * unless they are already of that window and version. Locks the account's state row first: every
   * write of the data moves its version there before it commits, so while the lock is held the data
   * {@code fill} reads is exactly that of the version recorded.
   *
   * @return whether anything was written
   */
  boolean refresh(Handle h, AccountId accountId, Period window, Fill fill) throws SQLException {
    db.lockAccountState(h, accountId);
    if (isKept(h, accountId, window)) {
      return false;
    }
    for (String t : new String[] {table, table + "_state"}) {
      h.createUpdate(db.sql("delete from {s}." + t + " where account_id = :account_id"))
          .bind("account_id", accountId.value())
          .execute();
    }
    fill.into(h, accountId, window);
    // no version yet means no row of the kind was ever stored: nothing to record
    h.createUpdate(
            db.sql(
                "insert into {s}."
                    + table
                    + "_state (account_id, window_start, window_end, data_version) select"
                    + " account_id, :start, :end, "
                    + versionColumn
                    + " from {s}.account_state where account_id = :account_id and "
                    + versionColumn
                    + " is not null"))
        .bind("account_id", accountId.value())
        .bind("start", window.start())
        .bind("end", window.end())
        .execute();
    return true;
  }
}
