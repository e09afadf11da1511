package app.cloudey.testkit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.extension.RegisterExtension;

/** With {@code CLOUDEY_TEST_PG_URL} set, the extension uses that server, in a new database. */
@EnabledIfEnvironmentVariable(named = PostgresExtension.URL_ENV, matches = ".+")
class PostgresExtensionExternalIT {

  @RegisterExtension static final PostgresExtension PG = PostgresExtension.create();

  @Test
  void selectVersionAnswersFromTheConfiguredServer(DataSource dataSource) throws SQLException {
    assertThat(PG.isEmbedded()).isFalse();
    assertThat(PostgresExtensionIT.query(dataSource, "select version()")).startsWith("PostgreSQL");
    String url = System.getenv(PostgresExtension.URL_ENV);
    String hostAndPort = url.replaceFirst("jdbc:postgresql://([^/?]*).*", "$1");
    assertThat(PG.database().jdbcUrl()).contains(hostAndPort + "/" + PG.database().name());
    assertThat(PostgresExtensionIT.query(dataSource, "select current_database()"))
        .isEqualTo(PG.database().name());
  }
}
