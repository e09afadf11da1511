package app.cloudey.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.cloudey.Cloudey;
import app.cloudey.CloudeyStoreException;
import app.cloudey.memory.InMemoryStore;
import app.cloudey.model.Resource;
import app.cloudey.model.ResourceFilter;
import app.cloudey.model.ResourceType;
import app.cloudey.model.SyncCount;
import app.cloudey.model.SyncRun;
import app.cloudey.spi.CloudeyStore;
import app.cloudey.spi.InventoryStore;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A deleted compartment takes its resources with it, whatever the sync that notices the deletion
 * covers: OCI only deletes empty compartments, so what the store still holds there is gone. In the
 * fixture, compartment dev holds one resource, vol1 (a block volume in eu-frankfurt-1).
 */
class DeletedCompartmentsTest {
  private final MutableClock clock = MutableClock.at("2026-11-26T10:00:00Z");
  private final FakeCloudProvider fake = Fixtures.provider();
  private final InMemoryStore store = InMemoryStore.create(clock);
  private Cloudey cloudey = build(store);

  private Cloudey build(CloudeyStore withStore) {
    return Cloudey.builder()
        .cloud(fake, Fixtures.credentials())
        .store(withStore)
        .clock(clock)
        .build();
  }

  @AfterEach
  void stop() {
    cloudey.close();
    store.close();
  }

  /** dev is deleted in the cloud, after its volume was. */
  private void deleteDev() {
    assertThat(fake.removeResource(Fixtures.VOL1)).isTrue();
    assertThat(fake.removeCompartment(Fixtures.DEV)).isTrue();
  }

  private List<String> liveVolumes() {
    return cloudey.inventory().resources(ResourceFilter.of(ResourceType.BLOCK_VOLUME)).stream()
        .map(Resource::id)
        .toList();
  }

  @Test
  void aTypeSubsetSyncThatNoticesTheDeletionDeletesTheCompartmentsResourcesOfEveryType() {
    cloudey.inventory().sync();
    deleteDev();

    SyncRun noticing = cloudey.inventory().sync(Set.of(ResourceType.INSTANCE));

    assertThat(liveVolumes()).isEmpty();
    assertThat(noticing.compartmentsDeleted()).isEqualTo(1);
    assertThat(noticing.resourcesDeletedWithCompartments()).isEqualTo(1);
    assertThat(noticing.counts())
        .contains(new SyncCount(ResourceType.BLOCK_VOLUME, Fixtures.OTHER_REGION, 0, 0, 1, 0));
    SyncRun next = cloudey.inventory().sync();
    assertThat(next.compartmentsDeleted()).isZero();
    assertThat(next.resourcesDeletedWithCompartments()).isZero();
  }

  @Test
  void aSyncWhoseRegionListingMissesTheResourcesRegionStillDeletesThem() {
    cloudey.inventory().sync();
    deleteDev();
    fake.setRegions(List.of(Fixtures.HOME_REGION));

    SyncRun run = cloudey.inventory().sync();

    assertThat(liveVolumes()).isEmpty();
    assertThat(run.resourcesDeletedWithCompartments()).isEqualTo(1);
  }

  @Test
  void aSyncThatFailsAfterNoticingTheDeletionIsCompletedByTheNextSync() {
    cloudey.inventory().sync();
    deleteDev();
    cloudey.close();
    cloudey = build(failingAfterFirstTreeReplace(store));

    assertThatThrownBy(() -> cloudey.inventory().sync()).isInstanceOf(CloudeyStoreException.class);
    assertThat(liveVolumes()).containsExactly(Fixtures.VOL1);
    SyncRun next = cloudey.inventory().sync();

    assertThat(liveVolumes()).isEmpty();
    assertThat(next.compartmentsDeleted()).isZero(); // stored as deleted by the failed run
    assertThat(next.resourcesDeletedWithCompartments()).isEqualTo(1);
  }

  /**
   * The store, whose inventory refuses every write between the first compartment tree replace (the
   * moment the deleted compartment is noticed and stored) and the next one: a sync that fails right
   * after noticing the deletion, followed by one that works.
   */
  private static CloudeyStore failingAfterFirstTreeReplace(CloudeyStore delegate) {
    AtomicInteger treeReplaces = new AtomicInteger();
    InventoryStore real = delegate.inventory();
    InventoryStore failing =
        (InventoryStore)
            Proxy.newProxyInstance(
                InventoryStore.class.getClassLoader(),
                new Class<?>[] {InventoryStore.class},
                (proxy, method, args) -> {
                  String name = method.getName();
                  boolean read =
                      name.equals("compartments")
                          || name.equals("resources")
                          || name.equals("findResource");
                  if (name.equals("replaceCompartments")) {
                    treeReplaces.incrementAndGet();
                  } else if (!read && treeReplaces.get() == 1) {
                    throw new CloudeyStoreException("test: the store refused " + name, null);
                  }
                  try {
                    return method.invoke(real, args);
                  } catch (InvocationTargetException e) {
                    throw e.getCause();
                  }
                });
    return new CloudeyStore() {
      @Override
      public app.cloudey.spi.AccountStore accounts() {
        return delegate.accounts();
      }

      @Override
      public InventoryStore inventory() {
        return failing;
      }

      @Override
      public app.cloudey.spi.CostStore costs() {
        return delegate.costs();
      }

      @Override
      public app.cloudey.spi.MetricStore metrics() {
        return delegate.metrics();
      }

      @Override
      public app.cloudey.spi.SyncRunStore syncRuns() {
        return delegate.syncRuns();
      }

      @Override
      public app.cloudey.spi.JobStore jobs() {
        return delegate.jobs();
      }

      @Override
      public AccountLock lock(app.cloudey.model.AccountId accountId, java.time.Duration timeout) {
        return delegate.lock(accountId, timeout);
      }

      @Override
      public long dataVersion(
          app.cloudey.model.AccountId accountId, app.cloudey.model.DataKind kind) {
        return delegate.dataVersion(accountId, kind);
      }

      @Override
      public String storeId() {
        return delegate.storeId();
      }

      @Override
      public void close() {}
    };
  }
}
