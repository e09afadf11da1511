package app.cloudey.oci.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.cloudey.model.Period;
import com.oracle.bmc.model.BmcException;
import com.oracle.bmc.usageapi.UsageapiClient;
import com.oracle.bmc.usageapi.model.Dimension;
import com.oracle.bmc.usageapi.model.Filter;
import com.oracle.bmc.usageapi.model.RequestSummarizedUsagesDetails;
import com.oracle.bmc.usageapi.model.UsageSummary;
import com.oracle.bmc.usageapi.requests.RequestSummarizedUsagesRequest;
import com.oracle.bmc.usageapi.responses.RequestSummarizedUsagesResponse;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Usage API through the raw SDK: golden cost, exact sums, pagination, OCI's 400s. */
class UsageIT {
  static final LocalDate NOW = LocalDate.of(2026, 11, 26);

  @RegisterExtension
  static final OciSimulatorExtension SIM =
      OciSimulatorExtension.of(
          OciSimulator.builder()
              .seed(11)
              .now(NOW)
              .regions(2)
              .compartments(4)
              .instances(25)
              .days(40)
              .pageSize(3)
              .usagePageSize(500));

  static Date midnight(LocalDate day) {
    return Date.from(day.atStartOfDay(ZoneOffset.UTC).toInstant());
  }

  static List<UsageSummary> fetch(
      UsageapiClient usage, RequestSummarizedUsagesDetails details, Integer limit) {
    List<UsageSummary> rows = new ArrayList<>();
    String page = null;
    do {
      RequestSummarizedUsagesResponse r =
          usage.requestSummarizedUsages(
              RequestSummarizedUsagesRequest.builder()
                  .requestSummarizedUsagesDetails(details)
                  .limit(limit)
                  .page(page)
                  .build());
      rows.addAll(r.getUsageAggregation().getItems());
      page = r.getOpcNextPage();
    } while (page != null);
    return rows;
  }

  static RequestSummarizedUsagesDetails.Builder daily(Truth truth, LocalDate start, LocalDate end) {
    return RequestSummarizedUsagesDetails.builder()
        .tenantId(truth.tenancyId())
        .timeUsageStarted(midnight(start))
        .timeUsageEnded(midnight(end))
        .granularity(RequestSummarizedUsagesDetails.Granularity.Daily)
        .queryType(RequestSummarizedUsagesDetails.QueryType.Cost);
  }

  @Test
  void goldenE4FlexCostsExactly1776PerDay(OciSimulator sim) {
    Truth truth = sim.truth();
    // the golden instance is the first one generated, in the busy compartment of the home region
    String golden =
        truth
            .resourceIds(
                app.cloudey.model.ResourceType.INSTANCE,
                truth.homeRegion(),
                truth.compartmentIds().get(1))
            .stream()
            .filter(id -> truth.cost(id, NOW.minusDays(5)).compareTo(new BigDecimal("1.776")) == 0)
            .findFirst()
            .orElseThrow();
    try (UsageapiClient usage = Sdk.usage(sim)) {
      List<UsageSummary> rows =
          fetch(
              usage,
              daily(truth, NOW.minusDays(5), NOW.minusDays(4))
                  .groupBy(List.of("resourceId", "skuPartNumber"))
                  .filter(
                      Filter.builder()
                          .operator(Filter.Operator.And)
                          .dimensions(
                              List.of(Dimension.builder().key("resourceId").value(golden).build()))
                          .build())
                  .build(),
              null);
      // 2 OCPU x 0.025 x 24 = 1.2 (B93113) and 16 GB x 0.0015 x 24 = 0.576 (B93114): 1.776
      assertThat(rows).hasSize(2);
      Map<String, BigDecimal> bySku = new TreeMap<>();
      rows.forEach(r -> bySku.put(r.getSkuPartNumber(), r.getComputedAmount()));
      assertThat(bySku.get("B93113")).isEqualByComparingTo("1.2");
      assertThat(bySku.get("B93114")).isEqualByComparingTo("0.576");
      assertThat(
              rows.stream()
                  .map(UsageSummary::getComputedAmount)
                  .reduce(BigDecimal.ZERO, BigDecimal::add))
          .isEqualByComparingTo("1.776");
      assertThat(rows.get(0).getUnitPrice()).isEqualByComparingTo("0.025");
      assertThat(rows.get(0).getCurrency()).isEqualTo("USD");
      assertThat(rows.get(0).getUnit()).isEqualTo("OCPU Hours");
      assertThat(rows.get(0).getComputedQuantity()).isEqualByComparingTo("48");
    }
  }

