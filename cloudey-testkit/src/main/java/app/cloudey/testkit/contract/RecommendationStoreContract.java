package app.cloudey.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.cloudey.CloudeyConfigException;
import app.cloudey.model.AccountId;
import app.cloudey.model.Action;
import app.cloudey.model.DataKind;
import app.cloudey.model.Evidence;
import app.cloudey.model.Money;
import app.cloudey.model.Recommendation;
import app.cloudey.model.RecommendationRun;
import app.cloudey.model.RecommendationSummary;
import app.cloudey.model.RuleFailure;
import app.cloudey.model.SavingsBasis;
import app.cloudey.model.Severity;
import app.cloudey.spi.RecommendationStore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Contract of {@link app.cloudey.spi.RecommendationStore}: a run is kept whole (every field of
 * every recommendation, exact money, failures and reconciliation), runs read back newest first, a
 * run id is never overwritten, saving moves only the {@link DataKind#RECOMMENDATIONS} version,
 * accounts are isolated, and deleting an account deletes its runs.
 *
 * <p>Extend it and implement {@link #createStore()}; see {@link StoreContract}.
 */
public abstract class RecommendationStoreContract extends StoreContract {
  private static final Instant T1 = Instant.parse("2026-11-01T02:00:00Z");
  private static final Instant T2 = Instant.parse("2026-11-02T02:00:00Z");
  private static final Instant T3 = Instant.parse("2026-11-03T02:00:00Z");

  private RecommendationStore runs() {
    return store().recommendations();
  }

  /** A full recommendation: evidence, actions, names, an exact amount with many decimals. */
  protected static Recommendation idle(AccountId id, String instance, String amount) {
    return new Recommendation(
        Recommendation.stableId("idle-instance", List.of(instance)),
        id,
        "idle-instance",
        Severity.HIGH,
        "Idle instance web-1",
        "P95 CPU **1.2 %** over 14 days; é \"quoted\"",
        List.of(instance),
        Money.of(amount, "EUR"),
        SavingsBasis.BILLED_COST,
        0.9,
        new Evidence(List.of("metric", "value"), List.of(List.of("cpu p95", "1.2"))),
        List.of(new Action("Stop the instance", "`oci compute instance action`")),
        Map.of(instance, "web-1"));
  }

  protected static Recommendation rightsize(AccountId id, String instance, String amount) {
    return new Recommendation(
        Recommendation.stableId("rightsize-instance", List.of(instance)),
        id,
        "rightsize-instance",
        Severity.MEDIUM,
        "Rightsize web-1",
        "",
        List.of(instance),
        Money.of(amount, "EUR"),
        SavingsBasis.LIST_PRICE,
        0.7,
        Evidence.NONE,
        List.of(),
        Map.of());
  }

  static RecommendationRun run(AccountId id, String runId, Instant at, Recommendation... recs) {
    return new RecommendationRun(runId, id, at, List.of(recs), List.of(), Map.of());
  }

  @Test
  public void aRunIsKeptWhole() {
    AccountId id = newAccount();
    Recommendation idle = idle(id, "ocid1.instance.a", "123.456789012345");
    Recommendation small = rightsize(id, "ocid1.instance.a", "10.50");
    RecommendationRun run =
        new RecommendationRun(
            "run-1",
            id,
            T1,
            List.of(idle, small),
            List.of(new RuleFailure("broken-rule", "IllegalStateException: boom")),
            Map.of(small.id(), idle.id()));
    runs().save(run);
    assertThat(runs().latest(id)).contains(run);
    RecommendationRun back = runs().latest(id).orElseThrow();
    assertThat(back.recommendations().get(0).monthlySavings().amount())
        .isEqualByComparingTo("123.456789012345");
    assertThat(back.totalMonthlySavings()).containsExactly(Money.of("123.456789012345", "EUR"));
  }

  @Test
  public void historyIsNewestFirstAndLimited() {
    AccountId id = newAccount();
    runs().save(run(id, "b", T2, idle(id, "i1", "1")));
    runs().save(run(id, "a", T1));
    runs().save(run(id, "c", T3, idle(id, "i2", "2")));
    assertThat(runs().history(id, 10))
        .extracting(RecommendationRun::id)
        .containsExactly("c", "b", "a");
    assertThat(runs().history(id, 2)).extracting(RecommendationRun::id).containsExactly("c", "b");
    assertThat(runs().history(id, 0)).isEmpty();
    assertThat(runs().latest(id).orElseThrow().id()).isEqualTo("c");
    assertThatThrownBy(() -> runs().history(id, -1)).isInstanceOf(CloudeyConfigException.class);
  }

  @Test
  public void anAccountWithoutRunsHasNone() {
    AccountId id = newAccount();
    assertThat(runs().latest(id)).isEmpty();
    assertThat(runs().history(id, 5)).isEmpty();
  }

  /**
   * The summary is the newest run's, compared with the run before it by {@code generatedAt}, also
   * when runs are saved out of that order.
   */
  @Test
  public void summaryComparesTheNewestRunWithTheRunBeforeIt() {
    AccountId id = newAccount();
    RecommendationSummary none = runs().summary(id);
    assertThat(none.generatedAt()).isNull();
    assertThat(none.total()).isZero();
    assertThat(none.resolvedSinceLastRun()).isEmpty();
    runs().save(run(id, "a", T1, idle(id, "i1", "10"), idle(id, "i2", "5")));
    runs().save(run(id, "b", T3, idle(id, "i2", "5"), rightsize(id, "i3", "2.50")));
    RecommendationSummary latest = runs().summary(id);
    assertThat(latest.generatedAt()).isEqualTo(T3);
    assertThat(latest.countBySeverity())
        .containsEntry(Severity.HIGH, 1)
        .containsEntry(Severity.MEDIUM, 1)
        .containsEntry(Severity.LOW, 0);
    // i2 5 EUR + i3 2.50 EUR, two resources
    assertThat(latest.monthlySavings()).containsExactly(Money.of("7.50", "EUR"));
    // i1 was found by run a and is not by run b
    assertThat(latest.resolvedSinceLastRun()).containsExactly(idle(id, "i1", "10").id());
    // a run older than both, saved last, changes neither the newest run nor what it is compared to
    runs().save(run(id, "c", T1.minusSeconds(3600), idle(id, "i9", "1")));
    assertThat(runs().summary(id)).isEqualTo(latest);
    // a run saved between the two is now the run before the newest: i2 and i4 resolved
    runs().save(run(id, "d", T2, idle(id, "i4", "1"), idle(id, "i1", "10")));
    RecommendationSummary between = runs().summary(id);
    List<RecommendationRun> lastTwo = runs().history(id, 2);
    assertThat(between)
        .isEqualTo(RecommendationSummary.of(id, lastTwo.get(0), lastTwo.get(1)))
        .extracting(RecommendationSummary::resolvedSinceLastRun)
        .asList()
        .containsExactlyInAnyOrder(idle(id, "i4", "1").id(), idle(id, "i1", "10").id());
  }

  @Test
  public void aRunIdIsNeverOverwritten() {
    AccountId id = newAccount();
    runs().save(run(id, "r", T1, idle(id, "i1", "1")));
    long version = store().dataVersion(id, DataKind.RECOMMENDATIONS);
    assertThatThrownBy(() -> runs().save(run(id, "r", T2)))
        .isInstanceOf(CloudeyConfigException.class)
        .hasMessageContaining("already has a recommendation run r");
    assertThat(runs().history(id, 5)).hasSize(1);
    assertThat(runs().latest(id).orElseThrow().recommendations()).hasSize(1);
    assertThat(store().dataVersion(id, DataKind.RECOMMENDATIONS)).isEqualTo(version);
  }

  @Test
  public void savingMovesOnlyTheRecommendationsVersion() {
    AccountId id = newAccount();
    assertThat(store().dataVersion(id, DataKind.RECOMMENDATIONS)).isZero();
    Map<DataKind, Long> before = versions(id);
    runs().save(run(id, "r1", T1));
    long first = store().dataVersion(id, DataKind.RECOMMENDATIONS);
    assertThat(first).isPositive();
    runs().save(run(id, "r2", T2));
    assertThat(store().dataVersion(id, DataKind.RECOMMENDATIONS)).isGreaterThan(first);
    Map<DataKind, Long> after = versions(id);
    for (DataKind kind : DataKind.values()) {
      if (kind != DataKind.RECOMMENDATIONS) {
        assertThat(after.get(kind)).as(kind.name()).isEqualTo(before.get(kind));
      }
    }
  }

  @Test
  public void accountsAreIsolatedAndDeletingAnAccountDeletesItsRuns() {
    AccountId a = newAccount();
    AccountId b = newAccount();
    runs().save(run(a, "same-id", T1, idle(a, "i1", "5")));
    runs().save(run(b, "same-id", T2));
    assertThat(runs().latest(a).orElseThrow().accountId()).isEqualTo(a);
    assertThat(runs().latest(b).orElseThrow().recommendations()).isEmpty();
    store().accounts().delete(a);
    assertThat(runs().history(a, 5)).isEmpty();
    assertThat(store().dataVersion(a, DataKind.RECOMMENDATIONS)).isZero();
    assertThat(runs().history(b, 5)).hasSize(1);
  }

  private Map<DataKind, Long> versions(AccountId id) {
    Map<DataKind, Long> versions = new java.util.EnumMap<>(DataKind.class);
    for (DataKind kind : DataKind.values()) {
      versions.put(kind, store().dataVersion(id, kind));
    }
    return versions;
  }
}
