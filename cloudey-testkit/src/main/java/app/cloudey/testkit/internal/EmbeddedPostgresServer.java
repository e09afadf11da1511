package app.cloudey.testkit.internal;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The one embedded PostgreSQL of this JVM, started on first use and stopped at JVM exit. Static
 * because starting a server costs seconds and every test class of the JVM shares it, each in its
 * own database; this is the test kit's only static state.
 */
public final class EmbeddedPostgresServer {
  private static @Nullable EmbeddedPostgres server;

  private EmbeddedPostgresServer() {}

  /** The running server, started now if it is not yet. */
  public static synchronized EmbeddedPostgres get() {
    if (server == null) {
      try {
        server =
            EmbeddedPostgres.builder()
                .setPGStartupWait(Duration.ofSeconds(60))
                .setCleanDataDirectory(true)
                .setRegisterShutdownHook(true)
                // fsync off: test data need not survive a power cut, and it halves write latency
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                .setServerConfig("full_page_writes", "off")
                .setServerConfig("max_connections", "300")
                .start();
      } catch (IOException e) {
        throw new UncheckedIOException(
            "embedded PostgreSQL did not start (set CLOUDEY_TEST_PG_URL to use a running server)",
            e);
      }
    }
    return server;
  }
}
