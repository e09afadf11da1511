package app.cloudey.memory;

import static app.cloudey.memory.Data.ACME;
import static app.cloudey.memory.Data.GLOBEX;
import static app.cloudey.memory.Data.T0;
import static app.cloudey.memory.Data.cpu;
import static app.cloudey.memory.Data.missingCpu;
import static app.cloudey.memory.Data.run;
import static app.cloudey.testing.Refusals.refused;
import static org.assertj.core.api.Assertions.assertThat;

import app.cloudey.model.MetricDaily;
import app.cloudey.model.MetricName;
import app.cloudey.model.MetricQuery;
import app.cloudey.model.Period;
import app.cloudey.model.SyncRun;
import app.cloudey.spi.MetricStore;
import app.cloudey.spi.SyncRunStore;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InMemoryMetricAndSyncRunStoreTest {
  private static final Period WEEK = Period.parse("2026-11-16", "2026-11-23");

  private final InMemoryStore store = InMemoryStore.create();
  private final MetricStore metrics = store.metrics();
  private final SyncRunStore runs = store.syncRuns();

  @Test
  void readsMetricsOrderedByResourceMetricAndDay() {
    MetricDaily mem =
        new MetricDaily(
            ACME,
            "i-a",
            MetricName.MEMORY_UTILIZATION,
            LocalDate.parse("2026-11-16"),
            5.0,
            6.0,
            5.5,
            24);
    metrics.upsert(
        ACME,
        List.of(
            cpu(ACME, "i-b", "2026-11-16", 1),
            cpu(ACME, "i-a", "2026-11-17", 2),
            mem,
            cpu(ACME, "i-a", "2026-11-16", 3)));
    assertThat(metrics.daily(ACME, MetricQuery.of(WEEK)))
        .containsExactly(
            cpu(ACME, "i-a", "2026-11-16", 3),
            cpu(ACME, "i-a", "2026-11-17", 2),
            mem,
            cpu(ACME, "i-b", "2026-11-16", 1));
    assertThat(metrics.daily(ACME, MetricQuery.of(WEEK).resources(Set.of("i-b")))).hasSize(1);
    assertThat(metrics.daily(ACME, MetricQuery.of(WEEK).metrics(MetricName.MEMORY_UTILIZATION)))
        .containsExactly(mem);
    assertThat(metrics.daily(ACME, MetricQuery.of(Period.parse("2026-11-17", "2026-11-18"))))
        .containsExactly(cpu(ACME, "i-a", "2026-11-17", 2));
  }

  @Test
  void aMissingDayNeverOverwritesADayWithData() {
    metrics.upsert(
        ACME, List.of(cpu(ACME, "i-a", "2026-11-16", 40), missingCpu(ACME, "i-a", "2026-11-17")));
    // a later fetch failed for the 16th but found data for the 17th
    metrics.upsert(
        ACME, List.of(missingCpu(ACME, "i-a", "2026-11-16"), cpu(ACME, "i-a", "2026-11-17", 7)));
    assertThat(metrics.daily(ACME, MetricQuery.of(WEEK)))
        .containsExactly(cpu(ACME, "i-a", "2026-11-16", 40), cpu(ACME, "i-a", "2026-11-17", 7));
    // data replaces data
    metrics.upsert(ACME, List.of(cpu(ACME, "i-a", "2026-11-16", 41)));
    assertThat(metrics.daily(ACME, MetricQuery.of(WEEK)).get(0).mean()).isEqualTo(41.0);
    // missing is stored where there is nothing better
    metrics.upsert(ACME, List.of(missingCpu(ACME, "i-b", "2026-11-16")));
    assertThat(metrics.daily(ACME, MetricQuery.of(WEEK).resources(Set.of("i-b"))))
        .containsExactly(missingCpu(ACME, "i-b", "2026-11-16"));
  }

  @Test
  void deletesDaysBeforeTheCutoff() {
    metrics.upsert(
        ACME,
        List.of(
            cpu(ACME, "i-a", "2026-11-15", 1),
            cpu(ACME, "i-a", "2026-11-16", 1),
            cpu(ACME, "i-b", "2026-11-15", 1)));
    metrics.upsert(GLOBEX, List.of(cpu(GLOBEX, "i-a", "2026-11-15", 1)));
    assertThat(metrics.deleteBefore(ACME, LocalDate.parse("2026-11-16"))).isEqualTo(2);
    assertThat(metrics.deleteBefore(ACME, LocalDate.parse("2026-11-16"))).isZero();
    assertThat(metrics.daily(ACME, MetricQuery.of(Period.month(2026, 11)))).hasSize(1);
    assertThat(metrics.daily(GLOBEX, MetricQuery.of(Period.month(2026, 11)))).hasSize(1);
    assertThat(metrics.deleteBefore(AccountIds.UNKNOWN, LocalDate.parse("2026-11-16"))).isZero();
  }

  @Test
  void refusesAnotherAccountsMetricsAndWritesNothing() {
    refused(
        () ->
            metrics.upsert(
                ACME,
                List.of(cpu(ACME, "i-a", "2026-11-16", 1), cpu(GLOBEX, "i-g", "2026-11-16", 1))),
        "metric CPU_UTILIZATION of i-g on 2026-11-16 belongs to account 'globex', not 'acme'");
    assertThat(metrics.daily(ACME, MetricQuery.of(WEEK))).isEmpty();
    assertThat(metrics.daily(GLOBEX, MetricQuery.of(WEEK))).isEmpty();
  }

  @Test
  void savesAndReplacesRunsById() {
    SyncRun running = run(ACME, "r1", T0, null);
    runs.save(running);
    assertThat(runs.find(ACME, "r1")).contains(running);
    SyncRun finished = run(ACME, "r1", T0, T0.plusSeconds(30));
    runs.save(finished);
    assertThat(runs.find(ACME, "r1")).contains(finished);
    assertThat(runs.recent(ACME, 10)).containsExactly(finished);
    // another account cannot read it, even by id
    assertThat(runs.find(GLOBEX, "r1")).isEmpty();
    assertThat(runs.recent(GLOBEX, 10)).isEmpty();
  }

  @Test
  void listsRecentRunsNewestFirst() {
    SyncRun old = run(ACME, "r-old", T0, T0.plusSeconds(1));
    SyncRun mid = run(ACME, "r-mid", T0.plusSeconds(60), T0.plusSeconds(61));
    SyncRun now = run(ACME, "r-now", T0.plusSeconds(120), null);
    runs.save(mid);
    runs.save(now);
    runs.save(old);
    assertThat(runs.recent(ACME, 10)).containsExactly(now, mid, old);
    assertThat(runs.recent(ACME, 2)).containsExactly(now, mid);
    assertThat(runs.recent(ACME, 0)).isEmpty();
    refused(() -> runs.recent(ACME, -1), "limit must not be negative");
  }

  @Test
  void retentionDeletesOnlyFinishedOldRuns() {
    runs.save(run(ACME, "old-finished", T0, T0.plusSeconds(1)));
    runs.save(run(ACME, "old-running", T0, null));
    runs.save(run(ACME, "new", T0.plusSeconds(3600), T0.plusSeconds(3601)));
    runs.save(run(GLOBEX, "globex-old", T0, T0.plusSeconds(1)));
    assertThat(runs.deleteBefore(ACME, T0.plusSeconds(60))).isEqualTo(1);
    assertThat(runs.recent(ACME, 10)).extracting(SyncRun::id).containsExactly("new", "old-running");
    assertThat(runs.recent(GLOBEX, 10)).hasSize(1);
  }

  /** An id nothing was ever written for. */
  private static final class AccountIds {
    static final app.cloudey.model.AccountId UNKNOWN = app.cloudey.model.AccountId.of("nobody");
  }
}
