package app.cloudey.internal;

import app.cloudey.internal.ViewMath.Columns;
import app.cloudey.model.AccountId;
import app.cloudey.model.CompartmentLabel;
import app.cloudey.model.CostDimension;
import app.cloudey.model.CostDriver;
import app.cloudey.model.CostQuery;
import app.cloudey.model.CostRow;
import app.cloudey.model.DetailedCosts;
import app.cloudey.model.Money;
import app.cloudey.model.Period;
import app.cloudey.spi.CloudeyStore;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Computes {@link DetailedCosts} from one aggregate per month by compartment, service and resource,
 * named from one read of the stored inventory, the four read at once ({@link ConcurrentReads}).
 */
final class DetailedView {
  private DetailedView() {}

  static DetailedCosts compute(
      CloudeyStore store,
      ConcurrentReads reads,
      AccountId accountId,
      List<YearMonth> months,
      Instant now) {
    // the names are read while the aggregates run, on another connection
    ConcurrentReads.Read<Labels> labelsRead =
        reads.fork(() -> Labels.load(store.inventory(), accountId));
    List<Builder> builders = summed(store, reads, accountId, months);
    // the rows are garbage by now: only the trees they were summed into stay while records are
    // built
    Labels labels = labelsRead.get();
    List<DetailedCosts.CurrencyDetail> sections = new ArrayList<>();
    for (Builder builder : builders) {
      sections.add(builder.build(labels, reads));
    }
    return new DetailedCosts(months, sections, now);
  }

  /**
   * One aggregate per month by compartment, service and resource, the months read at once (each its
   * own statement on its own connection in a pooled store; a month's rows do not depend on the
   * others'), summed into one tree per currency (currencies by code) as their rows are read: no row
   * outlives its sum. Each leaf gets at most one row per month, so the order rows arrive in changes
   * no sum.
   */
  private static List<Builder> summed(
      CloudeyStore store, ConcurrentReads reads, AccountId accountId, List<YearMonth> months) {
    Map<String, Builder> builders = new TreeMap<>();
    List<ConcurrentReads.Read<Void>> monthReads = new ArrayList<>();
    for (int i = 0; i < months.size(); i++) {
      int m = i;
      CostQuery query =
          CostQuery.of(Period.month(months.get(m)))
              .groupBy(CostDimension.COMPARTMENT, CostDimension.SERVICE, CostDimension.RESOURCE);
      monthReads.add(
          reads.fork(
              () -> {
                // rows are added in batches: one lock per batch, not per row, while months arrive
                List<CostRow> batch = new ArrayList<>(BATCH);
                store
                    .costs()
                    .aggregate(
                        accountId,
                        query,
                        row -> {
                          batch.add(row);
                          if (batch.size() == BATCH) {
                            addAll(builders, batch, months, m);
                          }
                        });
                addAll(builders, batch, months, m);
                return null;
              }));
    }
    for (ConcurrentReads.Read<Void> read : monthReads) {
      read.get();
    }
    synchronized (builders) {
      return new ArrayList<>(builders.values());
    }
  }

  /** Rows collected before they are added to the tree: bounded garbage, one lock per batch. */
  private static final int BATCH = 1_000;

  /** Adds {@code batch} (rows of month {@code m}) to its currency's tree, then empties it. */
  private static void addAll(
      Map<String, Builder> builders, List<CostRow> batch, List<YearMonth> months, int m) {
    synchronized (builders) { // the months' reads add at once
      for (CostRow row : batch) {
        String code = ViewMath.code(row.cost());
        Builder builder = builders.get(code);
        if (builder == null) {
          builder = new Builder(code, months);
          builders.put(code, builder);
        }
        builder.add(row, m);
      }
    }
    batch.clear();
  }

  /**
   * Sums one currency's rows into the tree, then turns it into records. Each row lands in its
   * compartment → service → resource leaf only (one row per month and leaf); the sums above the
   * leaves, the service summary, the home compartments and the drivers are worked out once from the
   * leaves, for the few resources that need them.
   */
  private static final class Builder {
    private final String currency;
    private final Currency unit;
    private final List<YearMonth> months;
    private Labels labels = Labels.none(); // set by build
    private final Columns totals;
    private final Map<String, Node> compartments = new HashMap<>();
    private final Map<String, Node> services = new HashMap<>();