  @Test
  void sumsEqualTheTruthByDayServiceCompartmentAndResource(OciSimulator sim) {
    Truth truth = sim.truth();
    LocalDate start = NOW.withDayOfMonth(1);
    Period period = Period.of(start, NOW);
    try (UsageapiClient usage = Sdk.usage(sim)) {
      List<UsageSummary> rows =
          fetch(
              usage,
              daily(truth, start, NOW)
                  .groupBy(
                      List.of(
                          "service",
                          "skuPartNumber",
                          "skuName",
                          "unit",
                          "compartmentId",
                          "compartmentPath",
                          "resourceId",
                          "region"))
                  .build(),
              200);
      Map<LocalDate, BigDecimal> byDay = new TreeMap<>();
      Map<String, BigDecimal> byService = new TreeMap<>();
      Map<String, BigDecimal> byCompartment = new TreeMap<>();
      Map<String, BigDecimal> byResource = new TreeMap<>();
      BigDecimal noResource = BigDecimal.ZERO;
      for (UsageSummary r : rows) {
        BigDecimal amount = r.getComputedAmount();
        byDay.merge(
            LocalDate.ofInstant(r.getTimeUsageStarted().toInstant(), ZoneOffset.UTC),
            amount,
            BigDecimal::add);
        byService.merge(r.getService(), amount, BigDecimal::add);
        byCompartment.merge(r.getCompartmentId(), amount, BigDecimal::add);
        if (r.getResourceId() == null) {
          noResource = noResource.add(amount);
        } else {
          byResource.merge(r.getResourceId(), amount, BigDecimal::add);
        }
      }
      assertThat(strip(byDay)).isEqualTo(strip(truth.costByDay(period)));
      assertThat(strip(byService)).isEqualTo(strip(truth.costByService(period)));
      assertThat(strip(byCompartment)).isEqualTo(strip(truth.costByCompartment(period)));
      assertThat(strip(byResource)).isEqualTo(strip(truth.costByResource(period)));
      assertThat(noResource).isEqualByComparingTo(truth.costWithoutResource(period));
      // credits are negative lines; the 1st of the month carries one
      assertThat(byService.get("Credits")).isNegative();
      assertThat(byService)
          .containsKeys(
              "Compute",
              "Block Storage",
              "Object Storage",
              "File Storage",
              "Database",
              "Load Balancer",
              "Networking",
              "Support");

      List<UsageSummary> monthly =
          fetch(
              usage,
              RequestSummarizedUsagesDetails.builder()
                  .tenantId(truth.tenancyId())
                  .timeUsageStarted(midnight(NOW.minusDays(40)))
                  .timeUsageEnded(midnight(NOW))
                  .granularity(RequestSummarizedUsagesDetails.Granularity.Monthly)
                  .build(),
              null);
      assertThat(monthly).hasSize(2);
      assertThat(monthly.get(0).getService()).isNull(); // not grouped by: null, as OCI
      assertThat(monthly.get(1).getComputedAmount()).isEqualByComparingTo(truth.cost(period));
      assertThat(monthly.get(0).getComputedAmount())
          .isEqualByComparingTo(truth.costByMonth().get(java.time.YearMonth.of(2026, 10)));
    }
  }

  private static <K> Map<K, BigDecimal> strip(Map<K, BigDecimal> map) {
    Map<K, BigDecimal> out = new TreeMap<>();
    map.forEach((k, v) -> out.put(k, v.signum() == 0 ? BigDecimal.ZERO : v.stripTrailingZeros()));
    return out;
  }

  @Test
  void rejectsNonMidnightDatesAndTooLongRanges(OciSimulator sim) {
    Truth truth = sim.truth();
    try (UsageapiClient usage = Sdk.usage(sim)) {
      RequestSummarizedUsagesDetails notMidnight =
          daily(truth, NOW.minusDays(3), NOW)
              .timeUsageStarted(new Date(midnight(NOW.minusDays(3)).getTime() + 3_600_000))
              .build();
      assertThatThrownBy(() -> fetch(usage, notMidnight, null))
          .isInstanceOfSatisfying(
              BmcException.class, e -> assertThat(e.getStatusCode()).isEqualTo(400));
      assertThatThrownBy(() -> fetch(usage, daily(truth, NOW.minusDays(40), NOW).build(), null))
          .isInstanceOfSatisfying(
              BmcException.class,
              e -> {
                assertThat(e.getStatusCode()).isEqualTo(400);
                assertThat(e.getServiceCode()).isEqualTo("InvalidParameter");
              });
    }
  }

  @Test
  void paginatesWithTheLimit(OciSimulator sim) {
    Truth truth = sim.truth();
    try (UsageapiClient usage = Sdk.usage(sim)) {
      RequestSummarizedUsagesDetails details =
          daily(truth, NOW.minusDays(2), NOW)
              .groupBy(List.of("resourceId", "skuPartNumber"))
              .build();
      RequestSummarizedUsagesResponse first =
          usage.requestSummarizedUsages(
              RequestSummarizedUsagesRequest.builder()
                  .requestSummarizedUsagesDetails(details)
                  .limit(7)
                  .build());
      assertThat(first.getUsageAggregation().getItems()).hasSize(7);
      assertThat(first.getOpcNextPage()).isNotNull();
      List<UsageSummary> small = fetch(usage, details, 7);
      List<UsageSummary> big = fetch(usage, details, null);
      assertThat(small).hasSameSizeAs(big);
      assertThat(
              small.stream()
                  .map(UsageSummary::getComputedAmount)
                  .reduce(BigDecimal.ZERO, BigDecimal::add))
          .isEqualByComparingTo(truth.cost(Period.of(NOW.minusDays(2), NOW)));
    }
  }

  @Test
  void billsInTheConfiguredCurrency() {
    try (OciSimulator eur =
            OciSimulator.builder()
                .seed(11)
                .now(NOW)
                .regions(1)
                .compartments(2)
                .instances(5)
                .days(3)
                .pageSize(3)
                .currency("EUR")
                .start();
        UsageapiClient usage = Sdk.usage(eur)) {
      List<UsageSummary> rows =
          fetch(usage, daily(eur.truth(), NOW.minusDays(1), NOW).build(), null);
      assertThat(rows)
          .singleElement()
          .satisfies(
              r -> {
                assertThat(r.getCurrency()).isEqualTo("EUR");
                assertThat(r.getComputedAmount())
                    .isEqualByComparingTo(eur.truth().cost(Period.day(NOW.minusDays(1))));
              });
    }
  }
}
