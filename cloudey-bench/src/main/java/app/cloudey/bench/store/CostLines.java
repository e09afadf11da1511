package app.cloudey.bench.store;

import app.cloudey.model.AccountId;
import app.cloudey.model.CostLine;
import app.cloudey.model.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Currency;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * A deterministic, lazily generated stream of distinct cost lines spread over one month: line
 * {@code i} is day {@code i % days}, and its resource id makes its natural key unique. Nothing is
 * held in memory. How lines share a per-resource rollup key (resource, service, SKU, unit,
 * currency) is the {@link Keys} of the stream.
 */
final class CostLines {
  /** How the lines map to per-resource rollup keys. */
  enum Keys {
    /**
     * Every line its own key: the 31 lines of a resource each bill another service and SKU. The
     * per-resource rollup then has as many rows as there are lines, its worst case.
     */
    PER_LINE,
    /**
     * Each resource bills two SKUs every day of the month, as OCI bills an instance's OCPUs and
     * memory: one rollup row per 31 lines.
     */
    DAILY
  }

  static final String[] SERVICES = {
    "COMPUTE",
    "BLOCK_STORAGE",
    "OBJECT_STORAGE",
    "NETWORK",
    "DATABASE",
    "LOAD_BALANCER",
    "FILE_STORAGE",
    "MONITORING"
  };
  static final String[] REGIONS = {"us-ashburn-1", "eu-frankfurt-1", "uk-london-1", "ap-tokyo-1"};
  private static final Currency USD = Currency.getInstance("USD");

  private CostLines() {}

  static Stream<CostLine> of(AccountId account, YearMonth month, long count) {
    return of(account, month, count, Keys.PER_LINE);
  }

  static Stream<CostLine> of(AccountId account, YearMonth month, long count, Keys keys) {
    int days = month.lengthOfMonth();
    LocalDate first = month.atDay(1);
    return LongStream.range(0, count).mapToObj(i -> line(account, first, days, i, keys));
  }

  private static CostLine line(AccountId account, LocalDate first, int days, long i, Keys keys) {
    // the line's series (its service, SKU, region and compartment) and its resource
    long series = keys == Keys.PER_LINE ? i : i / days;
    long resource = keys == Keys.PER_LINE ? i / days : series / 2;
    return CostLine.builder()
        .accountId(account)
        .day(first.plusDays(i % days))
        .service(SERVICES[(int) (series % SERVICES.length)])
        .skuPartNumber("B9" + (1000 + series % 50))
        .skuName("SKU " + (series % 50))
        .unit("OCPU Per Hour")
        .quantity(BigDecimal.valueOf(24 + i % 7))
        .cost(new Money(BigDecimal.valueOf(1 + i % 9_999, 4), USD))
        .region(REGIONS[(int) (series % REGIONS.length)])
        .compartmentId("ocid1.compartment.oc1..c" + (series % 20))
        .compartmentPath("root/c" + (series % 20))
        .resourceId("ocid1.instance.oc1.iad.r" + resource)
        .unitPrice(new BigDecimal("0.0625"))
        .build();
  }
}