    Builder(String currency, List<YearMonth> months) {
      this.currency = currency;
      this.unit = Currency.getInstance(currency);
      this.months = months;
      this.totals = new Columns(months.size());
    }

    /** Adds one row (keyed compartment, service, resource) of month {@code m}. */
    void add(CostRow row, int m) {
      List<String> key = row.key();
      compartments
          .computeIfAbsent(key.get(0), k -> new Node())
          .child(key.get(1))
          .child(key.get(2))
          .add(m, row.cost().amount());
    }

    /** Sums the leaves into their service, compartment and the totals, and the service summary. */
    private void sumUp() {
      for (Node c : compartments.values()) {
        for (Map.Entry<String, Node> s : c.children().entrySet()) {
          Node cs = s.getValue();
          Node summary = services.computeIfAbsent(s.getKey(), k -> new Node());
          for (Map.Entry<String, Node> r : cs.children().entrySet()) {
            Node leaf = r.getValue();
            cs.columns.addAll(leaf.columns);
            leaf.total(); // now, so the two halves of build only read it
            summary.mergeChild(r.getKey(), leaf);
          }
          c.columns.addAll(cs.columns);
          summary.columns.addAll(cs.columns);
        }
        totals.addAll(c.columns);
      }
    }

    /**
     * The records: the compartment tree on this thread, the service summary and the drivers on
     * another at the same time (both only read the summed tree).
     */
    DetailedCosts.CurrencyDetail build(Labels names, ConcurrentReads reads) {
      this.labels = names;
      sumUp();
      ConcurrentReads.Read<Summary> summary = reads.fork(this::summary);
      List<DetailedCosts.CompartmentCosts> compartmentCosts = new ArrayList<>();
      for (Map.Entry<String, Node> c : sorted(compartments)) {
        List<DetailedCosts.ServiceCosts> serviceCosts = new ArrayList<>();
        CompartmentLabel home = labels.compartment(c.getKey());
        for (Map.Entry<String, Node> s : sorted(c.getValue().children())) {
          serviceCosts.add(
              service(
                  s,
                  c.getValue().columns.latest(),
                  resources(sorted(s.getValue().children()), s.getValue().columns, home)));
        }
        Columns cc = c.getValue().columns;
        compartmentCosts.add(
            new DetailedCosts.CompartmentCosts(
                home, cc.money(unit), cc.change(), cc.shareOf(totals.latest()), serviceCosts));
      }
      Summary byService = summary.get();
      return new DetailedCosts.CurrencyDetail(
          currency,
          totals.money(unit),
          totals.change(),
          compartmentCosts,
          byService.services(),
          byService.drivers());
    }

    /**
     * The service summary (top resources per service, each in its main compartment) and drivers.
     */
    private Summary summary() {
      List<Map.Entry<String, Node>> serviceList = sorted(services);
      Map<String, List<Map.Entry<String, Node>>> tops = new HashMap<>();
      Set<String> listed = new HashSet<>();
      for (Map.Entry<String, Node> s : serviceList) {
        List<Map.Entry<String, Node>> top =
            ViewMath.first(
                s.getValue().children().entrySet(), TOTAL_DESCENDING, DetailedCosts.TOP_RESOURCES);
        tops.put(s.getKey(), top);
        top.forEach(e -> listed.add(e.getKey()));
      }
      Map<String, String> homes = homes(listed);
      List<DetailedCosts.ServiceCosts> serviceSummary = new ArrayList<>();
      for (Map.Entry<String, Node> s : serviceList) {
        serviceSummary.add(
            service(
                s, totals.latest(), resources(tops.get(s.getKey()), s.getValue().columns, homes)));
      }
      return new Summary(serviceSummary, drivers());
    }

