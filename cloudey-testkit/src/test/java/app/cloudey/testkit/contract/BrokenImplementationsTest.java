package app.cloudey.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import app.cloudey.CloudeyException;
import app.cloudey.memory.InMemoryStore;
import app.cloudey.model.AccountId;
import app.cloudey.model.Compartment;
import app.cloudey.model.DataKind;
import app.cloudey.model.MetricDaily;
import app.cloudey.model.MetricQuery;
import app.cloudey.model.MetricSummary;
import app.cloudey.model.Period;
import app.cloudey.model.Resource;
import app.cloudey.model.ResourceFilter;
import app.cloudey.model.Scope;
import app.cloudey.model.SyncCount;
import app.cloudey.spi.CloudeyStore;
import app.cloudey.spi.CloudeyStore.AccountLock;
import app.cloudey.spi.CostSource;
import app.cloudey.spi.CostStore;
import app.cloudey.spi.InventorySource;
import app.cloudey.spi.InventoryStore;
import app.cloudey.spi.MetricStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

/**
 * The contracts can fail: each deliberately broken implementation below is run through its contract
 * with the JUnit Platform {@link EngineTestKit}, and the tests that pin its bug must fail while the
 * rest still pass.
 *
 * <p>The broken classes are tagged {@code broken} and their names do not end in {@code Test}, so
 * Surefire never runs them directly (the pom also excludes the tag).
 */
class BrokenImplementationsTest {

  /** A cost source that loses the second page (lines 6 to 10 of 12). */
  @Tag("broken")
  static class DroppedPageCostSource extends FakeCostSourceTest {
    @Override
    protected CostSource costSource() {
      CostSource real = super.costSource();
      return (Period period) -> {
        AtomicInteger index = new AtomicInteger();
        return real.fetch(period)
            .filter(
                line -> {
                  int i = index.getAndIncrement();
                  return i < 5 || i >= 10; // page 2 of size 5 vanishes
                });
      };
    }
  }

  /** A cost store whose re-ingest appends instead of replacing. */
  @Tag("broken")
  static class DuplicatingCostStore extends CostStoreContract {
    @Override
    protected CloudeyStore createStore() {
      CostStore appending = new AppendingCostStore();
      return new ForwardingStore(InMemoryStore.create()) {
        @Override
        public CostStore costs() {
          return appending;
        }
      };
    }
  }

  /**
   * A metric store that keeps the summaries of a refreshed window and serves them for that window
   * ever after: a later upsert or retention is never seen.
   */
  @Tag("broken")
  static class NeverStaleSummariesStore extends MetricStoreContract {
    @Override
    protected CloudeyStore createStore() {
      InMemoryStore real = InMemoryStore.create();
      MetricStore keeping =
          new MetricStore() {
            private final java.util.Map<AccountId, java.util.Map.Entry<Period, List<MetricSummary>>>
                kept = new java.util.concurrent.ConcurrentHashMap<>();

            @Override
            public void upsert(AccountId accountId, java.util.Collection<MetricDaily> metrics) {
              real.metrics().upsert(accountId, metrics);
            }

            @Override
            public List<MetricDaily> daily(AccountId accountId, MetricQuery query) {
              return real.metrics().daily(accountId, query);
            }

            @Override
            public int deleteBefore(AccountId accountId, java.time.LocalDate cutoff) {
              return real.metrics().deleteBefore(accountId, cutoff);
            }

            @Override
            public List<MetricSummary> summaries(AccountId accountId, MetricQuery query) {
              var k = kept.get(accountId);
              boolean whole = query.resourceIds().isEmpty() && query.metrics().isEmpty();
              return k != null && whole && k.getKey().equals(query.period())
                  ? k.getValue() // BUG: never checks whether the data changed since
                  : real.metrics().summaries(accountId, query);
            }

            @Override
            public void refreshSummaries(AccountId accountId, Period window) {
              kept.put(
                  accountId,
                  java.util.Map.entry(
                      window, real.metrics().summaries(accountId, MetricQuery.of(window))));
            }
          };
      return new ForwardingStore(real) {
        @Override
        public MetricStore metrics() {
          return keeping;
        }
      };
    }
  }

