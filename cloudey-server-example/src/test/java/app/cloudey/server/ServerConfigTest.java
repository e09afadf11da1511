package app.cloudey.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.cloudey.CloudeyConfigException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerConfigTest {
  static final String KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

  @Test
  void noDatabaseMeansTheDemo() {
    ServerConfig c = ServerConfig.fromEnvironment(Map.of());
    assertThat(c.demo()).isTrue();
    assertThat(c.jdbcUrl()).isNull();
    assertThat(c.port()).isEqualTo(8080);
    assertThat(c.redisUri()).isNull();
    assertThat(c.summary()).anyMatch(l -> l.contains("embedded PostgreSQL"));
  }

  @Test
  void readsAPostgresqlUrlWithItsCredentials() {
    ServerConfig c =
        ServerConfig.fromEnvironment(
            Map.of(
                "DATABASE_URL", "postgresql://app:s%40cret@db.example:6543/costs?sslmode=require",
                "ENCRYPTION_KEY", KEY,
                "REDIS_HOST", "cache",
                "OPENAI_API_KEY", "sk-verysecretkey"));
    assertThat(c.demo()).isFalse();
    assertThat(c.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example:6543/costs?sslmode=require");
    assertThat(c.dbUser()).isEqualTo("app");
    assertThat(c.dbPassword()).isEqualTo("s@cret");
    assertThat(c.redisUri()).isEqualTo("redis://cache:6379");
    String summary = String.join("\n", c.summary());
    assertThat(summary)
        .doesNotContain("s@cret")
        .doesNotContain("sk-verysecretkey")
        .doesNotContain(KEY);
    assertThat(summary).contains("sk-v****");
    assertThat(c.toString()).doesNotContain("s@cret");
  }

  @Test
  void readsAJdbcUrlAndPostgresVariables() {
    assertThat(
            ServerConfig.fromEnvironment(
                    Map.of(
                        "DATABASE_URL",
                        "jdbc:postgresql://h/db?user=u&password=p",
                        "ENCRYPTION_KEY",
                        KEY))
                .jdbcUrl())
        .isEqualTo("jdbc:postgresql://h/db?user=u&password=p");
    ServerConfig c =
        ServerConfig.fromEnvironment(
            Map.of(
                "POSTGRES_HOST",
                "pg",
                "POSTGRES_DB",
                "cloudey",
                "POSTGRES_USER",
                "u",
                "POSTGRES_PASSWORD",
                "pw",
                "ENCRYPTION_KEY",
                KEY));
    assertThat(c.jdbcUrl()).isEqualTo("jdbc:postgresql://pg:5432/cloudey");
    assertThat(String.join("\n", c.summary())).doesNotContain("pw\n").contains("password ****");
    assertThat(ServerConfig.maskUrl("jdbc:postgresql://h/db?user=u&password=p"))
        .endsWith("password=****");
  }

  @Test
  void badValuesNameTheVariable() {
    assertThatThrownBy(() -> ServerConfig.fromEnvironment(Map.of("PORT", "eighty")))
        .isInstanceOf(CloudeyConfigException.class)
        .hasMessageContaining("PORT");
    assertThatThrownBy(() -> ServerConfig.fromEnvironment(Map.of("PORT", "70000")))
        .hasMessageContaining("PORT must be between 0 and 65535");
    assertThatThrownBy(
            () ->
                ServerConfig.fromEnvironment(
                    Map.of("DATABASE_URL", "mysql://x/y", "ENCRYPTION_KEY", KEY)))
        .hasMessageContaining("DATABASE_URL");
    assertThatThrownBy(
            () -> ServerConfig.fromEnvironment(Map.of("DATABASE_URL", "postgresql://h/db")))
        .hasMessageContaining("ENCRYPTION_KEY is required");
    assertThatThrownBy(() -> ServerConfig.fromEnvironment(Map.of("ENCRYPTION_KEY", "c2hvcnQ=")))
        .hasMessageContaining("ENCRYPTION_KEY decodes to 5 bytes");
    assertThatThrownBy(() -> ServerConfig.fromEnvironment(Map.of("ENCRYPTION_KEY", "***")))
        .hasMessageContaining("ENCRYPTION_KEY is not base64");
    assertThatThrownBy(() -> ServerConfig.fromEnvironment(Map.of("LOG_LEVEL", "LOUD")))
        .hasMessageContaining("LOG_LEVEL");
    assertThatThrownBy(() -> ServerConfig.fromEnvironment(Map.of("CLOUDEY_DEMO", "maybe")))
        .hasMessageContaining("CLOUDEY_DEMO");
    assertThatThrownBy(() -> ServerConfig.fromEnvironment(Map.of("CLOUDEY_DEMO", "false")))
        .hasMessageContaining("DATABASE_URL");
    assertThatThrownBy(
            () -> ServerConfig.fromEnvironment(Map.of("OPENAI_BASE_URL", "localhost:11434")))
        .hasMessageContaining("OPENAI_BASE_URL");
    assertThatThrownBy(() -> ServerConfig.fromEnvironment(Map.of("CLOUDEY_CORS_ORIGINS", "evil")))
        .hasMessageContaining("CLOUDEY_CORS_ORIGINS");
    assertThatThrownBy(
            () -> ServerConfig.fromEnvironment(Map.of("REDIS_HOST", "r", "REDIS_PORT", "x")))
        .hasMessageContaining("REDIS_PORT");
  }
}
