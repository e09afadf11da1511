package app.cloudey.testkit;

import app.cloudey.CloudeyConfigException;
import app.cloudey.CloudeyProviderException;
import app.cloudey.Credentials;
import app.cloudey.model.Account;
import app.cloudey.model.AccountId;
import app.cloudey.model.Compartment;
import app.cloudey.model.CostLine;
import app.cloudey.model.MetricDaily;
import app.cloudey.model.MetricName;
import app.cloudey.model.Resource;
import app.cloudey.model.ResourceType;
import app.cloudey.model.Scope;
import app.cloudey.spi.AccountProfile;
import app.cloudey.spi.CloudConnection;
import app.cloudey.spi.CloudProvider;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A scriptable {@link CloudProvider} for tests and demos: regions, a compartment tree, resources
 * per scope, cost lines served page by page through a lazy stream, daily metrics, scripted failures
 * and call counting.
 *
 * <p><b>Data.</b> Every account connected sees the same tenancy, with the records re-stamped with
 * its own {@link AccountId} (the account ids of the records given to the builder are ignored). So
 * two accounts hold identical resource ids and cost lines: the tenant-isolation scenario. The data
 * can be changed while connected ({@link #putResource}, {@link #removeResource}, {@link
 * #removeCompartment}, {@link #setRegions}, {@link #setCostLines}) to script a resource or a
 * compartment that disappears between two syncs.
 *
 * <p><b>Paging and calls.</b> A resource listing costs one {@link Operation#LIST_RESOURCES} call
 * per page of {@link Builder#resourcePageSize} resources (at least one); a cost fetch one {@link
 * Operation#FETCH_COSTS} call per page of {@link Builder#costPageSize} lines, made only when the
 * stream reaches that page; metrics one {@link Operation#FETCH_METRICS} call per (resource,
 * metric). {@link #calls(Operation)} counts them, failed calls included.
 *
 * <p><b>Failures.</b> {@link #failScope(Scope)} makes a scope fail on its last page, every time
 * (after earlier pages were read, as a real outage would); {@link #failNext(Operation, int)} and
 * {@link #failNextCalls(int)} fail the next calls; {@link #failCostsOn(LocalDate)} fails a cost
 * stream when it reaches that day; {@link #pauseNext} holds the next call of an operation until the
 * test releases it. Failures are {@link CloudeyProviderException}s with status 500 and a request id
 * {@code fake-<n>}.
 *
 * <p>Thread-safe: the sync engine lists scopes in parallel. Holds no resources; connections need no
 * closing (closing is harmless).
 *
 * <pre>{@code
 * FakeCloudProvider fake = Fixtures.provider();
 * fake.failScope(Fixtures.BLOCK_VOLUMES);
 * Cloudey cloudey = Cloudey.builder().cloud(fake, Fixtures.credentials()).build();
 * cloudey.inventory().sync(); // the block volume scope fails, the others complete
 * assertThat(fake.calls(FakeCloudProvider.Operation.LIST_RESOURCES)).isEqualTo(...);
 * }</pre>
 */
public final class FakeCloudProvider implements CloudProvider {

  /** The provider calls the fake counts and can fail. */
  public enum Operation {
    VALIDATE,
    LIST_REGIONS,
    LIST_COMPARTMENTS,
    LIST_RESOURCES,
    FETCH_COSTS,
    FETCH_METRICS
  }

  private final String id;
  private final String displayName;
  private volatile List<String> regions;
  private volatile List<Compartment> compartments;
  private final Set<ResourceType> resourceTypes;
  private final Map<ResourceType, Set<MetricName>> metricNames;
  private final Map<MetricKey, MetricDaily> metrics;
  private final int resourcePageSize;
  private final int costPageSize;
  private final CallScript script;

  private final Map<String, Resource> resources = new ConcurrentHashMap<>();
  private volatile List<CostLine> costLines;

  private FakeCloudProvider(Builder b) {
    this.id = b.id;
    this.displayName = b.displayName;
    this.regions = List.copyOf(b.regions);
    this.compartments = List.copyOf(b.compartments);
    this.resourceTypes = Set.copyOf(b.resourceTypes);
    this.metricNames = Map.copyOf(b.metricNames);
    Map<MetricKey, MetricDaily> byKey = new LinkedHashMap<>();
    b.metrics.forEach(m -> byKey.put(new MetricKey(m.resourceId(), m.metric(), m.day()), m));
    this.metrics = Map.copyOf(byKey);
    this.resourcePageSize = b.resourcePageSize;
    this.costPageSize = b.costPageSize;
    this.script = new CallScript(b.callLatency);
    b.resources.forEach(this::putResource);
    this.costLines = List.copyOf(b.costLines);
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String id() {
    return id;
  }

  /**
   * The credentials' {@code tenancy} property, the first region and the configured display name; no
   * call is counted.
   *
   * @throws CloudeyConfigException credentials of another provider or without {@code tenancy}
   */
  @Override
  public AccountProfile describe(Credentials credentials) {
    checkProvider(credentials);
    return new AccountProfile(credentials.require("tenancy"), regions.get(0), displayName);
  }

  /**
   * Accepts credentials of this provider that carry a {@code tenancy} property.
   *
   * @throws CloudeyConfigException credentials of another provider or without {@code tenancy}
   */
  @Override
  public AccountProfile validate(Credentials credentials) {
    checkProvider(credentials);
    beforeCall(Operation.VALIDATE, "validate");
    return new AccountProfile(credentials.require("tenancy"), regions.get(0), displayName);
  }

  @Override
  public CloudConnection connect(Account account, Credentials credentials) {
    checkProvider(credentials);
    return new FakeConnection(this, account.id());
  }

  private void checkProvider(Credentials credentials) {
    if (!credentials.provider().equals(id)) {
      throw new CloudeyConfigException(
          "credentials are for provider '"
              + credentials.provider()
              + "' but this fake provider is '"
              + id
              + "': build them with provider id '"
              + id
              + "'");
    }
  }

  // ---- data, changeable between calls ----

  /** Adds or replaces a resource (by id). */
  public void putResource(Resource resource) {
    resources.put(resource.id(), resource);
  }

  /** Removes a resource, so the next listing of its scope no longer has it; false if absent. */
  public boolean removeResource(String resourceId) {
    return resources.remove(resourceId) != null;
  }

  /**
   * Replaces the subscribed regions (home region first), e.g. to script a region listing that
   * leaves one out.
   */
  public void setRegions(List<String> regions) {
    if (regions.isEmpty()) {
      throw new CloudeyConfigException("regions must not be empty: the home region comes first");
    }
    this.regions = List.copyOf(regions);
  }

  /**
   * Removes a compartment from the tree, so the next listing no longer has it (as after OCI deleted
   * it); false if absent. Its resources stay until {@link #removeResource removed}.
   */
  public synchronized boolean removeCompartment(String compartmentId) {
    List<Compartment> before = compartments;
    compartments = before.stream().filter(c -> !c.id().equals(compartmentId)).toList();
    return compartments.size() < before.size();
  }

  /** Replaces every cost line. */
  public void setCostLines(Collection<CostLine> lines) {
    this.costLines = List.copyOf(lines);
  }

  // ---- scripted failures ----

  /** Every listing of {@code scope} fails, on its last page, until {@link #clearFailures()}. */
  public void failScope(Scope scope) {
    script.failScope(scope);
  }

  /** Every cost stream covering {@code day} fails when it reaches the page holding that day. */
  public void failCostsOn(LocalDate day) {
    script.failCostsOn(day);
  }

  /** The next {@code n} calls of {@code operation} fail. */
  public void failNext(Operation operation, int n) {
    script.failNext(operation, n);
  }

  /** The next {@code n} calls of any operation fail. */
  public void failNextCalls(int n) {
    script.failNextCalls(n);
  }

  /**
   * The next call of {@code operation} waits, before it does anything, until the returned pause is
   * released: to hold a sync at a known point while a test does something else (e.g. removes the
   * account).
   */
  public Pause pauseNext(Operation operation) {
    return script.pauseNext(operation);
  }

  /** Removes every scripted failure and releases every pending pause. */
  public void clearFailures() {
    script.clear();
  }

  // ---- call counting ----

  /** Calls of one operation since creation or {@link #resetCalls()}, failed ones included. */
  public long calls(Operation operation) {
    return script.calls(operation);
  }

  /** Calls of every operation. */
  public long totalCalls() {
    return script.totalCalls();
  }

  public void resetCalls() {
    script.resetCalls();
  }

  // ---- read by FakeConnection ----

  void beforeCall(Operation operation, String what) {
    script.beforeCall(operation, what);
  }

  CloudeyProviderException failure(String what) {
    return script.failure(what);
  }

  List<String> regions() {
    return regions;
  }

  List<Compartment> compartments() {
    return compartments;
  }

  Set<ResourceType> resourceTypes() {
    return resourceTypes;
  }

  /** Current resources of a scope, ordered by id (template account ids). */
  List<Resource> resources(Scope scope) {
    return resources.values().stream()
        .filter(r -> r.scope().equals(scope))
        .sorted(java.util.Comparator.comparing(Resource::id))
        .toList();
  }

  boolean isFailing(Scope scope) {
    return script.isFailing(scope);
  }

  Set<LocalDate> failingCostDays() {
    return script.failingCostDays();
  }

  List<CostLine> costLines() {
    return costLines;
  }

  Set<MetricName> metricsFor(ResourceType type) {
    return metricNames.getOrDefault(type, Set.of());
  }

  /** The day's data, if any (template account id). */
  java.util.Optional<MetricDaily> metric(String resourceId, MetricName metric, LocalDate day) {
    return java.util.Optional.ofNullable(metrics.get(new MetricKey(resourceId, metric, day)));
  }

  int resourcePageSize() {
    return resourcePageSize;
  }

  int costPageSize() {
    return costPageSize;
  }

  private record MetricKey(String resourceId, MetricName metric, LocalDate day) {}

  /** A call held by {@link #pauseNext}: wait until it is reached, then release it. */
  public static final class Pause {
    private final Operation operation;
    private final CountDownLatch reached = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);

    Pause(Operation operation) {
      this.operation = operation;
    }

    /** Waits until the paused call is reached; false if it was not within {@code timeout}. */
    public boolean awaitReached(Duration timeout) throws InterruptedException {
      return reached.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Lets the paused call go on (or a call not reached yet pass without waiting). */
    public void release() {
      released.countDown();
    }

    /** Called by the paused call: signals it was reached, then waits for the release. */
    void holdCaller(String what) {
      reached.countDown();
      try {
        released.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CloudeyProviderException(
            "fake: interrupted while paused in " + operation + " (" + what + ")", -1, e, null);
      }
    }
  }

  @Override
  public String toString() {
    return "FakeCloudProvider[" + id + ", " + resources.size() + " resources]";
  }

  /** Builder of a {@link FakeCloudProvider}; every collection defaults to empty. */
  public static final class Builder {
    private String id = Fixtures.PROVIDER;
    private String displayName = "Fake tenancy";
    private List<String> regions = List.of(Fixtures.HOME_REGION);
    private List<Compartment> compartments = List.of();
    private Set<ResourceType> resourceTypes = Set.of(ResourceType.values());
    private final List<Resource> resources = new ArrayList<>();
    private final List<CostLine> costLines = new ArrayList<>();
    private Map<ResourceType, Set<MetricName>> metricNames = Map.of();
    private final List<MetricDaily> metrics = new ArrayList<>();
    private int resourcePageSize = 100;
    private int costPageSize = 500;
    private Duration callLatency = Duration.ZERO;

    private Builder() {}

    /** Provider id; default {@code fake}. Credentials must carry the same id. */
    public Builder id(String id) {
      this.id = require(id, "id");
      return this;
    }

    /** The suggested account name {@link #validate} returns. */
    public Builder displayName(String displayName) {
      this.displayName = require(displayName, "displayName");
      return this;
    }

    /** Subscribed regions, home region first; default {@code [us-ashburn-1]}. */
    public Builder regions(List<String> regions) {
      if (regions.isEmpty()) {
        throw new CloudeyConfigException("regions must not be empty: the home region comes first");
      }
      this.regions = List.copyOf(regions);
      return this;
    }

    public Builder compartments(List<Compartment> compartments) {
      this.compartments = List.copyOf(compartments);
      return this;
    }

    /** The types {@code resourceTypes()} reports; default all. */
    public Builder resourceTypes(Set<ResourceType> types) {
      this.resourceTypes = Set.copyOf(types);
      return this;
    }

    /** Adds resources. */
    public Builder resources(Collection<Resource> resources) {
      this.resources.addAll(resources);
      return this;
    }

    /** Adds cost lines. */
    public Builder costLines(Collection<CostLine> lines) {
      this.costLines.addAll(lines);
      return this;
    }

    /** Which metrics each resource type reports; types absent report none. */
    public Builder metricNames(Map<ResourceType, Set<MetricName>> metricNames) {
      this.metricNames = Map.copyOf(metricNames);
      return this;
    }

    /** Adds the days that have data; every other (resource, metric, day) is missing. */
    public Builder metrics(Collection<MetricDaily> metrics) {
      this.metrics.addAll(metrics);
      return this;
    }

    /** Resources per listing page; default 100. */
    public Builder resourcePageSize(int size) {
      this.resourcePageSize = positive(size, "resourcePageSize");
      return this;
    }

    /** Cost lines per page; default 500. */
    public Builder costPageSize(int size) {
      this.costPageSize = positive(size, "costPageSize");
      return this;
    }

    /** A pause before every call, to make rate-limit and parallelism effects visible. */
    public Builder callLatency(Duration latency) {
      if (latency.isNegative()) {
        throw new CloudeyConfigException("callLatency must not be negative, was " + latency);
      }
      this.callLatency = latency;
      return this;
    }

    public FakeCloudProvider build() {
      return new FakeCloudProvider(this);
    }

    private static String require(String value, String field) {
      if (value == null || value.isBlank()) {
        throw new CloudeyConfigException(field + " must not be null or blank");
      }
      return value;
    }

    private static int positive(int value, String field) {
      if (value < 1) {
        throw new CloudeyConfigException(field + " must be at least 1, was " + value);
      }
      return value;
    }
  }
}
