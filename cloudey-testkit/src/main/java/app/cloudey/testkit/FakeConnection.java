package app.cloudey.testkit;

import app.cloudey.CloudeyException;
import app.cloudey.model.AccountId;
import app.cloudey.model.Compartment;
import app.cloudey.model.CostLine;
import app.cloudey.model.MetricDaily;
import app.cloudey.model.MetricName;
import app.cloudey.model.Period;
import app.cloudey.model.Resource;
import app.cloudey.model.ResourceType;
import app.cloudey.model.Scope;
import app.cloudey.spi.CloudConnection;
import app.cloudey.spi.CostSource;
import app.cloudey.spi.InventorySource;
import app.cloudey.spi.MetricSource;
import app.cloudey.testkit.FakeCloudProvider.Operation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** One account's view of a {@link FakeCloudProvider}: its data stamped with the account's id. */
final class FakeConnection implements CloudConnection {

  /** Pages follow the natural key so every run serves the same pages. */
  private static final Comparator<CostLine> PAGE_ORDER =
      Comparator.comparing(CostLine::day)
          .thenComparing(CostLine::service)
          .thenComparing(CostLine::skuPartNumber)
          .thenComparing(CostLine::region)
          .thenComparing(CostLine::compartmentId)
          .thenComparing(CostLine::resourceId)
          .thenComparing(CostLine::skuName)
          .thenComparing(CostLine::unit);

  private final FakeCloudProvider fake;
  private final AccountId accountId;
  private final Inventory inventory = new Inventory();
  private final Costs costs = new Costs();
  private final Metrics metrics = new Metrics();

  FakeConnection(FakeCloudProvider fake, AccountId accountId) {
    this.fake = fake;
    this.accountId = accountId;
  }

  @Override
  public InventorySource inventory() {
    return inventory;
  }

  @Override
  public CostSource costs() {
    return costs;
  }

  @Override
  public MetricSource metrics() {
    return metrics;
  }

  @Override
  public void close() {}

  private final class Inventory implements InventorySource {
    @Override
    public List<String> regions() {
      fake.beforeCall(Operation.LIST_REGIONS, "regions");
      return fake.regions();
    }

    @Override
    public List<Compartment> compartments() {
      fake.beforeCall(Operation.LIST_COMPARTMENTS, "compartments");
      return fake.compartments().stream()
          .map(
              c ->
                  new Compartment(
                      accountId, c.id(), c.parentId(), c.name(), c.path(), c.lifecycleState()))
          .toList();
    }

    @Override
    public Set<ResourceType> resourceTypes() {
      return fake.resourceTypes();
    }

    @Override
    public List<Resource> list(Scope scope) {
      List<Resource> all = fake.resources(scope);
      int size = fake.resourcePageSize();
      int pages = Math.max(1, (all.size() + size - 1) / size);
      List<Resource> listed = new ArrayList<>(all.size());
      for (int page = 0; page < pages; page++) {
        fake.beforeCall(Operation.LIST_RESOURCES, scope + " page " + (page + 1));
        if (page == pages - 1 && fake.isFailing(scope)) {
          throw fake.failure("LIST_RESOURCES (" + scope + " page " + (page + 1) + ")");
        }
        for (Resource r : all.subList(page * size, Math.min(all.size(), (page + 1) * size))) {
          listed.add(r.toBuilder().accountId(accountId).tracking(null).build());
        }
      }
      return List.copyOf(listed);
    }
  }

  private final class Costs implements CostSource {
    @Override
    public Stream<CostLine> fetch(Period period) {
      List<CostLine> lines =
          fake.costLines().stream()
              .filter(l -> period.contains(l.day()))
              .sorted(PAGE_ORDER)
              .map(l -> l.toBuilder().accountId(accountId).build())
              .toList();
      TreeSet<LocalDate> failing = new TreeSet<>();
      fake.failingCostDays().stream().filter(period::contains).forEach(failing::add);
      Iterator<CostLine> pages = new Pages(period, lines, failing);
      return StreamSupport.stream(
          Spliterators.spliterator(pages, lines.size(), Spliterator.ORDERED | Spliterator.NONNULL),
          false);
    }
  }

  /** Fetches page {@code n} only when the consumer has used up page {@code n - 1}. */
  private final class Pages implements Iterator<CostLine> {
    private final Period period;
    private final List<CostLine> lines;
    private final TreeSet<LocalDate> failing;
    private final int pageCount;
    private int nextPage;
    private int position;
    private int pageEnd;

    Pages(Period period, List<CostLine> lines, TreeSet<LocalDate> failing) {
      this.period = period;
      this.lines = lines;
      this.failing = failing;
      int size = fake.costPageSize();
      this.pageCount = Math.max(1, (lines.size() + size - 1) / size);
    }

    @Override
    public boolean hasNext() {
      while (position == pageEnd && nextPage < pageCount) {
        fetchPage();
      }
      return position < pageEnd;
    }

    private void fetchPage() {
      int page = nextPage++;
      String what = "costs " + period + " page " + (page + 1) + "/" + pageCount;
      fake.beforeCall(Operation.FETCH_COSTS, what);
      int start = page * fake.costPageSize();
      int end = Math.min(lines.size(), start + fake.costPageSize());
      if (!failing.isEmpty()) {
        LocalDate firstFailing = failing.first();
        boolean reached =
            page == pageCount - 1
                || lines.subList(start, end).stream()
                    .anyMatch(l -> !l.day().isBefore(firstFailing));
        if (reached) {
          CloudeyException failure = fake.failure("FETCH_COSTS (" + what + ")");
          throw failure;
        }
      }
      position = start;
      pageEnd = end;
    }

    @Override
    public CostLine next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return lines.get(position++);
    }
  }

  private final class Metrics implements MetricSource {
    @Override
    public Set<MetricName> metricsFor(ResourceType type) {
      return fake.metricsFor(type);
    }

    /**
     * One call per (resource, metric); a failed call leaves that pair's days missing, as a failed
     * fetch must never look like an idle resource.
     */
    @Override
    public Stream<MetricDaily> fetchDaily(List<Resource> resources, Period window) {
      List<MetricDaily> out = new ArrayList<>();
      for (Resource resource : resources) {
        for (MetricName metric : new TreeSet<>(fake.metricsFor(resource.type()))) {
          boolean failed = false;
          try {
            fake.beforeCall(Operation.FETCH_METRICS, metric + " of " + resource.id());
          } catch (CloudeyException e) {
            failed = true;
          }
          for (LocalDate day : window.dayStream().toList()) {
            MetricDaily daily =
                failed ? null : fake.metric(resource.id(), metric, day).orElse(null);
            out.add(
                daily == null
                    ? MetricDaily.missing(accountId, resource.id(), metric, day)
                    : new MetricDaily(
                        accountId,
                        resource.id(),
                        metric,
                        day,
                        daily.mean(),
                        daily.max(),
                        daily.p95(),
                        daily.samples()));
          }
        }
      }
      return out.stream();
    }
  }
}