  /** A store that never bumps the data version, so caches would serve stale results forever. */
  @Tag("broken")
  static class StaleVersionStore extends DataVersionContract {
    @Override
    protected CloudeyStore createStore() {
      return new ForwardingStore(InMemoryStore.create()) {
        @Override
        public long dataVersion(AccountId accountId, DataKind kind) {
          return 0;
        }
      };
    }
  }

  /**
   * A store whose versions read together are all the COSTS version: a cache keyed by them would
   * miss inventory and recommendation changes.
   */
  @Tag("broken")
  static class MixedUpVersionsStore extends DataVersionContract {
    @Override
    protected CloudeyStore createStore() {
      return new ForwardingStore(InMemoryStore.create()) {
        @Override
        public java.util.Map<DataKind, Long> dataVersions(
            AccountId accountId, java.util.Set<DataKind> kinds) {
          java.util.Map<DataKind, Long> versions = new java.util.EnumMap<>(DataKind.class);
          long costs = dataVersion(accountId, DataKind.COSTS);
          kinds.forEach(kind -> versions.put(kind, costs));
          return versions;
        }
      };
    }
  }

  /**
   * A store whose lock on one account releases the lock another thread holds on a different account
   * (see {@link StealingLocks}).
   */
  @Tag("broken")
  static class StealingLockStore extends StoreLockContract {
    @Override
    protected CloudeyStore createStore() {
      StealingLocks locks = new StealingLocks();
      return new ForwardingStore(InMemoryStore.create()) {
        @Override
        public AccountLock lock(AccountId accountId, Duration timeout) {
          return locks.lock(accountId, timeout);
        }
      };
    }
  }

  /**
   * An inventory source that swallows a listing failure and returns an empty list: the bug that
   * makes a sync mark every resource of a failed scope deleted.
   */
  @Tag("broken")
  static class SwallowingInventorySource extends FakeInventorySourceTest {
    @Override
    protected InventorySource inventorySource() {
      InventorySource real = super.inventorySource();
      return new InventorySource() {
        @Override
        public List<String> regions() {
          return real.regions();
        }

        @Override
        public List<app.cloudey.model.Compartment> compartments() {
          return real.compartments();
        }

        @Override
        public Set<app.cloudey.model.ResourceType> resourceTypes() {
          return real.resourceTypes();
        }

        @Override
        public List<Resource> list(Scope scope) {
          try {
            return real.list(scope);
          } catch (CloudeyException e) {
            return List.of(); // BUG: a failed listing looks like an empty scope
          }
        }
      };
    }
  }

  /** A store whose resource reads return every tenant's rows: a missing account filter. */
  @Tag("broken")
  static class LeakyInventoryStore extends InventoryStoreContract {
    @Override
    protected CloudeyStore createStore() {
      CloudeyStore real = InMemoryStore.create();
      InventoryStore leaky =
          new InventoryStore() {
            @Override
            public void replaceCompartments(
                AccountId accountId, List<Compartment> compartments, Instant seenAt) {
              real.inventory().replaceCompartments(accountId, compartments, seenAt);
            }

            @Override
            public List<Compartment> compartments(AccountId accountId) {
              return real.inventory().compartments(accountId);
            }

            @Override
            public SyncCount replaceScope(
                AccountId accountId, Scope scope, List<Resource> listed, Instant seenAt) {
              return real.inventory().replaceScope(accountId, scope, listed, seenAt);
            }

            @Override
            public List<SyncCount> deleteResourcesOfDeletedCompartments(
                AccountId accountId, Instant seenAt) {
              return real.inventory().deleteResourcesOfDeletedCompartments(accountId, seenAt);
            }

            @Override
            public List<Resource> resources(AccountId accountId, ResourceFilter filter) {
              // BUG: reads every account's rows
              return real.accounts().list().stream()
                  .flatMap(a -> real.inventory().resources(a.id(), filter).stream())
                  .toList();
            }

            @Override
            public Optional<Resource> findResource(AccountId accountId, String resourceId) {
              return real.inventory().findResource(accountId, resourceId);
            }
          };
      return new ForwardingStore(real) {
        @Override
        public InventoryStore inventory() {
          return leaky;
        }
      };
    }
  }

