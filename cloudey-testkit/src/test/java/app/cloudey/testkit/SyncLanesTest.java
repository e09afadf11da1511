package app.cloudey.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import app.cloudey.Cloudey;
import app.cloudey.Credentials;
import app.cloudey.model.Account;
import app.cloudey.model.Compartment;
import app.cloudey.model.Resource;
import app.cloudey.model.ResourceType;
import app.cloudey.model.Scope;
import app.cloudey.model.SyncRun;
import app.cloudey.spi.CloudConnection;
import app.cloudey.spi.CloudProvider;
import app.cloudey.spi.CostSource;
import app.cloudey.spi.InventorySource;
import app.cloudey.spi.MetricSource;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The sync engine's two lanes: scopes of types that wait on a shared lookup must not hold back the
 * others. Here every volume scope waits until every other scope is listed; with one scope at a time
 * per lane that only completes if the two lanes run side by side.
 */
class SyncLanesTest {
  private static final Set<ResourceType> VOLUMES =
      EnumSet.of(ResourceType.BLOCK_VOLUME, ResourceType.BOOT_VOLUME);

  @Test
  void scopesWaitingOnASharedLookupDoNotHoldBackTheOthers() {
    SyncRun run = syncWithGate(VOLUMES, 10_000);
    assertThat(run.failures()).isEmpty();
    assertThat(run.scopesCompleted()).isEqualTo(run.scopesTotal());
  }

  @Test
  void withoutTheLaneTheWaitingScopesWouldStallTheSync() {
    // the control: the same gate, but the source does not say which types wait
    SyncRun run = syncWithGate(Set.of(), 200);
    assertThat(run.failures())
        .isNotEmpty()
        .allSatisfy(f -> assertThat(f.reason()).contains("gave up waiting"));
  }

  private static SyncRun syncWithGate(Set<ResourceType> declared, long patienceMillis) {
    FakeCloudProvider fake = Fixtures.provider();
    CloudProvider gated =
        new ForwardingCloudProvider(fake) {
          @Override
          public CloudConnection connect(Account account, Credentials credentials) {
            CloudConnection real = super.connect(account, credentials);
            InventorySource source = new GatedSource(real.inventory(), declared, patienceMillis);
            return new CloudConnection() {
              @Override
              public InventorySource inventory() {
                return source;
              }

              @Override
              public CostSource costs() {
                return real.costs();
              }

              @Override
              public MetricSource metrics() {
                return real.metrics();
              }

              @Override
              public void close() {
                real.close();
              }
            };
          }
        };
    try (Cloudey cloudey =
        Cloudey.builder().cloud(gated, Fixtures.credentials()).syncConcurrency(1).build()) {
      return cloudey.inventory().sync();
    }
  }

  /** Volume scopes wait (up to the patience) until every other scope has been listed. */
  private static final class GatedSource implements InventorySource {
    private final InventorySource real;
    private final Set<ResourceType> declared;
    private final long patienceMillis;
    private volatile CountDownLatch others = new CountDownLatch(0);

    GatedSource(InventorySource real, Set<ResourceType> declared, long patienceMillis) {
      this.real = real;
      this.declared = declared;
      this.patienceMillis = patienceMillis;
    }

    @Override
    public List<String> regions() {
      return real.regions();
    }

    @Override
    public List<Compartment> compartments() {
      List<Compartment> compartments = real.compartments();
      int otherTypes =
          (int) real.resourceTypes().stream().filter(t -> !VOLUMES.contains(t)).count();
      others = new CountDownLatch(compartments.size() * regions().size() * otherTypes);
      return compartments;
    }

    @Override
    public Set<ResourceType> resourceTypes() {
      return real.resourceTypes();
    }

    @Override
    public Set<ResourceType> typesWithSharedLookups() {
      return declared;
    }

    @Override
    public List<Resource> list(Scope scope) {
      if (!VOLUMES.contains(scope.type())) {
        List<Resource> listed = real.list(scope);
        others.countDown();
        return listed;
      }
      try {
        if (!others.await(patienceMillis, TimeUnit.MILLISECONDS)) {
          throw new IllegalStateException("gave up waiting for the other scopes");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      return real.list(scope);
    }
  }
}
