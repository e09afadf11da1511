package app.cloudey.oci.internal;

import app.cloudey.CloudeyProviderException;
import app.cloudey.model.AccountId;
import app.cloudey.model.CostLine;
import app.cloudey.model.Money;
import com.oracle.bmc.usageapi.model.UsageSummary;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Turns Usage API items into {@link CostLine}s. Amounts are the SDK's {@link BigDecimal}s, which
 * Jackson parses from the JSON text without going through a float, so nothing is rounded. The
 * currency comes from the data: a blank currency (OCI sends one on some grouped rows) takes the
 * currency of another row of the page, or of an earlier page. Not thread-safe: one per stream.
 */
final class UsageLines {
  private final AccountId accountId;
  private @Nullable Currency currency;

  UsageLines(AccountId accountId) {
    this.accountId = accountId;
  }

  /** The cost lines of one page; forecast rows are dropped. */
  List<CostLine> map(List<UsageSummary> items) {
    for (UsageSummary item : items) {
      if (currency == null && !blank(item.getCurrency())) {
        currency = Money.currency(item.getCurrency());
      }
    }
    List<CostLine> lines = new ArrayList<>(items.size());
    for (UsageSummary item : items) {
      if (Boolean.TRUE.equals(item.getIsForecast())) {
        continue;
      }
      lines.add(line(item));
    }
    return lines;
  }

  private CostLine line(UsageSummary item) {
    if (item.getTimeUsageStarted() == null) {
      throw new CloudeyProviderException(
          "OCI RequestSummarizedUsages returned a row without timeUsageStarted", 200, null, null);
    }
    Currency lineCurrency =
        blank(item.getCurrency()) ? currency : Money.currency(item.getCurrency());
    if (lineCurrency == null) {
      throw new CloudeyProviderException(
          "OCI RequestSummarizedUsages returned cost rows without a currency", 200, null, null);
    }
    BigDecimal amount =
        item.getComputedAmount() == null ? BigDecimal.ZERO : item.getComputedAmount();
    return CostLine.builder()
        .accountId(accountId)
        .day(LocalDate.ofInstant(item.getTimeUsageStarted().toInstant(), ZoneOffset.UTC))
        .service(blank(item.getService()) ? "Unknown" : item.getService().trim())
        .skuPartNumber(item.getSkuPartNumber())
        .skuName(item.getSkuName())
        .unit(item.getUnit())
        .quantity(item.getComputedQuantity())
        .cost(new Money(amount, lineCurrency))
        .region(item.getRegion())
        .compartmentId(item.getCompartmentId())
        .compartmentPath(item.getCompartmentPath())
        .resourceId(item.getResourceId())
        .unitPrice(item.getUnitPrice())
        .listRate(item.getListRate())
        .discount(item.getDiscount())
        .build();
  }

  private static boolean blank(@Nullable String text) {
    return text == null || text.isBlank();
  }
}
