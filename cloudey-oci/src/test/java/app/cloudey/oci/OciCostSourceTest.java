package app.cloudey.oci;

import static org.assertj.core.api.Assertions.assertThat;

import app.cloudey.model.AccountId;
import app.cloudey.model.CostLine;
import app.cloudey.model.Period;
import app.cloudey.spi.CloudConnection;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The Usage API client against a loopback stub: chunking, splitting on 400, pages, exactness. */
class OciCostSourceTest {

  private static CloudConnection connect(UsageApiStub stub) {
    OciCloud cloud =
        OciCloud.create(
            OciOptions.builder()
                .readTimeout(Duration.ofSeconds(1))
                .retry(OciOptions.RetryPolicy.none())
                .build());
    return cloud.connect(
        AccountId.of("acme"),
        TestKeys.config().endpoints((client, region) -> stub.baseUrl()).build());
  }

  @Test
  void chunksByMonthSplitsTooLongRangesAndFollowsEveryPage() throws Exception {
    try (UsageApiStub stub = new UsageApiStub(4, 10);
        CloudConnection c = connect(stub)) {
      Period period = Period.of(LocalDate.of(2026, 9, 20), LocalDate.of(2026, 11, 3));
      List<CostLine> lines;
      try (Stream<CostLine> stream = c.costs().fetch(period)) {
        lines = stream.toList();
      }
      // one line per day, each exactly once: 11 (Sep 20-30) + 31 + 2 = 44 days
      assertThat(lines).hasSize(44);
      assertThat(lines.stream().map(CostLine::day).distinct()).hasSize(44);
      assertThat(lines.get(0).day()).isEqualTo(LocalDate.of(2026, 9, 20));
      assertThat(lines.get(43).day()).isEqualTo(LocalDate.of(2026, 11, 2));
      // exact to the 19th decimal: no float on the way; 44 x 0.1234567890123456789
      BigDecimal total =
          lines.stream().map(l -> l.cost().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
      assertThat(total).isEqualByComparingTo("5.4320987165432098716");
      // blank currencies take the currency of the data
      assertThat(lines).allMatch(l -> l.cost().currency().getCurrencyCode().equals("EUR"));
      assertThat(lines.get(1).resourceId()).isEmpty();
      assertThat(lines.get(0).resourceId()).isEqualTo("ocid1.instance.oc1..i0");
      assertThat(lines.get(0).compartmentPath()).isEqualTo("acme/prod");

      // ranges asked: month chunks, halves after a 400, never a day twice
      List<String> ranges =
          stub.bodies.stream()
              .map(
                  b ->
                      b.get("timeUsageStarted").asText().substring(0, 10)
                          + ".."
                          + b.get("timeUsageEnded").asText().substring(0, 10))
              .distinct()
              .toList();
      assertThat(ranges)
          .containsExactly(
              "2026-09-20..2026-10-01", // 11 days: 400
              "2026-09-20..2026-09-25",
              "2026-09-25..2026-10-01",
              "2026-10-01..2026-11-01", // 31 days: 400
              "2026-10-01..2026-10-16", // 15 days: 400
              "2026-10-01..2026-10-08",
              "2026-10-08..2026-10-16",
              "2026-10-16..2026-11-01", // 16 days: 400
              "2026-10-16..2026-10-24",
              "2026-10-24..2026-11-01",
              "2026-11-01..2026-11-03");
      JsonNode body = stub.bodies.get(0);
      assertThat(body.get("timeUsageStarted").asText()).isEqualTo("2026-09-20T00:00:00.000Z");
      assertThat(body.get("granularity").asText()).isEqualTo("DAILY");
      assertThat(body.get("queryType").asText()).isEqualTo("COST");
      assertThat(body.get("tenantId").asText()).isEqualTo(TestKeys.TENANCY);
      assertThat(body.get("groupBy").toString())
          .isEqualTo(
              "[\"service\",\"skuPartNumber\",\"skuName\",\"unit\",\"compartmentId\","
                  + "\"compartmentPath\",\"resourceId\",\"region\"]");
    }
  }

  @Test
  void theStreamIsLazy() throws Exception {
    try (UsageApiStub stub = new UsageApiStub(2, 40);
        CloudConnection c = connect(stub)) {
      try (Stream<CostLine> stream = c.costs().fetch(Period.month(2026, 10))) {
        assertThat(stream.limit(3).count()).isEqualTo(3);
      }
      // 3 lines need two pages of 2, nothing more
      assertThat(stub.pages).containsExactly("0", "2");
    }
  }
}
