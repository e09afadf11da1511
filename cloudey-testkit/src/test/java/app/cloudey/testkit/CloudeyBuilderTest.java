package app.cloudey.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.cloudey.Cloudey;
import app.cloudey.CloudeyConfigException;
import app.cloudey.CloudeyLockTimeoutException;
import app.cloudey.Credentials;
import app.cloudey.memory.InMemoryStore;
import app.cloudey.model.Account;
import app.cloudey.model.AccountId;
import app.cloudey.model.CostLine;
import app.cloudey.model.IngestResult;
import app.cloudey.model.Period;
import app.cloudey.model.ResourceFilter;
import app.cloudey.spi.CloudConfig;
import app.cloudey.spi.CloudProvider;
import app.cloudey.spi.CloudeyStore;
import app.cloudey.testkit.FakeCloudProvider.Operation;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The builder's shape: one call per part, no network I/O in build(), no silent rebinding. */
class CloudeyBuilderTest {
  private final MutableClock clock = MutableClock.at("2026-11-26T10:00:00Z");
  private final InMemoryStore store = InMemoryStore.create(clock);
  private final FakeCloudProvider fake = Fixtures.provider();

  @AfterEach
  void closeStore() {
    store.close();
  }

  @Test
  void cloudConfigIsOneCallAndBuildMakesNoProviderCall() {
    FakeConfig config = new FakeConfig(fake, Fixtures.credentials());
    try (Cloudey cloudey = Cloudey.builder().cloud(config).store(store).clock(clock).build()) {
      assertThat(fake.totalCalls()).isZero();
      Account provisional = cloudey.accounts().find(Cloudey.DEFAULT_ACCOUNT).orElseThrow();
      assertThat(provisional.homeRegion()).isEqualTo(Fixtures.HOME_REGION);

      Account validated = cloudey.validate();

      assertThat(fake.calls(Operation.VALIDATE)).isEqualTo(1);
      assertThat(validated.displayName()).isEqualTo(provisional.displayName());
      assertThat(cloudey.inventory().sync().isSuccessful()).isTrue();
    }
    assertThat(config.closed).as("Cloudey closes the provider it built").isTrue();
  }

  @Test
  void validateRecordsTheNameTheProviderReports() {
    FakeCloudProvider named = FakeCloudProvider.builder().displayName("Acme Corp").build();
    AccountId id = Cloudey.DEFAULT_ACCOUNT;
    store
        .accounts()
        .add(
            new Account(id, Fixtures.PROVIDER, "old name", "old-region-1", clock.instant()),
            Fixtures.credentials());
    try (Cloudey cloudey =
        Cloudey.builder()
            .cloud(new FakeConfig(named, Fixtures.credentials()))
            .store(store)
            .build()) {
      assertThat(cloudey.validate().displayName()).isEqualTo("Acme Corp");
      assertThat(store.accounts().find(id).orElseThrow().displayName()).isEqualTo("Acme Corp");
      assertThat(store.accounts().find(id).orElseThrow().homeRegion())
          .isEqualTo(named.describe(Fixtures.credentials()).homeRegion());
    }
  }

  @Test
  void ociRefusesAConfigurationOfAnotherCloud() {
    assertThatThrownBy(() -> Cloudey.builder().oci(new FakeConfig(fake, Fixtures.credentials())))
        .isInstanceOf(CloudeyConfigException.class)
        .hasMessageContaining("OciConfig")
        .hasMessageContaining("'fake'")
        .hasMessageContaining(".cloud(config)");
  }

  @Test
  void aSecondDefaultAccountIsRefused() {
    Cloudey.Builder builder = Cloudey.builder().cloud(new FakeConfig(fake, Fixtures.credentials()));
    assertThatThrownBy(() -> builder.cloud(fake, Fixtures.credentials()))
        .isInstanceOf(CloudeyConfigException.class)
        .hasMessageContaining("accounts().add");
  }

  @Test
  void theSameTenancyUpdatesTheCredentialsWithoutACall() {
    try (Cloudey first = build(Fixtures.credentials())) {
      first.inventory().sync();
    }
    Credentials rotated = withProperty(Fixtures.credentials(), "privateKey", "rotated-key");
    fake.resetCalls();

    try (Cloudey second = build(rotated)) {
      assertThat(fake.totalCalls()).isZero();
      assertThat(store.accounts().credentials(Cloudey.DEFAULT_ACCOUNT)).isEqualTo(rotated);
      assertThat(second.inventory().resources()).hasSize(6); // the data stayed
    }
  }

  @Test
  void anotherTenancyIsRefusedAndTheStoredAccountKeepsItsData() {
    try (Cloudey first = build(Fixtures.credentials())) {
      first.inventory().sync();
    }
    Credentials other = withProperty(Fixtures.credentials(), "tenancy", "ocid1.tenancy.oc1..other");

    assertThatThrownBy(() -> build(other))
        .isInstanceOf(CloudeyConfigException.class)
        .hasMessageContaining(Fixtures.ROOT)
        .hasMessageContaining("ocid1.tenancy.oc1..other")
        .hasMessageContaining("replaceDefaultAccount");
    assertThat(store.accounts().credentials(Cloudey.DEFAULT_ACCOUNT))
        .isEqualTo(Fixtures.credentials());
    assertThat(store.inventory().resources(Cloudey.DEFAULT_ACCOUNT, ResourceFilter.ALL)).hasSize(6);
  }

