package app.cloudey.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import app.cloudey.Cloudey;
import app.cloudey.memory.InMemoryStore;
import app.cloudey.model.CostQuery;
import app.cloudey.model.CostReport;
import app.cloudey.model.CostRow;
import app.cloudey.model.MonthFreshness;
import app.cloudey.model.MonthStatus;
import app.cloudey.model.Period;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Tag, SKU and freshness queries through the facade: reports carry each month's status and last
 * refresh on Cloudey's clock, and queries that differ only in a tag or SKU never share a cached
 * report. The fake cloud's web1 carries {@code env=prod} and {@code Operations.CostCenter=42}.
 */
class CostQueriesEndToEndTest {
  private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
  private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);
  private final MutableClock clock = MutableClock.at(NOW.toString());
  private InMemoryStore store;
  private Cloudey cloudey;

  @BeforeEach
  void start() {
    store = InMemoryStore.create(clock);
    cloudey =
        Cloudey.builder()
            .cloud(Fixtures.provider(), Fixtures.credentials())
            .store(store)
            .clock(clock)
            .build();
  }

  @AfterEach
  void stop() {
    cloudey.close();
    store.close();
  }

  @Test
  void reportsCarryEachMonthsStatusAndLastRefreshOnCloudeysClock() {
    cloudey.costs().refresh(Period.month(Fixtures.OCTOBER));
    Period octoberAndNovember = Period.of(Fixtures.DAY1, NOVEMBER.atDay(26));
    CostReport report = cloudey.costs().query(CostQuery.of(octoberAndNovember));
    assertThat(report.freshness())
        .containsExactly(
            new MonthFreshness(Fixtures.OCTOBER, MonthStatus.SETTLING, NOW),
            new MonthFreshness(NOVEMBER, MonthStatus.OPEN, null));
    assertThat(cloudey.costs().freshness(octoberAndNovember)).isEqualTo(report.freshness());

    // month close re-fetches October an hour later, then closes it
    clock.advance(Duration.ofHours(1));
    cloudey.costs().closeMonth(Fixtures.OCTOBER);
    assertThat(cloudey.costs().query(CostQuery.of(octoberAndNovember)).freshness())
        .containsExactly(
            new MonthFreshness(Fixtures.OCTOBER, MonthStatus.CLOSED, NOW.plusSeconds(3600)),
            new MonthFreshness(NOVEMBER, MonthStatus.OPEN, null));
  }

  @Test
  void queriesThatDifferOnlyInATagOrSkuNeverShareACachedReport() {
    cloudey.inventory().sync();
    cloudey.costs().refresh(Period.month(Fixtures.OCTOBER));
    CostQuery october = CostQuery.of(Period.month(Fixtures.OCTOBER));
    // web1's compute 12.34 is tagged both ways; boot1, vol1 and the network lines are not (5.90)
    assertThat(cloudey.costs().query(october.groupByTags("env")).rows())
        .containsExactly(row("12.34", "prod"), row("5.9", ""));
    assertThat(cloudey.costs().query(october.groupByTags("Operations.CostCenter")).rows())
        .containsExactly(row("12.34", "42"), row("5.9", ""));
    assertThat(cloudey.costs().query(october.tag("env", "prod")).total())
        .contains(Fixtures.usd("12.34"));
    assertThat(cloudey.costs().query(october.tag("env", "")).total()).contains(Fixtures.usd("5.9"));
    assertThat(cloudey.costs().query(october.skus("B97384")).total()).contains(Fixtures.usd("9"));
    assertThat(cloudey.costs().query(october.skus("B91961")).total()).contains(Fixtures.usd("5.6"));
    // top 1 by tag: one row, and the total of everything the filters keep
    CostReport top = cloudey.costs().query(october.groupBy("service", "tag:env").top(1));
    assertThat(top.rows()).containsExactly(row("12.34", "COMPUTE", "prod"));
    assertThat(top.totals()).containsExactly(Fixtures.usd("18.24"));
  }

  private static CostRow row(String usd, String... key) {
    return new CostRow(List.of(key), Fixtures.usd(usd));
  }
}
