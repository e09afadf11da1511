package app.cloudey.scheduler.internal;

import app.cloudey.CloudeyConfigException;
import app.cloudey.CloudeyStoreException;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.jspecify.annotations.Nullable;

/**
 * The scheduler's table through its own Flyway history ({@value #HISTORY_TABLE}) and location
 * ({@value #LOCATION}), so it shares a schema with the PostgreSQL store (or a host's own Flyway)
 * without touching their history.
 */
public final class Migrations {
  public static final String HISTORY_TABLE = "cloudey_scheduler_schema_history";
  public static final String LOCATION = "classpath:db/cloudey-scheduler/migration";
  private static final Pattern SCHEMA = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

  private Migrations() {}

  public static String checkSchema(@Nullable String schema) {
    if (schema == null || !SCHEMA.matcher(schema).matches()) {
      throw new CloudeyConfigException(
          "schema '" + schema + "' is invalid: use a lower-case SQL identifier such as 'cloudey'");
    }
    return schema;
  }

  public static void migrate(DataSource dataSource, String schema) {
    try {
      Flyway.configure(Migrations.class.getClassLoader())
          .dataSource(dataSource)
          .schemas(schema)
          .defaultSchema(schema)
          .createSchemas(true)
          .table(HISTORY_TABLE)
          .locations(LOCATION)
          // the schema usually holds the store's tables already: start our history at 0 beside them
          .baselineOnMigrate(true)
          .baselineVersion("0")
          .load()
          .migrate();
    } catch (FlywayException e) {
      throw new CloudeyStoreException(
          "migrating the scheduler's table in schema '"
              + schema
              + "' failed: "
              + e.getMessage()
              + " (the database user needs CREATE on the schema)",
          e);
    }
  }
}
