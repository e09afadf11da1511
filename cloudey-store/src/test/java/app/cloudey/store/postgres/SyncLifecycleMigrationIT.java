package app.cloudey.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import app.cloudey.model.AccountId;
import app.cloudey.model.Resource;
import app.cloudey.model.SyncRun;
import app.cloudey.model.SyncState;
import app.cloudey.testkit.junit.PostgresExtension;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * V3 on a database written by version 1: sync runs get their state from their end and error, and
 * resources a state and an unattached start no earlier than their last listing.
 */
class SyncLifecycleMigrationIT {
  @RegisterExtension static final PostgresExtension PG = PostgresExtension.create();

  private static final AccountId ACME = AccountId.of("acme");
  private static final Instant FIRST_SEEN = Instant.parse("2026-09-01T06:00:00Z");
  private static final Instant LAST_SEEN = Instant.parse("2026-10-05T06:00:00Z");

  @Test
  void rowsWrittenBeforeV3AreBackfilled() throws SQLException {
    TestDatabase.of(PG).migrateTo("1");
    try (Connection c = TestDatabase.of(PG).dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute(
          "insert into cloudey.sync_run (account_id, run_id, kind, started_at, finished_at,"
              + " scopes_total, scopes_completed, counts, failures, error) values"
              + " ('acme', 'running', 'INVENTORY', '2026-10-05T06:00:00Z', null, 4, 1, '[]',"
              + " '[]', null),"
              + " ('acme', 'done', 'INVENTORY', '2026-10-04T06:00:00Z', '2026-10-04T06:01:00Z',"
              + " 4, 4, '[]', '[]', null),"
              + " ('acme', 'failed', 'INVENTORY', '2026-10-03T06:00:00Z', '2026-10-03T06:00:01Z',"
              + " 0, 0, '[]', '[]', 'regions could not be listed')");
      s.execute(
          "insert into cloudey.resource (account_id, resource_id, provider, resource_type, name,"
              + " region, compartment_id, lifecycle_state, attached_to, tags, attributes,"
              + " first_seen_at, seen_at) values"
              + " ('acme', 'vol-free', 'oci', 'BLOCK_VOLUME', 'free', 'r', 'c', 'AVAILABLE', null,"
              + " '{}', '{}', '2026-09-01T06:00:00Z', '2026-10-05T06:00:00Z'),"
              + " ('acme', 'vol-used', 'oci', 'BOOT_VOLUME', 'used', 'r', 'c', 'AVAILABLE', 'i-1',"
              + " '{}', '{}', '2026-09-01T06:00:00Z', '2026-10-05T06:00:00Z'),"
              + " ('acme', 'i-1', 'oci', 'INSTANCE', 'web', 'r', 'c', 'STOPPED', null,"
              + " '{}', '{}', '2026-09-01T06:00:00Z', '2026-10-05T06:00:00Z')");
    }

    try (PostgresStore store = TestDatabase.of(PG).store()) {
      assertThat(state(store, "running")).isEqualTo(SyncState.RUNNING);
      assertThat(state(store, "done")).isEqualTo(SyncState.SUCCEEDED);
      assertThat(state(store, "failed")).isEqualTo(SyncState.FAILED);
      assertThat(tracking(store, "vol-free"))
          .isEqualTo(new Resource.Tracking(FIRST_SEEN, LAST_SEEN, LAST_SEEN));
      assertThat(tracking(store, "vol-used"))
          .isEqualTo(new Resource.Tracking(FIRST_SEEN, LAST_SEEN, null));
      assertThat(tracking(store, "i-1"))
          .isEqualTo(new Resource.Tracking(FIRST_SEEN, LAST_SEEN, null));
    }
  }

  private static SyncState state(PostgresStore store, String runId) {
    return store.syncRuns().find(ACME, runId).map(SyncRun::state).orElseThrow();
  }

  private static Resource.Tracking tracking(PostgresStore store, String resourceId) {
    return Objects.requireNonNull(
        store.inventory().findResource(ACME, resourceId).orElseThrow().tracking());
  }
}
