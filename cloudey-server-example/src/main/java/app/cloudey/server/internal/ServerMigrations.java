package app.cloudey.server.internal;

import app.cloudey.CloudeyStoreException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * The server's tables (users, tokens) through its own Flyway location ({@value #LOCATION}) and
 * history table ({@value #HISTORY_TABLE}), beside the store's tables in its schema without touching
 * the store's history (as cloudey-scheduler does with its own).
 */
public final class ServerMigrations {
  public static final String LOCATION = "classpath:db/cloudey-server/migration";
  public static final String HISTORY_TABLE = "cloudey_server_schema_history";
  public static final String SCHEMA = "cloudey";

  private ServerMigrations() {}

  public static void migrate(DataSource dataSource) {
    try {
      Flyway.configure(ServerMigrations.class.getClassLoader())
          .dataSource(dataSource)
          .schemas(SCHEMA)
          .defaultSchema(SCHEMA)
          .createSchemas(true)
          .table(HISTORY_TABLE)
          .locations(LOCATION)
          // the schema already holds the store's tables: start our history at 0 beside them
          .baselineOnMigrate(true)
          .baselineVersion("0")
          .load()
          .migrate();
    } catch (FlywayException e) {
      throw new CloudeyStoreException(
          "migrating the server's tables in schema '" + SCHEMA + "' failed: " + e.getMessage(), e);
    }
  }
}