    /**
     * The main compartment of each of {@code resources}: the one holding most of its three months'
     * cost, over every service (ties: the smallest id).
     */
    private Map<String, String> homes(Set<String> resources) {
      Map<String, Map<String, BigDecimal>> amounts = new HashMap<>();
      forEachLeaf(
          resources,
          (compartment, service, resource, leaf) ->
              amounts
                  .computeIfAbsent(resource, k -> new HashMap<>())
                  .merge(compartment, leaf.total(), BigDecimal::add));
      Map<String, String> homes = new HashMap<>();
      amounts.forEach((resource, byCompartment) -> homes.put(resource, largest(byCompartment)));
      return homes;
    }

    /** Visits the leaves of {@code resources}, in no particular order. */
    private void forEachLeaf(Set<String> resources, LeafVisitor visitor) {
      for (Map.Entry<String, Node> c : compartments.entrySet()) {
        for (Map.Entry<String, Node> s : c.getValue().children().entrySet()) {
          Map<String, Node> leaves = s.getValue().children();
          if (leaves.size() <= resources.size()) {
            leaves.forEach(
                (resource, leaf) -> {
                  if (resources.contains(resource)) {
                    visitor.visit(c.getKey(), s.getKey(), resource, leaf);
                  }
                });
          } else {
            for (String resource : resources) {
              Node leaf = leaves.get(resource);
              if (leaf != null) {
                visitor.visit(c.getKey(), s.getKey(), resource, leaf);
              }
            }
          }
        }
      }
    }

    private DetailedCosts.ServiceCosts service(
        Map.Entry<String, Node> s, BigDecimal wholeLatest, List<DetailedCosts.ResourceCosts> rs) {
      Columns sc = s.getValue().columns;
      return new DetailedCosts.ServiceCosts(
          s.getKey(), sc.money(unit), sc.change(), sc.shareOf(wholeLatest), rs);
    }

    /** Resource rows of one compartment's service: they sit in that compartment. */
    private List<DetailedCosts.ResourceCosts> resources(
        List<Map.Entry<String, Node>> entries, Columns service, CompartmentLabel compartment) {
      List<DetailedCosts.ResourceCosts> list = new ArrayList<>(entries.size());
      for (Map.Entry<String, Node> r : entries) {
        list.add(resource(r, service, compartment));
      }
      return list;
    }

    /** Resource rows of the service summary: each in its main compartment. */
    private List<DetailedCosts.ResourceCosts> resources(
        List<Map.Entry<String, Node>> entries, Columns service, Map<String, String> homes) {
      List<DetailedCosts.ResourceCosts> list = new ArrayList<>(entries.size());
      for (Map.Entry<String, Node> r : entries) {
        list.add(resource(r, service, labels.compartment(homes.get(r.getKey()))));
      }
      return list;
    }

    private DetailedCosts.ResourceCosts resource(
        Map.Entry<String, Node> r, Columns service, CompartmentLabel compartment) {
      Columns rc = r.getValue().columns;
      return new DetailedCosts.ResourceCosts(
          labels.resource(r.getKey()),
          compartment,
          rc.money(unit),
          new Money(r.getValue().total(), unit),
          rc.change(),
          rc.shareOf(service.latest()));
    }

    /**
     * The newest month's top resources (those with a row in it), each with the service and the
     * compartment holding most of that month's cost.
     */
    private List<CostDriver> drivers() {
      int latest = months.size() - 1;
      Map<String, BigDecimal> latestByResource = new HashMap<>();
      for (Node s : services.values()) {
        s.children()
            .forEach(
                (resource, node) -> {
                  if (!resource.isEmpty() && node.has(latest)) {
                    latestByResource.merge(resource, node.columns.latest(), BigDecimal::add);
                  }
                });
      }
      List<Map.Entry<String, BigDecimal>> top =
          ViewMath.first(
              latestByResource.entrySet(),
              Comparator.comparing(
                      Map.Entry<String, BigDecimal>::getValue, Comparator.reverseOrder())
                  .thenComparing(Map.Entry::getKey),
              app.cloudey.model.TopDrivers.DEFAULT_LIMIT);
      Map<String, BigDecimal> costs = new HashMap<>();
      top.forEach(e -> costs.put(e.getKey(), e.getValue()));
      Map<String, Map<String, BigDecimal>> byService = new HashMap<>();
      Map<String, Map<String, BigDecimal>> byCompartment = new HashMap<>();
      forEachLeaf(
          costs.keySet(),
          (compartment, service, resource, leaf) -> {
            if (leaf.has(latest)) {
              BigDecimal amount = leaf.columns.latest();
              byService
                  .computeIfAbsent(resource, k -> new HashMap<>())
                  .merge(service, amount, BigDecimal::add);
              byCompartment
                  .computeIfAbsent(resource, k -> new HashMap<>())
                  .merge(compartment, amount, BigDecimal::add);
            }
          });
      return Drivers.top(
          costs,
          byService,
          byCompartment,
          new Money(totals.latest(), unit),
          labels,
          app.cloudey.model.TopDrivers.DEFAULT_LIMIT);
    }
  }

