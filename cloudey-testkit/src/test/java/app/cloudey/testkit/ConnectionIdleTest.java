package app.cloudey.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.cloudey.Cloudey;
import app.cloudey.CloudeyConfigException;
import app.cloudey.Credentials;
import app.cloudey.model.Account;
import app.cloudey.model.AccountId;
import app.cloudey.model.Compartment;
import app.cloudey.model.Resource;
import app.cloudey.model.ResourceType;
import app.cloudey.model.Scope;
import app.cloudey.model.SyncRun;
import app.cloudey.spi.CloudConnection;
import app.cloudey.spi.CostSource;
import app.cloudey.spi.InventorySource;
import app.cloudey.spi.MetricSource;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Per-account cloud connections are closed once idle for {@code connectionIdleTimeout} on the
 * Cloudey clock, reopened on next use, and never closed while a sync uses them.
 */
class ConnectionIdleTest {
  private static final Duration IDLE = Duration.ofMinutes(10);
  private static final AccountId A = AccountId.of("a");
  private static final AccountId B = AccountId.of("b");

  private final MutableClock clock = MutableClock.at("2026-11-26T06:00:00Z");
  private final TrackingProvider provider = new TrackingProvider(Fixtures.provider());
  private final Cloudey cloudey =
      Cloudey.builder().cloud(provider).clock(clock).connectionIdleTimeout(IDLE).build();

  @AfterEach
  void close() {
    cloudey.close();
  }

  @Test
  void anIdleConnectionIsClosedAndTheNextSyncReopensIt() {
    addAccounts();
    sync(A);
    clock.advance(IDLE.minusMinutes(1));
    sync(B);
    assertThat(provider.open(A)).as("idle 9 of 10 minutes").hasSize(1);

    clock.advance(Duration.ofMinutes(1));
    sync(B); // any use sweeps; A has been idle for the whole timeout now
    assertThat(provider.opened(A)).hasSize(1).allMatch(Tracked::isClosed);
    assertThat(provider.open(B)).as("B was used a minute ago").hasSize(1);

    sync(A);
    assertThat(provider.opened(A)).as("reopened on next use").hasSize(2);
    assertThat(provider.open(A)).hasSize(1);
    cloudey.account(A).metrics().sync();
    assertThat(provider.opened(A)).as("reused while fresh").hasSize(2);
  }

  @Test
  void aConnectionInUseIsNeverClosedIdle() throws Exception {
    addAccounts();
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    provider.gateNextRegions(A, entered, release);
    CompletableFuture<SyncRun> running = CompletableFuture.supplyAsync(() -> sync(A));
    try {
      assertThat(entered.await(10, TimeUnit.SECONDS)).as("A's sync started").isTrue();
      clock.advance(Duration.ofHours(1));
      sync(B); // sweeps while A's sync waits in the middle of a call
      assertThat(provider.open(A)).as("leased by the running sync").hasSize(1);
    } finally {
      release.countDown();
    }
    SyncRun run = running.get(10, TimeUnit.SECONDS);
    assertThat(run.failures()).isEmpty();
    assertThat(run.scopesCompleted()).isEqualTo(run.scopesTotal());

    clock.advance(IDLE.minusSeconds(1));
    sync(B);
    assertThat(provider.open(A)).as("idle counts from the end of the sync").hasSize(1);
    clock.advance(Duration.ofSeconds(1));
    sync(B);
    assertThat(provider.open(A)).isEmpty();
    assertThat(provider.opened(A)).hasSize(1);
  }

  @Test
  void changedCredentialsCloseTheConnectionAndTheNextSyncOpensANewOne() {
    addAccounts();
    sync(A);
    cloudey.accounts().updateCredentials(A, Fixtures.credentials());
    assertThat(provider.open(A)).isEmpty();
    sync(A);
    assertThat(provider.opened(A)).hasSize(2);
    assertThat(provider.open(A)).hasSize(1);
  }

  @Test
  void theIdleTimeoutMustBePositive() {
    assertThatThrownBy(() -> Cloudey.builder().connectionIdleTimeout(Duration.ZERO))
        .isInstanceOf(CloudeyConfigException.class)
        .hasMessageContaining("connectionIdleTimeout");
    assertThat(Cloudey.Builder.DEFAULT_CONNECTION_IDLE_TIMEOUT).isEqualTo(Duration.ofMinutes(1));
  }

  private void addAccounts() {
    cloudey.accounts().add(A, Fixtures.credentials());
    cloudey.accounts().add(B, Fixtures.credentials());
  }

  private SyncRun sync(AccountId id) {
    return cloudey.account(id).inventory().sync();
  }

  /** Records every connection it opens; can hold one account's next regions() call. */
  private static final class TrackingProvider extends ForwardingCloudProvider {
    private final List<Tracked> connections = new CopyOnWriteArrayList<>();
    private volatile AccountId gated;
    private volatile CountDownLatch entered;
    private volatile CountDownLatch release;

    TrackingProvider(FakeCloudProvider fake) {
      super(fake);
    }

    void gateNextRegions(AccountId id, CountDownLatch entered, CountDownLatch release) {
      this.entered = entered;
      this.release = release;
      this.gated = id;
    }

    List<Tracked> opened(AccountId id) {
      return connections.stream().filter(c -> c.accountId.equals(id)).toList();
    }

    List<Tracked> open(AccountId id) {
      return opened(id).stream().filter(c -> !c.isClosed()).toList();
    }

    @Override
    public CloudConnection connect(Account account, Credentials credentials) {
      Tracked tracked = new Tracked(this, account.id(), super.connect(account, credentials));
      connections.add(tracked);
      return tracked;
    }

    /** Waits at the gate if it is set for this account (once). */
    void maybeWait(AccountId id) {
      if (id.equals(gated)) {
        gated = null;
        entered.countDown();
        try {
          release.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }

  private static final class Tracked implements CloudConnection {
    private final AccountId accountId;
    private final CloudConnection real;
    private final InventorySource inventory;
    private volatile boolean closed;

    Tracked(TrackingProvider provider, AccountId accountId, CloudConnection real) {
      this.accountId = accountId;
      this.real = real;
      InventorySource source = real.inventory();
      this.inventory =
          new InventorySource() {
            @Override
            public List<String> regions() {
              provider.maybeWait(accountId);
              checkOpen();
              return source.regions();
            }

            @Override
            public List<Compartment> compartments() {
              checkOpen();
              return source.compartments();
            }

            @Override
            public Set<ResourceType> resourceTypes() {
              return source.resourceTypes();
            }

            @Override
            public Set<ResourceType> typesWithSharedLookups() {
              return source.typesWithSharedLookups();
            }

            @Override
            public List<Resource> list(Scope scope) {
              checkOpen();
              return source.list(scope);
            }
          };
    }

    boolean isClosed() {
      return closed;
    }

    /** A closed connection's clients are gone: using it fails, as with a real provider. */
    private void checkOpen() {
      if (closed) {
        throw new IllegalStateException("connection of " + accountId + " used after close");
      }
    }

    @Override
    public InventorySource inventory() {
      return inventory;
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
      closed = true;
      real.close();
    }
  }
}