  @Test
  void replaceDefaultAccountDeletesTheOtherTenancysData() {
    try (Cloudey first = build(Fixtures.credentials())) {
      first.inventory().sync();
    }
    Credentials other = withProperty(Fixtures.credentials(), "tenancy", "ocid1.tenancy.oc1..other");

    try (Cloudey replaced =
        Cloudey.builder()
            .cloud(fake, other)
            .replaceDefaultAccount()
            .store(store)
            .clock(clock)
            .build()) {
      assertThat(store.accounts().credentials(Cloudey.DEFAULT_ACCOUNT)).isEqualTo(other);
      assertThat(replaced.inventory().resources()).isEmpty();
    }
  }

  @Test
  void accountsTakeTheSameIdTypesAsAccount() {
    try (Cloudey cloudey = Cloudey.builder().cloud(fake).store(store).clock(clock).build()) {
      cloudey.accounts().add("acme", Fixtures.credentials());
      cloudey.accounts().add("beta", new FakeConfig(fake, Fixtures.credentials()));

      assertThat(cloudey.account("acme").id()).isEqualTo(AccountId.of("acme"));
      assertThat(cloudey.accounts().find("beta")).isPresent();
      assertThat(cloudey.accounts().validate("beta").provider()).isEqualTo(Fixtures.PROVIDER);
      assertThat(cloudey.accounts().remove("beta")).isTrue();
      assertThatThrownBy(() -> cloudey.accounts().add("bad id!", Fixtures.credentials()))
          .isInstanceOf(CloudeyConfigException.class);
    }
  }

  @Test
  void relativePeriodsFollowCloudeysClock() {
    LocalDate nov1 = LocalDate.parse("2026-11-01");
    fake.setCostLines(
        List.of(
            line(LocalDate.parse("2026-10-31"), "1.00"),
            line(nov1, "2.00"),
            line(LocalDate.parse("2026-12-01"), "4.00")));
    try (Cloudey cloudey = build(Fixtures.credentials())) {
      List<IngestResult> november = cloudey.costs().refresh(Period.monthToDate());
      assertThat(november)
          .extracting(r -> r.period())
          .containsExactly(Period.of(nov1, nov1.plusDays(26)));

      clock.set(java.time.Instant.parse("2026-12-02T08:00:00Z"));
      List<IngestResult> december = cloudey.costs().refresh(Period.monthToDate());
      assertThat(december)
          .extracting(r -> r.period())
          .containsExactly(Period.parse("2026-12-01", "2026-12-03"));
    }
  }

  @Test
  void durationsMustBeWholeDaysWithinRange() {
    Cloudey.Builder builder = Cloudey.builder();
    assertThatThrownBy(() -> builder.metricLookback(Duration.ofHours(5)))
        .isInstanceOf(CloudeyConfigException.class)
        .hasMessageContaining("whole number of days");
    assertThatThrownBy(() -> builder.metricLookback(Duration.ofDays(91)))
        .hasMessageContaining("at most 90 days");
    assertThatThrownBy(() -> builder.settlingPeriod(Duration.ofDays(-1)))
        .hasMessageContaining("must not be negative");
    assertThatThrownBy(() -> builder.metricRetention(Duration.ZERO))
        .hasMessageContaining("positive");
    builder.settlingPeriod(Duration.ZERO).syncRunRetention(Duration.ofDays(30));
  }

  @Test
  void aLockTimeoutHasItsOwnType() throws Exception {
    try (Cloudey cloudey =
            Cloudey.builder()
                .cloud(fake, Fixtures.credentials())
                .store(store)
                .lockTimeout(Duration.ofMillis(50))
                .build();
        CloudeyStore.AccountLock held = holdLockInAnotherThread(Cloudey.DEFAULT_ACCOUNT)) {
      assertThatThrownBy(() -> cloudey.inventory().sync())
          .isInstanceOf(CloudeyLockTimeoutException.class)
          .hasMessageContaining("locked");
    }
  }

  private CloudeyStore.AccountLock holdLockInAnotherThread(AccountId id) throws Exception {
    java.util.concurrent.CountDownLatch taken = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    Thread holder =
        new Thread(
            () -> {
              try (CloudeyStore.AccountLock lock = store.lock(id, Duration.ofSeconds(5))) {
                taken.countDown();
                release.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    holder.start();
    assertThat(taken.await(5, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    return () -> {
      release.countDown();
      try {
        holder.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    };
  }

  private Cloudey build(Credentials credentials) {
    return Cloudey.builder().cloud(fake, credentials).store(store).clock(clock).build();
  }

  private static Credentials withProperty(Credentials credentials, String key, String value) {
    Map<String, String> properties = new HashMap<>(credentials.properties());
    properties.put(key, value);
    return new Credentials(credentials.provider(), properties, credentials.secretKeys());
  }

  private static CostLine line(LocalDate day, String amount) {
    return Fixtures.costLines(Cloudey.DEFAULT_ACCOUNT).get(0).toBuilder()
        .day(day)
        .cost(Fixtures.usd(amount))
        .build();
  }

  /** A config of the fake cloud that records whether Cloudey closed the provider it built. */
  private static final class FakeConfig implements CloudConfig {
    private final FakeCloudProvider provider;
    private final Credentials credentials;
    private final AtomicBoolean closedFlag = new AtomicBoolean();
    boolean closed;

    FakeConfig(FakeCloudProvider provider, Credentials credentials) {
      this.provider = provider;
      this.credentials = credentials;
    }

    @Override
    public String providerId() {
      return provider.id();
    }

    @Override
    public Credentials credentials() {
      return credentials;
    }

    @Override
    public CloudProvider createProvider() {
      return new ForwardingCloudProvider(provider) {
        @Override
        public void close() {
          closed = closedFlag.compareAndSet(false, true);
        }
      };
    }
  }
}