  /** The service summary and the drivers of one currency. */
  private record Summary(List<DetailedCosts.ServiceCosts> services, List<CostDriver> drivers) {}

  /** A leaf of the compartment tree with its compartment, service and resource. */
  @FunctionalInterface
  private interface LeafVisitor {
    void visit(String compartment, String service, String resource, Node leaf);
  }

  /** Newest month descending, then key ascending. */
  static List<Map.Entry<String, Node>> sorted(Map<String, Node> nodes) {
    List<Map.Entry<String, Node>> list = new ArrayList<>(nodes.entrySet());
    list.sort(LATEST_DESCENDING);
    return list;
  }

  /** {@link #sorted}'s order, written out (the services' 20,000 resources are sorted with it). */
  private static final Comparator<Map.Entry<String, Node>> LATEST_DESCENDING =
      (a, b) -> {
        int byLatest = b.getValue().columns.latest().compareTo(a.getValue().columns.latest());
        return byLatest != 0 ? byLatest : a.getKey().compareTo(b.getKey());
      };

  /** Three months' total descending, then key ascending. */
  private static final Comparator<Map.Entry<String, Node>> TOTAL_DESCENDING =
      (a, b) -> {
        int byTotal = b.getValue().total().compareTo(a.getValue().total());
        return byTotal != 0 ? byTotal : a.getKey().compareTo(b.getKey());
      };

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
    private static final Map<String, Node> NONE = Map.of();

    final Columns columns = new Columns(DashboardView.COMPLETE_MONTHS);
    private Map<String, Node> children = NONE; // a leaf has none: no map
    private int monthsWithRows; // bit i: a row of month i was added
    private boolean shared; // a leaf of the compartment tree, also listed in the service summary
    private @Nullable BigDecimal total;

    Map<String, Node> children() {
      return children;
    }

    /** The child of {@code key}, created when missing. */
    Node child(String key) {
      if (children == NONE) {
        children = new HashMap<>();
      }
      Node child = children.get(key);
      if (child == null) {
        child = new Node();
        children.put(key, child);
      }
      return child;
    }

    void add(int month, BigDecimal amount) {
      columns.add(month, amount);
      monthsWithRows |= 1 << month;
    }

    /** Whether a row of month {@code month} was added (below this node, for a merged node). */
    boolean has(int month) {
      return (monthsWithRows & (1 << month)) != 0;
    }

    /**
     * Adds {@code leaf} under {@code key}: the leaf itself while it is the only one (it is not
     * changed), a sum of copies once a second one comes (a resource in two compartments).
     */
    void mergeChild(String key, Node leaf) {
      if (children == NONE) {
        children = new HashMap<>();
      }
      Node existing = children.get(key);
      if (existing == null) {
        leaf.shared = true;
        children.put(key, leaf);
        return;
      }
      Node merged = existing;
      if (existing.shared) {
        merged = new Node();
        merged.columns.addAll(existing.columns);
        merged.monthsWithRows = existing.monthsWithRows;
        children.put(key, merged);
      }
      merged.columns.addAll(leaf.columns);
      merged.monthsWithRows |= leaf.monthsWithRows;
    }

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
