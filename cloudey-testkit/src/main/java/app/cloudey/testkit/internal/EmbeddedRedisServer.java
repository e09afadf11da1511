package app.cloudey.testkit.internal;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import redis.embedded.RedisServer;
import redis.embedded.core.ExecutableProvider;

/**
 * The one embedded Redis of this JVM (the binary bundled in embedded-redis), on a free loopback
 * port, started on first use and stopped at JVM exit. Its binary and working directory live in one
 * {@code cloudey-redis-*} temp directory that is deleted at exit, so nothing is left behind (the
 * library's default leaves a {@code redis-*} directory per start). Persistence is off.
 */
public final class EmbeddedRedisServer {
  /** Logical databases of the embedded server: one per test class, handed out in turn. */
  public static final int DATABASES = 64;

  private static @Nullable EmbeddedRedisServer instance;

  private final RedisServer server;
  private final Path directory;
  private final int port;
  private int nextDatabase = 1;

  private EmbeddedRedisServer(RedisServer server, Path directory, int port) {
    this.server = server;
    this.directory = directory;
    this.port = port;
  }

  /** The running server, started now if it is not yet. */
  public static synchronized EmbeddedRedisServer get() {
    if (instance == null) {
      instance = start();
      EmbeddedRedisServer started = instance;
      Runtime.getRuntime()
          .addShutdownHook(new Thread(started::stop, "cloudey-testkit-redis-shutdown"));
    }
    return instance;
  }

  private static EmbeddedRedisServer start() {
    Path directory;
    try {
      directory = Files.createTempDirectory("cloudey-redis-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temp directory for embedded Redis", e);
    }
    IOException last = null;
    for (int attempt = 0; attempt < 3; attempt++) {
      int port = freePort();
      try {
        File binary = ExecutableProvider.newJarResourceProvider(directory.toFile()).get();
        RedisServer server =
            new RedisServer(
                port,
                List.of(
                    binary.getAbsolutePath(),
                    "--port",
                    Integer.toString(port),
                    "--bind",
                    "127.0.0.1",
                    "--save",
                    "",
                    "--appendonly",
                    "no",
                    "--databases",
                    Integer.toString(DATABASES),
                    "--dir",
                    directory.toAbsolutePath().toString()),
                true);
        server.start();
        return new EmbeddedRedisServer(server, directory, port);
      } catch (IOException e) {
        last = e; // most likely the port was taken between probing and binding
      }
    }
    deleteRecursively(directory);
    throw new UncheckedIOException(
        "embedded Redis did not start (set CLOUDEY_TEST_REDIS_URL to use a running server)", last);
  }

  public int port() {
    return port;
  }

  /** The next logical database for a test class (1 to {@link #DATABASES}-1, then round again). */
  public synchronized int nextDatabase() {
    int db = nextDatabase;
    nextDatabase = nextDatabase + 1 < DATABASES ? nextDatabase + 1 : 1;
    return db;
  }

  private void stop() {
    try {
      server.stop();
    } catch (IOException | RuntimeException ignored) {
      // the JVM is exiting; the process dies with it
    }
    deleteRecursively(directory);
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port for embedded Redis", e);
    }
  }

  static void deleteRecursively(Path directory) {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // best effort at exit
    }
  }
}
