package app.cloudey.internal;

import app.cloudey.model.Change;
import app.cloudey.model.CostDriver;
import app.cloudey.model.Money;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** The top cost drivers: resources by cost, each with its main service and compartment. */
final class Drivers {
  private Drivers() {}

  /**
   * The {@code n} most expensive resources of {@code costByResource} (cost descending, then id),
   * each with the service and compartment holding most of its cost; shares of {@code total}.
   */
  static List<CostDriver> top(
      Map<String, BigDecimal> costByResource,
      Map<String, Map<String, BigDecimal>> byService,
      Map<String, Map<String, BigDecimal>> byCompartment,
      Money total,
      Labels labels,
      int n) {
    String currency = ViewMath.code(total);
    return costByResource.entrySet().stream()
        .sorted(
            Comparator.comparing(Map.Entry<String, BigDecimal>::getValue, Comparator.reverseOrder())
                .thenComparing(Map.Entry::getKey))
        .limit(n)
        .map(
            e -> {
              Money cost = ViewMath.money(e.getValue(), currency);
              return new CostDriver(
                  labels.resource(e.getKey()),
                  DetailedView.largest(byService.get(e.getKey())),
                  labels.compartment(DetailedView.largest(byCompartment.get(e.getKey()))),
                  cost,
                  Change.share(cost, total));
            })
        .toList();
  }
}
