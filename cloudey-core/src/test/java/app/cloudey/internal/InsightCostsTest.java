package app.cloudey.internal;

import static org.assertj.core.api.Assertions.assertThat;

import app.cloudey.memory.InMemoryStore;
import app.cloudey.model.AccountId;
import app.cloudey.model.CostDimension;
import app.cloudey.model.CostLine;
import app.cloudey.model.CostQuery;
import app.cloudey.model.CostRow;
import app.cloudey.model.Money;
import app.cloudey.model.Period;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class InsightCostsTest {
  private static final AccountId ACCOUNT = AccountId.of("insights");
  private static final LocalDate TODAY = LocalDate.of(2026, 12, 4);

  /** Lines of 3 services in 2 regions, two currencies, some days with two lines of one key. */
  private static InMemoryStore store() {
    InMemoryStore store = InMemoryStore.create();
    List<CostLine> lines = new ArrayList<>();
    List<String> services = List.of("COMPUTE", "BLOCK_STORAGE", "NETWORK");
    for (LocalDate day = LocalDate.of(2026, 10, 20); day.isBefore(TODAY); day = day.plusDays(1)) {
      for (int s = 0; s < services.size(); s++) {
        for (String region : List.of("us-ashburn-1", "eu-frankfurt-1")) {
          int n = day.getDayOfMonth() * (s + 1) + region.length();
          lines.add(line(day, services.get(s), region, "r" + s, n + ".125", "USD"));
          if (n % 3 == 0) { // a second resource: two lines sum into one key
            lines.add(line(day, services.get(s), region, "q" + s, "0.0005", "USD"));
          }
          if (s == 2 && n % 5 == 0) {
            lines.add(line(day, services.get(s), region, "e" + s, "7", "EUR"));
          }
        }
      }
    }
    store
        .costs()
        .replaceCostLines(ACCOUNT, Period.of(LocalDate.of(2026, 10, 1), TODAY), lines.stream());
    return store;
  }

  private static CostLine line(
      LocalDate day, String service, String region, String resource, String cost, String ccy) {
    return CostLine.builder()
        .accountId(ACCOUNT)
        .day(day)
        .service(service)
        .skuPartNumber("B1")
        .skuName("sku")
        .unit("h")
        .quantity(BigDecimal.ONE)
        .cost(Money.of(cost, ccy))
        .region(region)
        .compartmentId("c")
        .resourceId(resource)
        .build();
  }

  @Test
  void answersUnfilteredRecentAggregatesAsTheStoreDoesFromOneQuery() {
    InMemoryStore store = store();
    AtomicInteger storeQueries = new AtomicInteger();
    InsightCosts insights =
        new InsightCosts(
            InsightCosts.recentMonths(TODAY),
            q -> {
              storeQueries.incrementAndGet();
              return store.costs().aggregate(ACCOUNT, q);
            });
    Period november = Period.of(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 12, 1));
    List<CostQuery> queries =
        List.of(
            CostQuery.of(november),
            CostQuery.of(november).groupBy(CostDimension.SERVICE),
            CostQuery.of(november).groupBy(CostDimension.REGION),
            CostQuery.of(Period.of(LocalDate.of(2026, 11, 3), TODAY))
                .groupBy(CostDimension.SERVICE, CostDimension.DAY),
            CostQuery.of(Period.of(LocalDate.of(2026, 11, 20), TODAY))
                .groupBy(CostDimension.DAY, CostDimension.REGION, CostDimension.SERVICE),
            CostQuery.of(Period.of(LocalDate.of(2026, 12, 1), TODAY))
                .groupBy(CostDimension.REGION, CostDimension.SERVICE));
    for (CostQuery q : queries) {
      List<CostRow> expected = store.costs().aggregate(ACCOUNT, q);
      assertThat(expected).isNotEmpty();
      assertThat(insights.answer(q)).as(q.toString()).contains(expected);
    }
    assertThat(storeQueries).hasValue(1);
  }

  @Test
  void leavesOtherQueriesToTheStore() {
    InMemoryStore store = store();
    InsightCosts insights =
        new InsightCosts(
            InsightCosts.recentMonths(TODAY), q -> store.costs().aggregate(ACCOUNT, q));
    Period november = Period.of(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 12, 1));
    Period october = Period.of(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 11, 1));
    assertThat(insights.answer(CostQuery.of(october).groupBy(CostDimension.SERVICE))).isEmpty();
    assertThat(insights.answer(CostQuery.of(november).services("COMPUTE"))).isEmpty();
    assertThat(insights.answer(CostQuery.of(november).groupBy(CostDimension.SERVICE).top(1)))
        .isEmpty();
    assertThat(insights.answer(CostQuery.of(november).groupBy(CostDimension.RESOURCE))).isEmpty();
  }
}
