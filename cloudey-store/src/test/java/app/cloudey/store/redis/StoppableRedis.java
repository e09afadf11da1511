package app.cloudey.store.redis;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import redis.embedded.RedisServer;
import redis.embedded.core.ExecutableProvider;

/** An embedded Redis of its own that a test can stop and start again on the same port. */
final class StoppableRedis implements AutoCloseable {
  private final Path directory;
  private final int port;
  private RedisServer server;

  StoppableRedis() throws IOException {
    this.directory = Files.createTempDirectory("cloudey-store-redis-");
    try (ServerSocket socket = new ServerSocket(0)) {
      this.port = socket.getLocalPort();
    }
  }

  String uri() {
    return "redis://127.0.0.1:" + port;
  }

  StoppableRedis start() throws IOException {
    File binary = ExecutableProvider.newJarResourceProvider(directory.toFile()).get();
    server =
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
                "--dir",
                directory.toString()),
            true);
    server.start();
    return this;
  }

  void stop() throws IOException {
    if (server != null) {
      server.stop();
      server = null;
    }
  }

  @Override
  public void close() throws IOException {
    stop();
    try (Stream<Path> files = Files.walk(directory)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (UncheckedIOException ignored) {
      // best effort
    }
  }
}
