package app.cloudey.store.postgres;

import app.cloudey.Cloudey;
import app.cloudey.Job;
import app.cloudey.model.AccountId;
import app.cloudey.testkit.FakeCloudProvider;
import app.cloudey.testkit.Fixtures;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;

/**
 * The process {@link KilledJobOwnerIT} kills: a Cloudey on the test database whose cloud answers
 * each call after ten minutes, so the inventory sync job it starts stays RUNNING (and heartbeated)
 * until the test kills the JVM with SIGKILL. Prints {@code job <id>} once the job is submitted.
 *
 * <p>Arguments: JDBC URL, user, password (may be empty), account id, heartbeat interval in
 * milliseconds, missed heartbeats.
 */
public final class DoomedJobOwnerMain {
  private DoomedJobOwnerMain() {}

  public static void main(String[] args) throws InterruptedException {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(args[0]);
    config.setUsername(args[1]);
    config.setPassword(args[2]);
    config.setMaximumPoolSize(4);
    HikariDataSource pool = new HikariDataSource(config);
    PostgresStore store =
        PostgresStore.builder()
            .dataSource(pool)
            .credentialKeys(TestDatabase.keys())
            .options(PostgresStore.Options.ofDefaults().withMigrate(false))
            .build();
    FakeCloudProvider slow = Fixtures.providerBuilder().callLatency(Duration.ofMinutes(10)).build();
    Cloudey cloudey =
        Cloudey.builder()
            .cloud(slow)
            .store(store)
            .jobHeartbeat(Duration.ofMillis(Long.parseLong(args[4])), Integer.parseInt(args[5]))
            .build();
    Job job = cloudey.account(AccountId.of(args[3])).inventory().syncAsync();
    System.out.println("job " + job.id());
    System.out.flush();
    Thread.sleep(Duration.ofMinutes(30).toMillis()); // never returns normally: the test kills it
  }
}
