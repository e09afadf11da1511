package app.cloudey.testkit.junit;

import app.cloudey.testkit.internal.EmbeddedRedisServer;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;

/** Started in a child JVM by {@link RedisExtensionIT}: prints the embedded server's directory. */
public final class EmbeddedRedisProbe {
  private EmbeddedRedisProbe() {}

  public static void main(String[] args) {
    EmbeddedRedisServer server = EmbeddedRedisServer.get();
    RedisClient client = RedisClient.create("redis://127.0.0.1:" + server.port());
    try (StatefulRedisConnection<String, String> redis = client.connect()) {
      System.out.println("DIR=" + redis.sync().configGet("dir").get("dir"));
    } finally {
      client.shutdown();
    }
  }
}
