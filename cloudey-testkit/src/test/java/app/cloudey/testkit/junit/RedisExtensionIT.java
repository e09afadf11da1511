package app.cloudey.testkit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The embedded Redis is a real server, a logical database per class, no temp folder left. */
class RedisExtensionIT {

  @RegisterExtension static final RedisExtension REDIS = RedisExtension.embedded();

  private static RedisClient client;
  private static StatefulRedisConnection<String, String> connection;

  @BeforeAll
  static void connect(RedisServerInfo info) {
    client = RedisClient.create(info.uri());
    connection = client.connect();
  }

  @AfterAll
  static void disconnect() {
    connection.close();
    client.shutdown();
  }

  @Test
  void pingAnswersPongFromARealServer() {
    RedisCommands<String, String> redis = connection.sync();
    assertThat(redis.ping()).isEqualTo("PONG");
    // the bundled binary (redis_version 6.2.x)
    assertThat(redis.info("server")).contains("redis_version:6.2");
  }

  @Test
  void theClassHasItsOwnLogicalDatabase(RedisServerInfo info) {
    assertThat(REDIS.isEmbedded()).isTrue();
    assertThat(info.database()).isBetween(1, 63);
    assertThat(info.uri()).isEqualTo("redis://127.0.0.1:" + info.port() + "/" + info.database());
    RedisCommands<String, String> redis = connection.sync();
    redis.set("cloudey:probe", "1");
    assertThat(redis.get("cloudey:probe")).isEqualTo("1");
    redis.select(0);
    assertThat(redis.get("cloudey:probe")).isNull();
    redis.select(info.database());
  }

  @Test
  void theServerLivesInItsOwnTempFolderWhichIsDeletedAtExit() throws Exception {
    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                EmbeddedRedisProbe.class.getName())
            .redirectErrorStream(true)
            .start();
    String dir = null;
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        if (line.startsWith("DIR=")) {
          dir = line.substring(4);
        }
      }
    }
    assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(child.exitValue()).isZero();
    assertThat(dir).isNotNull();
    Path folder = Path.of(dir);
    assertThat(folder.getFileName().toString()).startsWith("cloudey-redis-");
    assertThat(folder.getParent())
        .isEqualTo(Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath());
    assertThat(Files.exists(folder)).as("%s deleted at exit", folder).isFalse();
  }
}