  private static Events run(Class<?> contract) {
    return EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(contract))
        .execute()
        .testEvents();
  }

  /** Names of the test methods that failed (a parameterised test counts once). */
  private static Set<String> failedMethods(Events events) {
    Set<String> names = new TreeSet<>();
    events.failed().stream()
        .map(Event::getTestDescriptor)
        .forEach(
            d ->
                d.getSource()
                    .filter(MethodSource.class::isInstance)
                    .map(s -> ((MethodSource) s).getMethodName())
                    .ifPresent(names::add));
    return names;
  }

  @Test
  void aSourceThatDropsAPageFailsTheCostSourceContract() {
    Events events = run(DroppedPageCostSource.class);
    // 12 lines become 7: the count and both kinds of totals are off
    assertThat(failedMethods(events))
        .containsExactlyInAnyOrder(
            "everyPageIsIncluded", "dailyTotalsMatchToTheCent", "resourceTotalsMatchToTheCent");
    assertThat(events.succeeded().count()).isEqualTo(4);
  }

  @Test
  void aStoreThatDuplicatesAReingestedDayFailsTheCostStoreContract() {
    Events events = run(DuplicatingCostStore.class);
    assertThat(events.failed().count()).isPositive();
    assertThat(failedMethods(events))
        .contains(
            "reingestingTheSameDaysLeavesTheSameSumsAndLineCount",
            "reingestingOneDayWithinALongerPeriodDoesNotDuplicateIt",
            "replacingOneDayLeavesTheOtherDays",
            "replacingDaysWithNoLinesDeletesThem");
    // the first ingest and every aggregate over it are still right
    assertThat(failedMethods(events))
        .doesNotContain(
            "aggregateByServiceGivesTheHandComputedSums", "ingestReportsTheLinesAndTheirTotal");
  }

  @Test
  void aStoreThatServesKeptSummariesAfterTheirDataChangedFailsTheMetricStoreContract() {
    Events events = run(NeverStaleSummariesStore.class);
    assertThat(failedMethods(events))
        .containsExactly("summariesReadTheSameAfterARefreshAndFollowLaterChanges");
  }

  @Test
  void aStoreWhoseVersionsReadTogetherAreMixedUpFailsTheDataVersionContract() {
    Events events = run(MixedUpVersionsStore.class);
    assertThat(failedMethods(events))
        .containsExactlyInAnyOrder("dataVersionsReadTogetherEqualEachVersion");
  }

  @Test
  void aStoreWithAStaleDataVersionFailsTheDataVersionContract() {
    Events events = run(StaleVersionStore.class);
    assertThat(failedMethods(events))
        .containsExactlyInAnyOrder(
            "everyKindOfWriteMovesTheVersionOfItsKindOnly",
            "versionsNeverRepeatAcrossKindsAccountsAndDeletes",
            "anAddedChangedDeletedOrReturningCompartmentMovesInventoryOnly",
            "aCreatedUpdatedOrDeletedResourceMovesInventoryOnly",
            "aNewOrChangedMetricRowMovesMetricsOnly",
            "metricRetentionMovesMetricsOnlyWhenItDeletesRows",
            "changedAddedOrRemovedLinesMoveCostsOnly",
            "monthCloseMovesCostsOnlyWhenTheMonthsCloseChanges",
            "dataVersionsReadTogetherEqualEachVersion");
    // one failure per kind of write, plus the eight other tests
    assertThat(events.failed().count()).isEqualTo(DataVersionContract.Write.values().length + 8);
  }

  @Test
  void aStoreWhoseLocksReleaseEachOtherFailsTheStoreLockContract() {
    Events events = run(StealingLockStore.class);
    // one account at a time, its lock behaves: only the test of two accounts can see the bug
    assertThat(failedMethods(events)).containsExactly("locksOfDifferentAccountsAreIndependent");
  }

  @Test
  void aStoreThatLeaksOtherTenantsRowsFailsTheInventoryStoreContract() {
    Events events = run(LeakyInventoryStore.class);
    assertThat(failedMethods(events))
        .contains("tenantsWithIdenticalResourceIdsNeverSeeEachOthersRows");
    // with a single account in the store nothing shows
    assertThat(failedMethods(events))
        .doesNotContain("everyResourceRoundTripsExactlyOrderedById", "aChangedResourceIsUpdated");
  }

  @Test
  void aSourceThatSwallowsAListingFailureFailsTheInventorySourceContract() {
    Events events = run(SwallowingInventorySource.class);
    assertThat(failedMethods(events))
        .containsExactly("aFailingListingThrowsInsteadOfReturningAPartialOrEmptyList");
    assertThat(events.succeeded().count()).isEqualTo(6);
  }
}
