package app.cloudey.testkit.junit;

import app.cloudey.testkit.internal.EmbeddedRedisServer;
import app.cloudey.testkit.internal.Resp;
import java.util.List;

/** Started in a child JVM by {@link RedisExtensionIT}: prints the embedded server's directory. */
public final class EmbeddedRedisProbe {
  private EmbeddedRedisProbe() {}

  public static void main(String[] args) {
    EmbeddedRedisServer server = EmbeddedRedisServer.get();
    try (Resp redis = new Resp("127.0.0.1", server.port(), null)) {
      List<?> dir = (List<?>) redis.command("CONFIG", "GET", "dir");
      System.out.println("DIR=" + dir.get(1));
    }
  }
}
