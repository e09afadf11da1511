package app.cloudey.testkit.junit;

import app.cloudey.testkit.internal.EmbeddedRedisServer;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A real Redis for a test class: a logical database of its own, flushed before the class and after
 * it.
 *
 * <p>The server is an embedded one by default (the redis-server binary bundled in embedded-redis,
 * one per JVM on a free loopback port, stopped at JVM exit with its temp directory deleted), or the
 * one at the URI in the environment variable {@value #URL_ENV} when it is set (e.g. {@code
 * redis://127.0.0.1:6379}). On such a shared server database 0 is never touched: the extension
 * picks an empty database among 1..15 (at random, so parallel builds rarely meet), which must
 * therefore hold nothing you want to keep.
 *
 * <p>Use it as a static field ({@code REDIS.info().uri()}) or with {@code @ExtendWith} and
 * parameter injection of {@link RedisServerInfo}. {@code @Nested} classes share the outer class's
 * database.
 *
 * <pre>{@code
 * class RedisCacheIT extends CloudeyCacheContract {
 *   @RegisterExtension static final RedisExtension REDIS = RedisExtension.create();
 *   protected CloudeyCache createCache() { return RedisCache.create(REDIS.info().uri()); }
 * }
 * }</pre>
 */
public final class RedisExtension
    implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

  /** Environment variable naming a running server to use instead of the embedded one. */
  public static final String URL_ENV = "CLOUDEY_TEST_REDIS_URL";

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(RedisExtension.class);
  private static final int SHARED_SERVER_DATABASES = 16;

  private final @Nullable URI externalUri;
  private volatile @Nullable RedisServerInfo info;

  /** The server of {@value #URL_ENV} if set, else the embedded one (for {@code @ExtendWith}). */
  public RedisExtension() {
    this(parse(System.getenv(URL_ENV)));
  }

  private RedisExtension(@Nullable URI externalUri) {
    this.externalUri = externalUri;
  }

  /** The server of {@value #URL_ENV} if set, else the embedded one. */
  public static RedisExtension create() {
    return new RedisExtension();
  }

  /** Always the embedded server. */
  public static RedisExtension embedded() {
    return new RedisExtension(null);
  }

  /** The server at {@code uri}, e.g. {@code redis://127.0.0.1:6379}. */
  public static RedisExtension external(String uri) {
    URI parsed = parse(uri);
    if (parsed == null) {
      throw new IllegalArgumentException("uri must not be blank");
    }
    return new RedisExtension(parsed);
  }

  public boolean isEmbedded() {
    return externalUri == null;
  }

  /** The current test class's database; only between its before-all and after-all. */
  public RedisServerInfo info() {
    RedisServerInfo current = info;
    if (current == null) {
      throw new IllegalStateException(
          "no Redis database: register the extension on the test class (a static"
              + " @RegisterExtension field or @ExtendWith) and use it from the tests");
    }
    return current;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    RedisServerInfo inherited = context.getStore(NAMESPACE).get("info", RedisServerInfo.class);
    if (inherited != null) {
      info = inherited;
      return;
    }
    RedisServerInfo created = externalUri == null ? embeddedDatabase() : externalDatabase();
    context.getStore(NAMESPACE).put("info", created);
    context.getStore(NAMESPACE).put("owner", context.getUniqueId());
    info = created;
  }

  @Override
  public void afterAll(ExtensionContext context) {
    ExtensionContext.Store store = context.getStore(NAMESPACE);
    if (context.getUniqueId().equals(store.get("owner", String.class))) {
      RedisServerInfo released = store.remove("info", RedisServerInfo.class);
      store.remove("owner");
      info = null;
      if (released != null) {
        withRedis(released.host(), released.port(), released.database(), RedisCommands::flushdb);
      }
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == RedisServerInfo.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    RedisServerInfo current = context.getStore(NAMESPACE).get("info", RedisServerInfo.class);
    if (current == null) {
      throw new ParameterResolutionException(
          "no Redis database yet: register RedisExtension on the test class");
    }
    return current;
  }

  private RedisServerInfo embeddedDatabase() {
    EmbeddedRedisServer server = EmbeddedRedisServer.get();
    int db = server.nextDatabase();
    withRedis("127.0.0.1", server.port(), db, RedisCommands::flushdb);
    return info("127.0.0.1", server.port(), db);
  }

  private RedisServerInfo externalDatabase() {
    URI uri = externalUri;
    if (uri == null) {
      throw new IllegalStateException("external database without a URI");
    }
    String host = uri.getHost() == null ? "127.0.0.1" : uri.getHost();
    int port = uri.getPort() < 0 ? 6379 : uri.getPort();
    List<Integer> candidates = new ArrayList<>();
    for (int db = 1; db < SHARED_SERVER_DATABASES; db++) {
      candidates.add(db);
    }
    Collections.shuffle(candidates, ThreadLocalRandom.current());
    return withRedis(
        host,
        port,
        0,
        redis -> {
          Integer chosen = null;
          for (int db : candidates) {
            redis.select(db);
            if (redis.dbsize() == 0L) {
              chosen = db;
              break;
            }
          }
          if (chosen == null) {
            // never flush data we did not create: someone else's database may hold real data
            throw new IllegalStateException(
                "no empty Redis database among 1.."
                    + (SHARED_SERVER_DATABASES - 1)
                    + " on "
                    + host
                    + ":"
                    + port
                    + "; free one (FLUSHDB) or unset "
                    + URL_ENV
                    + " to use an embedded Redis");
          }
          redis.select(chosen);
          redis.flushdb();
          return info(host, port, chosen);
        });
  }

  private RedisServerInfo info(String host, int port, int db) {
    String userInfo = externalUri == null ? null : externalUri.getRawUserInfo();
    String auth = userInfo == null ? "" : userInfo + "@";
    return new RedisServerInfo("redis://" + auth + host + ":" + port + "/" + db, host, port, db);
  }

  /** Runs admin commands on one database through a short-lived Lettuce connection. */
  private <T> T withRedis(
      String host, int port, int database, Function<RedisCommands<String, String>, T> work) {
    RedisURI.Builder uri =
        RedisURI.builder()
            .withHost(host)
            .withPort(port)
            .withDatabase(database)
            .withTimeout(Duration.ofSeconds(10));
    String password = password();
    if (password != null) {
      uri.withPassword(password.toCharArray());
    }
    RedisClient client = RedisClient.create(uri.build());
    try (StatefulRedisConnection<String, String> connection = client.connect()) {
      return work.apply(connection.sync());
    } finally {
      client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
  }

  private @Nullable String password() {
    String userInfo = externalUri == null ? null : externalUri.getUserInfo();
    if (userInfo == null) {
      return null;
    }
    int colon = userInfo.indexOf(':');
    return colon < 0 ? userInfo : userInfo.substring(colon + 1);
  }

  private static @Nullable URI parse(@Nullable String uri) {
    if (uri == null || uri.isBlank()) {
      return null;
    }
    URI parsed = URI.create(uri.trim());
    if (!"redis".equals(parsed.getScheme())) {
      throw new IllegalArgumentException(
          "not a Redis URI (scheme '" + parsed.getScheme() + "'); expected redis://host:port");
    }
    return parsed;
  }

  @Override
  public String toString() {
    return "RedisExtension["
        + (externalUri == null
            ? "embedded"
            : externalUri.getHost()
                + ":"
                + (externalUri.getPort() < 0 ? 6379 : externalUri.getPort()))
        + "]";
  }
}
