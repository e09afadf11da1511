package app.cloudey.store.postgres.internal;

import app.cloudey.CloudeyException;
import app.cloudey.CloudeyStoreException;
import app.cloudey.model.AccountId;
import app.cloudey.model.DataKind;
import java.sql.SQLException;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.TemplateEngine;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.jspecify.annotations.Nullable;

/**
 * The store's access to PostgreSQL: a Jdbi over the data source, the schema name, the statement
 * hook, transactions and translation of database errors into {@link CloudeyStoreException}.
 * Thread-safe.
 */
public final class Db {
  private static final Pattern SCHEMA = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

  private final DataSource dataSource;
  private final Jdbi jdbi;
  private final String schema;
  private final StatementHook hook;

  public Db(DataSource dataSource, String schema, StatementHook hook) {
    this.schema = checkSchema(schema);
    this.hook = hook;
    this.dataSource = dataSource;
    this.jdbi = Jdbi.create(dataSource);
    jdbi.installPlugin(new PostgresPlugin());
    // SQL is plain text with :named parameters; no template syntax, so '<' never confuses a parser.
    jdbi.setTemplateEngine(TemplateEngine.NOP);
    jdbi.setSqlLogger(
        new SqlLogger() {
          @Override
          public void logBeforeExecution(StatementContext context) {
            runHook(context.getRenderedSql(), context.getConnection());
          }
        });
  }

  /**
   * The schema name if it is a lower-case SQL identifier (it is spliced into SQL unquoted).
   *
   * @throws app.cloudey.CloudeyConfigException otherwise
   */
  public static String checkSchema(@Nullable String schema) {
    if (schema == null || !SCHEMA.matcher(schema).matches()) {
      throw new app.cloudey.CloudeyConfigException(
          "schema '" + schema + "' is invalid: use a lower-case SQL identifier such as 'cloudey'");
    }
    return schema;
  }

  /** The SQL with every {@code {s}} replaced by the schema name. */
  public String sql(String text) {
    return text.replace("{s}", schema);
  }

  public String schema() {
    return schema;
  }

  public StatementHook hook() {
    return hook;
  }

  void runHook(String sql, java.sql.Connection connection) {
    try {
      hook.beforeStatement(sql, connection);
    } catch (SQLException e) {
      throw new CloudeyStoreException("statement hook failed: " + e.getMessage(), e);
    }
  }

  /** Runs work in autocommit mode (single statements and reads). */
  public <T> T read(String what, AccountId account, HandleFunction<T> work) {
    try (Handle handle = jdbi.open()) {
      return work.apply(handle);
    } catch (CloudeyException e) {
      throw e;
    } catch (JdbiException | SQLException | IllegalStateException e) {
      throw translate(what, account, e);
    }
  }

  /** Runs a read about the store itself rather than an account (its identity). */
  public <T> T readGlobal(String what, HandleFunction<T> work) {
    try (Handle handle = jdbi.open()) {
      return work.apply(handle);
    } catch (CloudeyException e) {
      throw e;
    } catch (JdbiException | SQLException | IllegalStateException e) {
      throw new CloudeyStoreException(
          "PostgreSQL could not "
              + what
              + " ("
              + rootMessage(e)
              + "): check that the database is reachable and that schema '"
              + schema
              + "' is migrated",
          e);
    }
  }

  /**
   * Runs work in one transaction and commits (running the hook before {@code COMMIT}); any failure
   * rolls back and is rethrown as a {@link CloudeyException}.
   */
  public <T> T inTransaction(String what, AccountId account, HandleFunction<T> work) {
    try (Handle handle = jdbi.open()) {
      handle.begin();
      try {
        T result = work.apply(handle);
        runHook("COMMIT", handle.getConnection());
        handle.commit();
        return result;
      } catch (RuntimeException | SQLException | Error e) {
        rollbackQuietly(handle);
        throw e;
      }
    } catch (CloudeyException e) {
      throw e;
    } catch (JdbiException | SQLException | IllegalStateException e) {
      throw translate(what, account, e);
    }
  }

  /**
   * Discards a handle whose connection must not go back to the pool (e.g. it may still hold a
   * session advisory lock): evicts it from a HikariCP pool, aborts the connection so the server
   * ends the session and releases its session locks, then closes the handle. Best effort; never
   * throws.
   */
  public void discard(Handle handle) {
    try {
      java.sql.Connection connection = handle.getConnection();
      if (dataSource instanceof com.zaxxer.hikari.HikariDataSource hikari) {
        hikari.evictConnection(connection); // before abort: eviction asks the live connection
      }
      connection.abort(Runnable::run);
    } catch (java.sql.SQLException | RuntimeException ignored) {
      // nothing more to do: the close below returns or drops whatever is left
    }
    try {
      handle.close();
    } catch (RuntimeException ignored) {
      // closing an aborted connection may complain; it is gone either way
    }
  }

  /** Opens a handle the caller closes (for streams and held locks). */
  public Handle open() {
    return jdbi.open();
  }

  /**
   * Locks the account's state row inside the caller's transaction (creating it if needed), so
   * writers that must not interleave (cost ingest and month close) serialise on it. Versions are
   * untouched.
   */
  public void lockAccountState(Handle handle, AccountId account) {
    handle
        .createUpdate(
            sql(
                "insert into {s}.account_state (account_id) values (:account_id) on conflict"
                    + " (account_id) do update set account_id = excluded.account_id"))
        .bind("account_id", account.value())
        .execute();
  }

  /**
   * Moves the account's version of {@code kind} to the next number of the store-wide sequence,
   * inside the caller's transaction (locking its state row); call it only when the transaction
   * changed data of that kind.
   */
  public long bumpVersion(Handle handle, AccountId account, DataKind kind) {
    String column = versionColumn(kind);
    return handle
        .createQuery(
            sql(
                "insert into {s}.account_state (account_id, "
                    + column
                    + ") values (:account_id, nextval('{s}.data_version_seq')) on conflict"
                    + " (account_id) do update set "
                    + column
                    + " = excluded."
                    + column
                    + " returning "
                    + column))
        .bind("account_id", account.value())
        .mapTo(Long.class)
        .one();
  }

  /** The {@code account_state} column holding the version of {@code kind}. */
  public static String versionColumn(DataKind kind) {
    return switch (kind) {
      case INVENTORY -> "inventory_version";
      case COSTS -> "costs_version";
      case METRICS -> "metrics_version";
      case RECOMMENDATIONS -> "recommendations_version";
    };
  }

  private static void rollbackQuietly(Handle handle) {
    try {
      handle.rollback();
    } catch (RuntimeException ignored) {
      // the connection may be dead (that is often why we roll back); PostgreSQL aborts it anyway
    }
  }

  public static CloudeyStoreException translate(String what, AccountId account, Exception e) {
    return new CloudeyStoreException(
        "PostgreSQL could not "
            + what
            + " for account "
            + account
            + " ("
            + rootMessage(e)
            + "); any transaction was rolled back: check that the database is reachable and"
            + " retry",
        e);
  }

  private static @Nullable String rootMessage(Exception e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage();
  }

  /** Work on a handle that may throw {@link SQLException}. */
  @FunctionalInterface
  public interface HandleFunction<T> {
    T apply(Handle handle) throws SQLException;
  }
}
