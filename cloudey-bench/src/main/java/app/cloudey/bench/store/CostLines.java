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
 * held in memory.
 */
final class CostLines {
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
    int days = month.lengthOfMonth();
    LocalDate first = month.atDay(1);
    return LongStream.range(0, count).mapToObj(i -> line(account, first, days, i));
  }

  static CostLine line(AccountId account, LocalDate first, int days, long i) {
    int service = (int) (i % SERVICES.length);
    return CostLine.builder()
        .accountId(account)
        .day(first.plusDays(i % days))
        .service(SERVICES[service])
        .skuPartNumber("B9" + (1000 + i % 50))
        .skuName("SKU " + (i % 50))
        .unit("OCPU Per Hour")
        .quantity(BigDecimal.valueOf(24 + i % 7))
        .cost(new Money(BigDecimal.valueOf(1 + i % 9_999, 4), USD))
        .region(REGIONS[(int) (i % REGIONS.length)])
        .compartmentId("ocid1.compartment.oc1..c" + (i % 20))
        .compartmentPath("root/c" + (i % 20))
        .resourceId("ocid1.instance.oc1.iad.r" + (i / days))
        .unitPrice(new BigDecimal("0.0625"))
        .build();
  }
}
