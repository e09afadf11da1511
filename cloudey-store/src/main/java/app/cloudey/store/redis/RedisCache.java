package app.cloudey.store.redis;

import app.cloudey.CloudeyConfigException;
import app.cloudey.CloudeyException;
import app.cloudey.model.AccountId;
import app.cloudey.spi.CacheKey;
import app.cloudey.spi.CloudeyCache;
import app.cloudey.store.redis.internal.ValueCodec;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.SetArgs;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A {@link CloudeyCache} in Redis (Lettuce). Keys are {@code
 * cloudey:v1:<storeId>:<account>:<dataVersion>:<sha256 of the query>} (the store id keeps
 * deployments that share one Redis apart), values JSON envelopes of model records, with the TTL
 * Cloudey asks for, capped at {@link Options#maxTtl()}. Cloudey asks for no TTL for closed months,
 * but a write that changes an account's data moves its data version, which is part of the key, so
 * an entry without expiry would be orphaned forever: such entries expire after {@link
 * Options#maxTtl()} ({@link Options#DEFAULT_MAX_TTL} by default). Evicting an account uses {@code
 * SCAN}, never {@code KEYS}. A value that cannot be read (corrupt, or not a Cloudey entry) is
 * deleted (best effort) before {@link #get} throws, so the next query recomputes and rewrites it.
 *
 * <p>Built for outages: commands time out after {@link Options#commandTimeout()} and fail at once
 * while Redis is disconnected (no queueing), the client reconnects by itself, and a Redis that is
 * down when the cache is created is retried at most once per {@link Options#reconnectBackoff()}.
 * Every failure is thrown as a {@link CloudeyException}; Cloudey reports it to its listener and
 * answers from the store, so a cache failure never fails a query.
 *
 * <pre>{@code
 * try (RedisCache cache = RedisCache.create("redis://localhost:6379")) {
 *   Cloudey cloudey = Cloudey.builder().store(store).cache(cache).build();
 * }
 * }</pre>
 *
 * <p>Thread-safe: one connection is shared by all threads. {@link #close()} closes the client.
 */
public final class RedisCache implements CloudeyCache {
  private static final Pattern SAFE_STORE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  private final Options options;
  private final RedisURI uri;
  private final ClientResources resources;
  private final RedisClient client;
  private final ValueCodec codec = new ValueCodec();
  private @Nullable StatefulRedisConnection<String, String> connection;
  private long nextConnectAttemptNanos;
  private @Nullable String lastConnectError;

  private RedisCache(String uri, Options options) {
    this.options = options;
    try {
      this.uri = RedisURI.create(uri);
    } catch (RuntimeException e) {
      // the parser's message (and so the cause) may quote the URI, password included
      String userInfo = userInfo(uri);
      String detail = String.valueOf(e.getMessage());
      throw new CloudeyConfigException(
          "Redis URI '"
              + maskUserInfo(uri)
              + "' is invalid ("
              + (userInfo.isEmpty() ? detail : detail.replace(userInfo, "***"))
              + "): expected e.g. redis://localhost:6379/0",
          userInfo.isEmpty() ? e : null);
    }
    this.uri.setTimeout(options.commandTimeout());
    this.resources =
        ClientResources.builder()
            .ioThreadPoolSize(2)
            .computationThreadPoolSize(2)
            .reconnectDelay(
                Delay.exponential(
                    Duration.ofMillis(20), options.reconnectBackoff(), 2, TimeUnit.MILLISECONDS))
            .build();
    this.client = RedisClient.create(resources, this.uri);
    client.setOptions(
        ClientOptions.builder()
            .autoReconnect(true)
            .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
            .socketOptions(SocketOptions.builder().connectTimeout(options.connectTimeout()).build())
            .timeoutOptions(TimeoutOptions.enabled(options.commandTimeout()))
            .build());
  }

  /** A cache at the URI with default options, e.g. {@code redis://localhost:6379}. */
  public static RedisCache create(String uri) {
    return new RedisCache(uri, Options.ofDefaults());
  }

  public static RedisCache create(String uri, Options options) {
    return new RedisCache(uri, options);
  }

  @Override
  public <T> Optional<T> get(CacheKey key, Class<T> type) {
    String redisKey = redisKey(key);
    String json = run("GET", c -> c.get(redisKey));
    if (json == null) {
      return Optional.empty();
    }
    try {
      return codec.decode(key, json, type);
    } catch (CloudeyException e) {
      // a corrupt value would fail every read and never be rewritten: drop it (best effort)
      try {
        run("UNLINK", c -> c.unlink(redisKey));
      } catch (CloudeyException unlinkFailure) {
        e.addSuppressed(unlinkFailure);
      }
      throw e;
    }
  }

  @Override
  public void put(CacheKey key, Object value, @Nullable Duration ttl) {
    if (ttl != null && (ttl.isNegative() || ttl.isZero())) {
      return; // already expired
    }
    Duration effective =
        ttl == null || ttl.compareTo(options.maxTtl()) > 0 ? options.maxTtl() : ttl;
    String json = codec.encode(key, value);
    String redisKey = redisKey(key);
    run("SET", c -> c.set(redisKey, json, SetArgs.Builder.px(Math.max(1, effective.toMillis()))));
  }

  @Override
  public void evictAccount(String storeId, AccountId accountId) {
    if (storeId == null || !SAFE_STORE_ID.matcher(storeId).matches()) {
      // a glob character would let the SCAN pattern match other stores' keys
      throw new CloudeyConfigException(
          "storeId '" + storeId + "' is invalid: expected 1-64 characters from [A-Za-z0-9._-]");
    }
    String pattern = options.keyPrefix() + storeId + ":" + accountId.value() + ":*";
    run(
        "SCAN+UNLINK",
        c -> {
          ScanArgs args = ScanArgs.Builder.matches(pattern).limit(options.scanCount());
          KeyScanCursor<String> cursor = c.scan(args);
          while (true) {
            if (!cursor.getKeys().isEmpty()) {
              c.unlink(cursor.getKeys().toArray(String[]::new));
            }
            if (cursor.isFinished()) {
              return null;
            }
            cursor = c.scan(ScanCursor.of(cursor.getCursor()), args);
          }
        });
  }

  /** The Redis key of a cache key. */
  public String redisKey(CacheKey key) {
    return options.keyPrefix()
        + key.storeId()
        + ":"
        + key.accountId().value()
        + ":"
        + key.dataVersion()
        + ":"
        + sha256(key.query());
  }

  @Override
  public void close() {
    synchronized (this) {
      if (connection != null) {
        connection.close();
        connection = null;
      }
    }
    client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    resources.shutdown(0, 2, TimeUnit.SECONDS);
  }

  private <R> @Nullable R run(String operation, Command<R> command) {
    try {
      return command.run(connection().sync());
    } catch (CloudeyException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new CloudeyException(
          "Redis "
              + operation
              + " at "
              + uri.getHost()
              + ":"
              + uri.getPort()
              + " failed: "
              + e.getMessage(),
          e);
    }
  }

  private synchronized StatefulRedisConnection<String, String> connection() {
    if (connection != null) {
      return connection; // Lettuce reconnects it by itself after an outage
    }
    long now = System.nanoTime();
    if (now - nextConnectAttemptNanos < 0) {
      throw new CloudeyException(
          "Redis at "
              + uri.getHost()
              + ":"
              + uri.getPort()
              + " is unreachable ("
              + lastConnectError
              + "); retrying shortly");
    }
    try {
      connection = client.connect(StringCodec.UTF8);
      return connection;
    } catch (RuntimeException e) {
      nextConnectAttemptNanos = now + options.reconnectBackoff().toNanos();
      lastConnectError = e.getMessage();
      throw new CloudeyException(
          "cannot connect to Redis at "
              + uri.getHost()
              + ":"
              + uri.getPort()
              + ": "
              + e.getMessage(),
          e);
    }
  }

  /** The URI with any user-info (user name, password) replaced by {@code ***}. */
  static String maskUserInfo(String uri) {
    String userInfo = userInfo(uri);
    return userInfo.isEmpty() ? uri : uri.replace(userInfo + "@", "***@");
  }

  /** The user-info of the URI (everything between the scheme and the last {@code @}), or "". */
  private static String userInfo(String uri) {
    int start = uri.indexOf("://");
    start = start < 0 ? 0 : start + 3;
    int at = uri.lastIndexOf('@');
    return at <= start ? "" : uri.substring(start, at);
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  @FunctionalInterface
  private interface Command<R> {
    @Nullable R run(RedisCommands<String, String> commands);
  }

  /**
   * Options of the Redis cache.
   *
   * @param keyPrefix prefix of every key, {@link #DEFAULT_KEY_PREFIX} by default
   * @param commandTimeout how long one command may take before it fails
   * @param connectTimeout how long connecting may take
   * @param reconnectBackoff the longest wait between reconnection attempts
   * @param scanCount the {@code COUNT} hint of each {@code SCAN} step when evicting an account
   * @param maxTtl the longest an entry lives, {@link #DEFAULT_MAX_TTL} by default: applied to
   *     entries Cloudey caches without a TTL (closed months) and caps longer TTLs, so entries of
   *     superseded data versions do not pile up forever
   */
  public record Options(
      String keyPrefix,
      Duration commandTimeout,
      Duration connectTimeout,
      Duration reconnectBackoff,
      int scanCount,
      Duration maxTtl) {
    public static final String DEFAULT_KEY_PREFIX = "cloudey:v1:";
    public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofMillis(500);
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(1);
    public static final Duration DEFAULT_RECONNECT_BACKOFF = Duration.ofSeconds(1);
    public static final int DEFAULT_SCAN_COUNT = 500;
    public static final Duration DEFAULT_MAX_TTL = Duration.ofDays(7);

    public Options {
      if (keyPrefix == null || keyPrefix.isEmpty() || keyPrefix.matches(".*[*?\\[\\]\\\\].*")) {
        throw new CloudeyConfigException(
            "keyPrefix must be non-empty without glob characters (* ? [ ] \\), was " + keyPrefix);
      }
      positive(commandTimeout, "commandTimeout");
      positive(connectTimeout, "connectTimeout");
      positive(reconnectBackoff, "reconnectBackoff");
      if (scanCount < 1) {
        throw new CloudeyConfigException("scanCount must be at least 1, was " + scanCount);
      }
      positive(maxTtl, "maxTtl");
    }

    public static Options ofDefaults() {
      return new Options(
          DEFAULT_KEY_PREFIX,
          DEFAULT_COMMAND_TIMEOUT,
          DEFAULT_CONNECT_TIMEOUT,
          DEFAULT_RECONNECT_BACKOFF,
          DEFAULT_SCAN_COUNT,
          DEFAULT_MAX_TTL);
    }

    public Options withKeyPrefix(String prefix) {
      return new Options(
          prefix, commandTimeout, connectTimeout, reconnectBackoff, scanCount, maxTtl);
    }

    public Options withCommandTimeout(Duration timeout) {
      return new Options(keyPrefix, timeout, connectTimeout, reconnectBackoff, scanCount, maxTtl);
    }

    public Options withConnectTimeout(Duration timeout) {
      return new Options(keyPrefix, commandTimeout, timeout, reconnectBackoff, scanCount, maxTtl);
    }

    public Options withReconnectBackoff(Duration backoff) {
      return new Options(keyPrefix, commandTimeout, connectTimeout, backoff, scanCount, maxTtl);
    }

    public Options withMaxTtl(Duration ttl) {
      return new Options(
          keyPrefix, commandTimeout, connectTimeout, reconnectBackoff, scanCount, ttl);
    }

    private static void positive(Duration d, String field) {
      if (d == null || d.isNegative() || d.isZero()) {
        throw new CloudeyConfigException(field + " must be positive, was " + d);
      }
    }
  }
}
