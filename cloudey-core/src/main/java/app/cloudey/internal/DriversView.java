package app.cloudey.internal;

import app.cloudey.model.AccountId;
import app.cloudey.model.CostDimension;
import app.cloudey.model.CostDriver;
import app.cloudey.model.CostQuery;
import app.cloudey.model.CostRow;
import app.cloudey.model.Money;
import app.cloudey.model.Period;
import app.cloudey.model.TopDrivers;
import app.cloudey.spi.CloudeyStore;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Computes {@link TopDrivers} from one aggregate by resource, service and compartment. */
final class DriversView {
  private DriversView() {}

  static TopDrivers compute(CloudeyStore store, AccountId accountId, Period period, Instant now) {
    List<CostRow> rows =
        store
            .costs()
            .aggregate(
                accountId,
                CostQuery.of(period)
                    .groupBy(
                        CostDimension.RESOURCE, CostDimension.SERVICE, CostDimension.COMPARTMENT));
    Labels labels = Labels.load(store.inventory(), accountId);
    List<TopDrivers.CurrencyDrivers> sections = new ArrayList<>();
    ViewMath.byCurrency(rows)
        .forEach(
            (currency, currencyRows) -> {
              BigDecimal total = BigDecimal.ZERO;
              // lines without a resource, one amount per (service, compartment): never drivers
              List<BigDecimal> withoutResource = new ArrayList<>();
              Map<String, BigDecimal> byResource = new HashMap<>();
              Map<String, Map<String, BigDecimal>> byService = new HashMap<>();
              Map<String, Map<String, BigDecimal>> byCompartment = new HashMap<>();
              for (CostRow row : currencyRows) {
                BigDecimal amount = row.cost().amount();
                total = total.add(amount);
                String resource = row.key().get(0);
                if (resource.isEmpty()) {
                  withoutResource.add(amount);
                  continue; // egress, support, credits: in the total, not a driver
                }
                byResource.merge(resource, amount, BigDecimal::add);
                byService
                    .computeIfAbsent(resource, k -> new HashMap<>())
                    .merge(row.key().get(1), amount, BigDecimal::add);
                byCompartment
                    .computeIfAbsent(resource, k -> new HashMap<>())
                    .merge(row.key().get(2), amount, BigDecimal::add);
              }
              Money totalMoney = Money.of(total, currency);
              List<CostDriver> drivers =
                  Drivers.top(
                      byResource,
                      byService,
                      byCompartment,
                      totalMoney,
                      labels,
                      TopDrivers.DEFAULT_LIMIT);
              BigDecimal listed = BigDecimal.ZERO;
              Set<String> shown = new HashSet<>();
              for (CostDriver d : drivers) {
                listed = listed.add(d.cost().amount());
                shown.add(d.resource().id());
              }
              // left out: each resource that is not a driver (its net cost) and each row without a
              // resource, split by sign into others and credits
              List<BigDecimal> leftOut = new ArrayList<>(withoutResource);
              byResource.forEach(
                  (resource, amount) -> {
                    if (!shown.contains(resource)) {
                      leftOut.add(amount);
                    }
                  });
              ViewMath.Rest rest = ViewMath.rest(total, listed, leftOut);
              sections.add(
                  new TopDrivers.CurrencyDrivers(
                      currency,
                      totalMoney,
                      drivers,
                      Money.of(rest.othersOrZero(), currency),
                      Money.of(rest.creditsOrZero(), currency)));
            });
    return new TopDrivers(period, sections, now);
  }
}
