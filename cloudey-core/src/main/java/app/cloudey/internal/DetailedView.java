package app.cloudey.internal;

import app.cloudey.internal.ViewMath.Columns;
import app.cloudey.model.AccountId;
import app.cloudey.model.CostDimension;
import app.cloudey.model.CostDriver;
import app.cloudey.model.CostQuery;
import app.cloudey.model.CostRow;
import app.cloudey.model.DetailedCosts;
import app.cloudey.model.Period;
import app.cloudey.spi.CloudeyStore;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Computes {@link DetailedCosts} from one aggregate of the three months by month, compartment,
 * service and resource, named from one read of the stored inventory.
 */
final class DetailedView {
  private DetailedView() {}

  static DetailedCosts compute(
      CloudeyStore store, AccountId accountId, List<YearMonth> months, Instant now) {
    Period period =
        Period.of(months.get(0).atDay(1), months.get(months.size() - 1).plusMonths(1).atDay(1));
    List<CostRow> rows =
        store
            .costs()
            .aggregate(
                accountId,
                CostQuery.of(period)
                    .groupBy(
                        CostDimension.MONTH,
                        CostDimension.COMPARTMENT,
                        CostDimension.SERVICE,
                        CostDimension.RESOURCE));
    Labels labels = Labels.load(store.inventory(), accountId);
    List<DetailedCosts.CurrencyDetail> sections = new ArrayList<>();
    ViewMath.byCurrency(rows)
        .forEach(
            (currency, currencyRows) ->
                sections.add(new Builder(currency, months, labels).add(currencyRows).build()));
    return new DetailedCosts(months, sections, now);
  }

  /** Sums one currency's rows into the tree, then turns it into records. */
  private static final class Builder {
    private final String currency;
    private final List<YearMonth> months;
    private final Labels labels;
    private final Columns totals;
    private final Map<String, Node> compartments = new HashMap<>();
    private final Map<String, Node> services = new HashMap<>();
    // resource -> compartment -> three-month cost: a resource shows under its main compartment
    private final Map<String, Map<String, BigDecimal>> homes = new HashMap<>();
    // newest month per resource: cost by service and by compartment, for the drivers
    private final Map<String, Map<String, BigDecimal>> latestByService = new HashMap<>();
    private final Map<String, Map<String, BigDecimal>> latestByCompartment = new HashMap<>();

    Builder(String currency, List<YearMonth> months, Labels labels) {
      this.currency = currency;
      this.months = months;
      this.labels = labels;
      this.totals = new Columns(months.size());
    }

    Builder add(List<CostRow> rows) {
      int latest = months.size() - 1;
      Map<String, Integer> monthIndex = new HashMap<>();
      for (int i = 0; i < months.size(); i++) {
        monthIndex.put(months.get(i).toString(), i);
      }
      for (CostRow row : rows) {
        Integer known = monthIndex.get(row.key().get(0));
        int m = known != null ? known : months.indexOf(YearMonth.parse(row.key().get(0)));
        String compartment = row.key().get(1);
        String service = row.key().get(2);
        String resource = row.key().get(3);
        BigDecimal amount = row.cost().amount();
        totals.add(m, amount);
        Node c = compartments.computeIfAbsent(compartment, k -> new Node());
        c.columns.add(m, amount);
        Node cs = c.children.computeIfAbsent(service, k -> new Node());
        cs.columns.add(m, amount);
        cs.children.computeIfAbsent(resource, k -> new Node()).columns.add(m, amount);
        Node s = services.computeIfAbsent(service, k -> new Node());
        s.columns.add(m, amount);
        s.children.computeIfAbsent(resource, k -> new Node()).columns.add(m, amount);
        homes
            .computeIfAbsent(resource, k -> new HashMap<>())
            .merge(compartment, amount, BigDecimal::add);
        if (m == latest && !resource.isEmpty()) {
          latestByService
              .computeIfAbsent(resource, k -> new HashMap<>())
              .merge(service, amount, BigDecimal::add);
          latestByCompartment
              .computeIfAbsent(resource, k -> new HashMap<>())
              .merge(compartment, amount, BigDecimal::add);
        }
      }
      return this;
    }

