package app.cloudey.oci;

import app.cloudey.model.AccountId;
import app.cloudey.model.Money;
import app.cloudey.model.Period;
import app.cloudey.oci.internal.OciConnection;
import app.cloudey.oci.simulator.OciSimulator;
import app.cloudey.oci.simulator.OciSimulatorExtension;
import app.cloudey.oci.simulator.Truth;
import app.cloudey.spi.CostSource;
import app.cloudey.testkit.contract.CostSourceContract;
import com.oracle.bmc.usageapi.UsageapiClient;
import com.oracle.bmc.usageapi.model.RequestSummarizedUsagesDetails;
import com.oracle.bmc.usageapi.requests.RequestSummarizedUsagesRequest;
import com.oracle.bmc.usageapi.responses.RequestSummarizedUsagesResponse;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The test kit's cost contract against the simulator, with 150 rows per Usage API page so the 4-day
 * period spans many pages. The line count comes from an unpaged answer: a second simulator of the
 * same seed (the same tenancy) with one page for everything, read by a bare SDK call.
 */
class OciCostSourceIT extends CostSourceContract {
  private static final LocalDate NOW = LocalDate.of(2026, 11, 20);

  private static OciSimulator.Builder tenancy() {
    return OciSimulator.builder().seed(23).instances(30).days(40).now(NOW).currency("EUR");
  }

  @RegisterExtension
  static final OciSimulatorExtension SIM = OciSimulatorExtension.of(tenancy().usagePageSize(150));

  private static OciConnection connection;
  private static Long unpagedLineCount;

  @Override
  protected CostSource costSource() {
    if (connection == null) {
      connection = SimulatorSupport.connect(SIM.simulator(), SimulatorSupport.options().build());
    }
    return connection.costs();
  }

  @AfterAll
  static void close() {
    if (connection != null) {
      connection.close();
      connection = null;
    }
  }

  private static Truth truth() {
    return SIM.simulator().truth();
  }

  private static Money money(BigDecimal amount) {
    return Money.of(amount, truth().currency());
  }

  @Override
  protected AccountId expectedAccountId() {
    return SimulatorSupport.ACCOUNT;
  }

  @Override
  protected Period costPeriod() {
    // crosses a month boundary: two chunks
    return Period.of(LocalDate.of(2026, 10, 30), LocalDate.of(2026, 11, 3));
  }

  @Override
  protected long expectedLineCount() {
    if (unpagedLineCount == null) {
      try (OciSimulator single = tenancy().usagePageSize(1_000_000).start();
          UsageapiClient client =
              UsageapiClient.builder()
                  .endpoint(single.endpoint("UsageapiClient", single.truth().homeRegion()))
                  .build(single.authenticationDetailsProvider())) {
        RequestSummarizedUsagesResponse response =
            client.requestSummarizedUsages(
                RequestSummarizedUsagesRequest.builder()
                    .requestSummarizedUsagesDetails(
                        RequestSummarizedUsagesDetails.builder()
                            .tenantId(single.truth().tenancyId())
                            .timeUsageStarted(midnight(costPeriod().start()))
                            .timeUsageEnded(midnight(costPeriod().end()))
                            .granularity(RequestSummarizedUsagesDetails.Granularity.Daily)
                            .queryType(RequestSummarizedUsagesDetails.QueryType.Cost)
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
                            .build())
                    .build());
        if (response.getOpcNextPage() != null) {
          throw new IllegalStateException("the oracle answer must be a single page");
        }
        unpagedLineCount = (long) response.getUsageAggregation().getItems().size();
      }
    }
    return unpagedLineCount;
  }

  private static Date midnight(LocalDate day) {
    return Date.from(day.atStartOfDay(ZoneOffset.UTC).toInstant());
  }

  @Override
  protected Map<LocalDate, Money> expectedDailyTotals() {
    Map<LocalDate, Money> totals = new HashMap<>();
    truth().costByDay(costPeriod()).forEach((day, amount) -> totals.put(day, money(amount)));
    return totals;
  }

  @Override
  protected Map<String, Money> expectedResourceTotals() {
    Map<String, Money> totals = new HashMap<>();
    truth().costByResource(costPeriod()).forEach((id, amount) -> totals.put(id, money(amount)));
    totals.put("", money(truth().costWithoutResource(costPeriod())));
    return totals;
  }

  /** Every Usage API call of this test fails (the extension clears faults after each test). */
  @Override
  protected Period failingPeriod() {
    SIM.simulator().faults().failRandomly("RequestSummarizedUsages", 1.0, 500);
    return Period.of(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 5));
  }
}
