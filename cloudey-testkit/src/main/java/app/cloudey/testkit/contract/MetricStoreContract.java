package app.cloudey.testkit.contract;

import static app.cloudey.testkit.Fixtures.DAY1;
import static app.cloudey.testkit.Fixtures.DAY2;
import static app.cloudey.testkit.Fixtures.DAY3;
import static app.cloudey.testkit.Fixtures.LB1;
import static app.cloudey.testkit.Fixtures.METRIC_WINDOW;
import static app.cloudey.testkit.Fixtures.VOL1;
import static app.cloudey.testkit.Fixtures.WEB1;
import static org.assertj.core.api.Assertions.assertThat;

import app.cloudey.model.AccountId;
import app.cloudey.model.MetricDaily;
import app.cloudey.model.MetricName;
import app.cloudey.model.MetricQuery;
import app.cloudey.model.MetricSummary;
import app.cloudey.model.Period;
import app.cloudey.spi.MetricStore;
import app.cloudey.testkit.Fixtures;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Contract of {@link MetricStore}: upsert by (resource, metric, day), a missing day never
 * overwriting data, ordering, filters, retention, tenant isolation and summaries (the same after
 * {@link MetricStore#refreshSummaries}, and never stale), on the nine days with data of {@link
 * Fixtures#metrics}.
 *
 * <p>Extend it and implement {@link #createStore()}; see {@link StoreContract}.
 */
public abstract class MetricStoreContract extends StoreContract {

  private MetricStore metrics() {
    return store().metrics();
  }

  private List<MetricDaily> all(AccountId id) {
    return metrics().daily(id, MetricQuery.of(METRIC_WINDOW));
  }

  private void upsertFixtureShuffled(AccountId id) {
    List<MetricDaily> shuffled = new ArrayList<>(Fixtures.metrics(id));
    Collections.shuffle(shuffled, new Random(42));
    metrics().upsert(id, shuffled);
  }

  private static MetricDaily cpu(AccountId id, java.time.LocalDate day, double mean) {
    return new MetricDaily(
        id, WEB1, MetricName.CPU_UTILIZATION, day, mean, mean + 30, mean + 25, 24);
  }

  @Test
  public void upsertedDaysComeBackOrderedByResourceMetricDay() {
    AccountId id = newAccount();
    upsertFixtureShuffled(id);
    // web1 (ocid1.instance...) < lb1 (ocid1.loadbalancer...) < vol1 (ocid1.volume...)
    assertThat(all(id)).containsExactlyElementsOf(Fixtures.metrics(id));
  }

  @Test
  public void aMissingDayIsStoredAsMissing() {
    AccountId id = newAccount();
    MetricDaily missing = MetricDaily.missing(id, WEB1, MetricName.CPU_UTILIZATION, DAY2);
    metrics().upsert(id, List.of(missing));
    assertThat(all(id)).containsExactly(missing);
    assertThat(all(id).get(0).mean()).isNull();
  }

  @Test
  public void aMissingDayNeverOverwritesADayWithData() {
    AccountId id = newAccount();
    upsertFixtureShuffled(id);
    metrics().upsert(id, List.of(MetricDaily.missing(id, WEB1, MetricName.CPU_UTILIZATION, DAY1)));
    assertThat(all(id)).containsExactlyElementsOf(Fixtures.metrics(id));
  }

  @Test
  public void dataReplacesAMissingDay() {
    AccountId id = newAccount();
    metrics().upsert(id, List.of(MetricDaily.missing(id, WEB1, MetricName.CPU_UTILIZATION, DAY2)));
    MetricDaily found = cpu(id, DAY2, 20.0);
    metrics().upsert(id, List.of(found));
    assertThat(all(id)).containsExactly(found);
  }

  @Test
  public void newDataReplacesOldDataOfTheSameDay() {
    AccountId id = newAccount();
    upsertFixtureShuffled(id);
    MetricDaily corrected = cpu(id, DAY1, 15.0);
    metrics().upsert(id, List.of(corrected));
    List<MetricDaily> expected = new ArrayList<>(Fixtures.metrics(id));
    expected.set(0, corrected); // web1 CPU 10-01 is the first entry
    assertThat(all(id)).containsExactlyElementsOf(expected);
  }

  @Test
  public void queriesFilterByResourceMetricAndPeriod() {
    AccountId id = newAccount();
    upsertFixtureShuffled(id);
    assertThat(metrics().daily(id, MetricQuery.of(METRIC_WINDOW).resources(Set.of(LB1))))
        .extracting(MetricDaily::day)
        .containsExactly(DAY1, DAY2, DAY3);
    assertThat(
            metrics()
                .daily(id, MetricQuery.of(METRIC_WINDOW).metrics(MetricName.MEMORY_UTILIZATION)))
        .hasSize(3)
        .allMatch(m -> m.resourceId().equals(WEB1));
    // 10-02 has web1 memory, lb1 bandwidth and vol1 IOPS (web1 CPU is missing that day)
    assertThat(metrics().daily(id, MetricQuery.of(Period.day(DAY2))))
        .extracting(MetricDaily::resourceId, MetricDaily::metric)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(WEB1, MetricName.MEMORY_UTILIZATION),
            org.assertj.core.groups.Tuple.tuple(LB1, MetricName.LB_PEAK_BANDWIDTH),
            org.assertj.core.groups.Tuple.tuple(VOL1, MetricName.VOLUME_IOPS));
  }

  @Test
  public void deleteBeforeRemovesExactlyTheOlderDays() {
    AccountId id = newAccount();
    upsertFixtureShuffled(id);
    // before 10-02: web1 CPU, web1 memory and lb1 on 10-01
    assertThat(metrics().deleteBefore(id, DAY2)).isEqualTo(3);
    assertThat(all(id)).hasSize(6).allMatch(m -> !m.day().isBefore(DAY2));
    assertThat(metrics().deleteBefore(id, DAY2)).isZero();
  }

  @Test
  public void tenantsWithIdenticalMetricsNeverSeeEachOthersRows() {
    AccountId a = newAccount();
    AccountId b = newAccount();
    upsertFixtureShuffled(a);
    upsertFixtureShuffled(b);
    // b: 3 days on 10-01 and 3 on 10-02 go
    assertThat(metrics().deleteBefore(b, DAY3)).isEqualTo(6);
    metrics().upsert(b, List.of(cpu(b, DAY3, 99.0)));

    assertThat(all(a)).containsExactlyElementsOf(Fixtures.metrics(a));
    assertThat(all(b)).hasSize(3).allMatch(m -> m.accountId().equals(b));
    AccountId stranger = Fixtures.randomAccountId();
    assertThat(all(stranger)).isEmpty();
    assertThat(metrics().deleteBefore(stranger, DAY3.plusDays(30))).isZero();
    assertThat(all(a)).hasSize(9);
  }

  @Test
  public void summariesAggregateEachResourceAndMetricWithCoverage() {
    AccountId id = newAccount();
    store().metrics().upsert(id, app.cloudey.testkit.Fixtures.metrics(id));
    store()
        .metrics()
        .upsert(id, List.of(MetricDaily.missing(id, WEB1, MetricName.CPU_UTILIZATION, DAY2)));
    List<app.cloudey.model.MetricSummary> all =
        store().metrics().summaries(id, MetricQuery.of(METRIC_WINDOW));
    assertThat(all)
        .extracting(s -> s.resourceId() + "/" + s.metric())
        .containsExactlyInAnyOrder(
            WEB1 + "/CPU_UTILIZATION",
            WEB1 + "/MEMORY_UTILIZATION",
            LB1 + "/LB_PEAK_BANDWIDTH",
            VOL1 + "/VOLUME_IOPS");
    // web1 CPU: 10-01 (mean 12.5, max 40, p95 35, 24 samples), 10-02 missing, 10-03 (10, 30, 25,
    // 24)
    app.cloudey.model.MetricSummary cpu =
        all.stream()
            .filter(s -> s.resourceId().equals(WEB1) && s.metric() == MetricName.CPU_UTILIZATION)
            .findFirst()
            .orElseThrow();
    assertThat(cpu.daysWithData()).isEqualTo(2);
    assertThat(cpu.samples()).isEqualTo(48);
    assertThat(cpu.mean()).isCloseTo(11.25, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(cpu.max()).isEqualTo(40.0);
    assertThat(cpu.p95()).isEqualTo(35.0);
    assertThat(cpu.lastDayWithData()).isEqualTo(DAY3);
    assertThat(cpu.coverage()).isCloseTo(48 / 72.0, org.assertj.core.data.Offset.offset(1e-9));
    // a resource whose only day is missing is reported with no data, not left out
    store()
        .metrics()
        .upsert(
            id,
            List.of(
                MetricDaily.missing(
                    id, "ocid1.instance.nodata", MetricName.CPU_UTILIZATION, DAY1)));
    app.cloudey.model.MetricSummary none =
        store()
            .metrics()
            .summaries(
                id,
                MetricQuery.of(METRIC_WINDOW).resources(java.util.Set.of("ocid1.instance.nodata")))
            .get(0);
    assertThat(none.samples()).isZero();
    assertThat(none.p95()).isNull();
    assertThat(none.coverage()).isZero();
  }

  @Test
  public void summariesReadTheSameAfterARefreshAndFollowLaterChanges() {
    AccountId id = newAccount();
    AccountId other = newAccount();
    metrics().upsert(id, Fixtures.metrics(id));
    metrics().upsert(other, Fixtures.metrics(other));
    MetricQuery window = MetricQuery.of(METRIC_WINDOW);
    MetricQuery firstTwoDays = MetricQuery.of(new Period(DAY1, DAY3));
    List<MetricSummary> computed = metrics().summaries(id, window);
    List<MetricSummary> computedFirstTwo = metrics().summaries(id, firstTwoDays);
    metrics().refreshSummaries(id, METRIC_WINDOW);
    metrics().refreshSummaries(id, METRIC_WINDOW); // nothing changed: a no-op
    metrics().refreshSummaries(other, METRIC_WINDOW);

    assertThat(metrics().summaries(id, window)).containsExactlyInAnyOrderElementsOf(computed);
    // another period is never answered with the refreshed one's summaries
    assertThat(metrics().summaries(id, firstTwoDays))
        .containsExactlyInAnyOrderElementsOf(computedFirstTwo);
    assertThat(
            metrics()
                .summaries(id, window.resources(Set.of(WEB1)).metrics(MetricName.CPU_UTILIZATION)))
        .containsExactly(summary(computed, WEB1, MetricName.CPU_UTILIZATION));

    // a later upsert is seen at once: web1's CPU gets 10-02 (mean 40, max 70, p95 65, 24 samples)
    metrics().upsert(id, List.of(cpu(id, DAY2, 40.0)));
    MetricSummary cpu = summary(metrics().summaries(id, window), WEB1, MetricName.CPU_UTILIZATION);
    assertThat(cpu.daysWithData()).isEqualTo(3);
    // (12.5 + 40 + 10) × 24 / 72
    assertThat(cpu.mean()).isCloseTo(62.5 / 3, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(cpu.max()).isEqualTo(70.0);
    assertThat(cpu.p95()).isEqualTo(65.0);
    // the other account (the same fixture) keeps its own summaries
    assertThat(metrics().summaries(other, window)).containsExactlyInAnyOrderElementsOf(computed);

    // and so is retention after a refresh: only 10-03 is left, so vol1 (10-02 only) is gone
    metrics().refreshSummaries(id, METRIC_WINDOW);
    metrics().deleteBefore(id, DAY3);
    List<MetricSummary> left = metrics().summaries(id, window);
    assertThat(left)
        .extracting(s -> s.resourceId() + "/" + s.metric())
        .containsExactlyInAnyOrder(
            WEB1 + "/CPU_UTILIZATION", WEB1 + "/MEMORY_UTILIZATION", LB1 + "/LB_PEAK_BANDWIDTH");
    assertThat(summary(left, WEB1, MetricName.CPU_UTILIZATION).daysWithData()).isEqualTo(1);
  }

  private static MetricSummary summary(
      List<MetricSummary> summaries, String resourceId, MetricName metric) {
    return summaries.stream()
        .filter(s -> s.resourceId().equals(resourceId) && s.metric() == metric)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no summary of " + metric + " of " + resourceId));
  }
}
