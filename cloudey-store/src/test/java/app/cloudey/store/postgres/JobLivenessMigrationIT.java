package app.cloudey.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import app.cloudey.Cloudey;
import app.cloudey.model.AccountId;
import app.cloudey.model.JobRecord;
import app.cloudey.model.JobState;
import app.cloudey.testkit.Fixtures;
import app.cloudey.testkit.junit.PostgresExtension;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * V7 (job liveness) over jobs written before it: a job left RUNNING by a process of the earlier
 * release gets its start as heartbeat and an owner that never beats, so the first Cloudey built on
 * the migrated store abandons it instead of showing it running forever.
 */
class JobLivenessMigrationIT {
  @RegisterExtension static final PostgresExtension PG = PostgresExtension.create();

  @Test
  void aJobLeftRunningBeforeV7IsAbandonedByTheFirstCloudeyBuilt() throws Exception {
    String schema = "cloudey_v6";
    TestDatabase.of(PG).migrateTo(schema, "6");
    AccountId id = Fixtures.randomAccountId();
    try (Connection c = TestDatabase.of(PG).dataSource().getConnection();
        Statement s = c.createStatement()) {
      // what release 6 wrote for a sync whose process died
      s.execute(
          "insert into cloudey_v6.job (job_id, account_id, kind, state, progress_done,"
              + " progress_total, items_seen, created_at, started_at, result) values ('job-old', '"
              + id
              + "', 'INVENTORY_SYNC', 'RUNNING', 3, 8, 40, '2026-11-01T10:00:00Z',"
              + " '2026-11-01T10:00:05Z', '{}')");
    }
    try (PostgresStore store =
        PostgresStore.builder()
            .dataSource(TestDatabase.of(PG).dataSource())
            .options(PostgresStore.Options.ofDefaults().withSchema(schema))
            .build()) {
      JobRecord migrated = store.jobs().find("job-old").orElseThrow();
      assertThat(migrated.state()).isEqualTo(JobState.RUNNING);
      assertThat(migrated.owner()).isEqualTo("unknown (written before V7)");
      assertThat(migrated.heartbeatAt()).isEqualTo(Instant.parse("2026-11-01T10:00:05Z"));
      assertThat(migrated.cancelRequested()).isFalse();

      try (Cloudey cloudey = Cloudey.builder().store(store).build()) {
        JobRecord abandoned = store.jobs().find("job-old").orElseThrow(); // the build's sweep
        assertThat(abandoned.state()).isEqualTo(JobState.ABANDONED);
        assertThat(abandoned.error()).contains("no heartbeat since before");
        assertThat(abandoned.progress().done()).isEqualTo(3);
        assertThat(cloudey.jobs().find("job-old")).contains(abandoned);
      }
    }
  }
}
