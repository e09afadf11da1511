package app.cloudey.testkit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.extension.RegisterExtension;

/** With {@code CLOUDEY_TEST_REDIS_URL} set, the extension uses that server, never database 0. */
@EnabledIfEnvironmentVariable(named = RedisExtension.URL_ENV, matches = ".+")
class RedisExtensionExternalIT {

  @RegisterExtension static final RedisExtension REDIS = RedisExtension.create();

  @Test
  void pingAnswersPongFromTheConfiguredServer(RedisServerInfo info) {
    assertThat(REDIS.isEmbedded()).isFalse();
    assertThat(info.database()).isBetween(1, 15);
    RedisClient client = RedisClient.create(info.uri());
    try (StatefulRedisConnection<String, String> connection = client.connect()) {
      assertThat(connection.sync().ping()).isEqualTo("PONG");
      assertThat(connection.sync().dbsize()).isZero();
    } finally {
      client.shutdown();
    }
  }
}
