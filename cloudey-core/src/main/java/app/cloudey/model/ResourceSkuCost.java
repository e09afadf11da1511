package app.cloudey.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The billed cost of one resource for one SKU over a period, summed by the store from the cost
 * lines that name the resource (see {@link app.cloudey.spi.CostStore#resourceCosts}).
 *
 * @param resourceId the resource
 * @param service the service of the lines, e.g. {@code Compute}
 * @param skuPartNumber SKU part number, e.g. {@code B93113}
 * @param skuName SKU name
 * @param unit the SKU's unit, e.g. {@code OCPU Per Hour}
 * @param currency currency of the lines
 * @param amount sum of the lines' cost
 * @param quantity sum of the lines' quantity
 * @param firstDay first day with a line
 * @param lastDay last day with a line
 * @param days distinct days with a line
 */
public record ResourceSkuCost(
    String resourceId,
    String service,
    String skuPartNumber,
    String skuName,
    String unit,
    Currency currency,
    BigDecimal amount,
    BigDecimal quantity,
    LocalDate firstDay,
    LocalDate lastDay,
    int days) {

  public ResourceSkuCost {
    Checks.notBlank(resourceId, "resourceId");
    Checks.notNull(service, "service");
    Checks.notNull(skuPartNumber, "skuPartNumber");
    Checks.notNull(skuName, "skuName");
    Checks.notNull(unit, "unit");
    Checks.notNull(currency, "currency");
    amount = Money.normalise(Checks.notNull(amount, "amount"));
    quantity = Money.normalise(Checks.notNull(quantity, "quantity"));
    Checks.notNull(firstDay, "firstDay");
    Checks.notNull(lastDay, "lastDay");
    Checks.require(!lastDay.isBefore(firstDay), "lastDay is before firstDay");
    Checks.require(days >= 1, () -> "days must be at least 1, was " + days);
  }

  public Money cost() {
    return new Money(amount, currency);
  }

  /** The group this row sums: everything but the sums. */
  public record Key(
      String resourceId,
      String service,
      String skuPartNumber,
      String skuName,
      String unit,
      Currency currency) {}

  public Key key() {
    return new Key(resourceId, service, skuPartNumber, skuName, unit, currency);
  }

  /** Sums lines that have a resource into rows, one per key. */
  public static List<ResourceSkuCost> sum(Iterable<CostLine> lines) {
    Map<Key, Acc> acc = new LinkedHashMap<>();
    for (CostLine line : lines) {
      if (line.resourceId().isEmpty()) {
        continue;
      }
      Key key =
          new Key(
              line.resourceId(),
              line.service(),
              line.skuPartNumber(),
              line.skuName(),
              line.unit(),
              line.cost().currency());
      acc.computeIfAbsent(key, k -> new Acc()).add(line);
    }
    List<ResourceSkuCost> out = new ArrayList<>();
    acc.forEach(
        (k, a) ->
            out.add(
                new ResourceSkuCost(
                    k.resourceId,
                    k.service,
                    k.skuPartNumber,
                    k.skuName,
                    k.unit,
                    k.currency,
                    a.amount,
                    a.quantity,
                    a.days.first(),
                    a.days.last(),
                    a.days.size())));
    return out;
  }

  private static final class Acc {
    BigDecimal amount = BigDecimal.ZERO;
    BigDecimal quantity = BigDecimal.ZERO;
    final java.util.TreeSet<LocalDate> days = new java.util.TreeSet<>();

    void add(CostLine line) {
      amount = amount.add(line.cost().amount());
      quantity = quantity.add(line.quantity());
      days.add(line.day());
    }
  }
}