    DetailedCosts.CurrencyDetail build() {
      List<DetailedCosts.CompartmentCosts> compartmentCosts = new ArrayList<>();
      for (Map.Entry<String, Node> c : sorted(compartments)) {
        List<DetailedCosts.ServiceCosts> serviceCosts = new ArrayList<>();
        for (Map.Entry<String, Node> s : sorted(c.getValue().children)) {
          serviceCosts.add(
              service(
                  s,
                  c.getValue().columns.latest(),
                  resources(sorted(s.getValue().children), s.getValue().columns, c.getKey())));
        }
        Columns cc = c.getValue().columns;
        compartmentCosts.add(
            new DetailedCosts.CompartmentCosts(
                labels.compartment(c.getKey()),
                cc.money(currency),
                cc.change(),
                cc.shareOf(totals.latest(), currency),
                serviceCosts));
      }
      List<DetailedCosts.ServiceCosts> serviceSummary = new ArrayList<>();
      for (Map.Entry<String, Node> s : sorted(services)) {
        List<Map.Entry<String, Node>> top =
            s.getValue().children.entrySet().stream()
                .sorted(
                    Comparator.comparing(
                            (Map.Entry<String, Node> e) -> e.getValue().total(),
                            Comparator.reverseOrder())
                        .thenComparing(Map.Entry::getKey))
                .limit(DetailedCosts.TOP_RESOURCES)
                .toList();
        serviceSummary.add(service(s, totals.latest(), resources(top, s.getValue().columns, null)));
      }
      return new DetailedCosts.CurrencyDetail(
          currency,
          totals.money(currency),
          totals.change(),
          compartmentCosts,
          serviceSummary,
          drivers());
    }

    private DetailedCosts.ServiceCosts service(
        Map.Entry<String, Node> s, BigDecimal wholeLatest, List<DetailedCosts.ResourceCosts> rs) {
      Columns sc = s.getValue().columns;
      return new DetailedCosts.ServiceCosts(
          s.getKey(), sc.money(currency), sc.change(), sc.shareOf(wholeLatest, currency), rs);
    }

    /** Resource rows; in a compartment they sit in it, in the summary in their main one. */
    private List<DetailedCosts.ResourceCosts> resources(
        List<Map.Entry<String, Node>> entries, Columns service, String compartment) {
      List<DetailedCosts.ResourceCosts> list = new ArrayList<>();
      for (Map.Entry<String, Node> r : entries) {
        Columns rc = r.getValue().columns;
        String home = compartment != null ? compartment : largest(homes.get(r.getKey()));
        list.add(
            new DetailedCosts.ResourceCosts(
                labels.resource(r.getKey()),
                labels.compartment(home),
                rc.money(currency),
                ViewMath.money(rc.total(), currency),
                rc.change(),
                rc.shareOf(service.latest(), currency)));
      }
      return list;
    }

    private List<CostDriver> drivers() {
      Map<String, BigDecimal> latest = new HashMap<>();
      latestByService.forEach(
          (resource, byService) ->
              latest.put(
                  resource, byService.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)));
      return Drivers.top(
          latest,
          latestByService,
          latestByCompartment,
          ViewMath.money(totals.latest(), currency),
          labels,
          app.cloudey.model.TopDrivers.DEFAULT_LIMIT);
    }
  }

  /** Newest month descending, then key ascending. */
  static List<Map.Entry<String, Node>> sorted(Map<String, Node> nodes) {
    return nodes.entrySet().stream()
        .sorted(
            Comparator.comparing(
                    (Map.Entry<String, Node> e) -> e.getValue().columns.latest(),
                    Comparator.reverseOrder())
                .thenComparing(Map.Entry::getKey))
        .toList();
  }

  /** The key with the largest amount (ties: the smallest key). */
  static String largest(Map<String, BigDecimal> amounts) {
    return amounts.entrySet().stream()
        .min(
            Comparator.comparing(Map.Entry<String, BigDecimal>::getValue, Comparator.reverseOrder())
                .thenComparing(Map.Entry::getKey))
        .orElseThrow()
        .getKey();
  }

  /** A row of month columns and the rows below it. */
  static final class Node {
    final Columns columns = new Columns(DashboardView.COMPLETE_MONTHS);
    final Map<String, Node> children = new HashMap<>();
    private @Nullable BigDecimal total;

    /** The sum of the month columns, once every row is added (kept for sorting). */
    BigDecimal total() {
      BigDecimal t = total;
      if (t == null) {
        t = columns.total();
        total = t;
      }
      return t;
    }
  }
}
