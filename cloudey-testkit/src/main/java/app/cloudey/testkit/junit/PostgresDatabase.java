package app.cloudey.testkit.junit;

import javax.sql.DataSource;

/**
 * One test class's PostgreSQL database, created by {@link PostgresExtension} and dropped after the
 * class.
 *
 * @param name database name, e.g. {@code cloudey_test_3f2a9c}
 * @param jdbcUrl JDBC URL of the database, user included, e.g. {@code
 *     jdbc:postgresql://localhost:5432/cloudey_test_3f2a9c?user=postgres}
 * @param user user name
 * @param password password; empty when the server needs none
 * @param dataSource a non-pooling data source of the database (wrap it in a pool if you need one)
 */
public record PostgresDatabase(
    String name, String jdbcUrl, String user, String password, DataSource dataSource) {

  @Override
  public String toString() {
    return "PostgresDatabase[" + jdbcUrl + ", user=" + user + "]";
  }
}
