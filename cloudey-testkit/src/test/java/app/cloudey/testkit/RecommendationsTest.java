package app.cloudey.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.cloudey.Cloudey;
import app.cloudey.memory.InMemoryStore;
import app.cloudey.model.AccountId;
import app.cloudey.model.DataKind;
import app.cloudey.model.Money;
import app.cloudey.model.Recommendation;
import app.cloudey.model.RecommendationRun;
import app.cloudey.model.RecommendationSummary;
import app.cloudey.model.SavingsBasis;
import app.cloudey.model.Severity;
import app.cloudey.spi.AdvisorRule;
import app.cloudey.spi.RuleContext;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The recommendations facade: stored runs, failing rules, reconciliation, summary. */
class RecommendationsTest {
  private final MutableClock clock = MutableClock.at("2026-11-10T12:00:00Z");
  private final InMemoryStore store = InMemoryStore.create(clock);
  private final AtomicBoolean secondFinding = new AtomicBoolean(true);
  private Cloudey cloudey;

  @AfterEach
  void close() {
    if (cloudey != null) {
      cloudey.close();
    }
    store.close();
  }

  private static AdvisorRule rule(String id, Function<RuleContext, List<Recommendation>> body) {
    return new AdvisorRule() {
      @Override
      public String id() {
        return id;
      }

      @Override
      public List<Recommendation> evaluate(RuleContext context) {
        return body.apply(context);
      }
    };
  }

  private static Recommendation finding(
      AccountId account, String rule, Severity severity, String resource, String usd) {
    return new Recommendation(
        Recommendation.stableId(rule, List.of(resource)),
        account,
        rule,
        severity,
        rule + " " + resource,
        "",
        List.of(resource),
        Money.of(usd, "USD"),
        SavingsBasis.BILLED_COST,
        0.9,
        null,
        List.of());
  }

  private Cloudey build(AdvisorRule... rules) {
    Cloudey.Builder builder =
        Cloudey.builder()
            .cloud(Fixtures.provider(), Fixtures.credentials())
            .store(store)
            .clock(clock);
    for (AdvisorRule r : rules) {
      builder.rule(r);
    }
    cloudey = builder.build();
    return cloudey;
  }

  @Test
  void aThrowingRuleIsReportedWhileTheOthersComplete() {
    build(
        rule(
            "broken",
            c -> {
              throw new IllegalStateException("no prices");
            }),
        rule("idle", c -> List.of(finding(c.accountId(), "idle", Severity.HIGH, "i1", "100"))));
    RecommendationRun run = cloudey.recommendations().run();
    assertThat(run.recommendations()).extracting(Recommendation::ruleId).containsExactly("idle");
    assertThat(run.failures()).hasSize(1);
    assertThat(run.failures().get(0).ruleId()).isEqualTo("broken");
    assertThat(run.failures().get(0).error()).isEqualTo("IllegalStateException: no prices");
  }

  /** {@link #store} with one sub-store method failing (the snapshot's reads run concurrently). */
  private app.cloudey.spi.CloudeyStore failing(String subStore, String method) {
    return (app.cloudey.spi.CloudeyStore)
        java.lang.reflect.Proxy.newProxyInstance(
            getClass().getClassLoader(),
            new Class<?>[] {app.cloudey.spi.CloudeyStore.class},
            (proxy, m, args) -> {
              Object target = invoke(m, store, args);
              if (!m.getName().equals(subStore)) {
                return target;
              }
              return java.lang.reflect.Proxy.newProxyInstance(
                  getClass().getClassLoader(),
                  new Class<?>[] {m.getReturnType()},
                  (p2, m2, args2) -> {
                    if (m2.getName().equals(method)) {
                      throw new app.cloudey.CloudeyStoreException(method + " failed", null);
                    }
                    return invoke(m2, target, args2);
                  });
            });
  }

  private static Object invoke(java.lang.reflect.Method m, Object target, Object[] args)
      throws Throwable {
    try {
      return m.invoke(target, args);
    } catch (java.lang.reflect.InvocationTargetException e) {
      throw e.getCause();
    }
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(ints = {1, 2, 4})
  void aFailingSnapshotReadFailsTheRunWithTheStoresException(int readConcurrency) {
    cloudey =
        Cloudey.builder()
            .cloud(Fixtures.provider(), Fixtures.credentials())
            .store(failing("metrics", "summaries"))
            .clock(clock)
            .advisorReadConcurrency(readConcurrency)
            .rule(rule("idle", c -> List.of()))
            .build();
    assertThatThrownBy(() -> cloudey.recommendations().run())
        .isInstanceOf(app.cloudey.CloudeyStoreException.class)
        .hasMessage("summaries failed");
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(ints = {1, 2, 4})
  void aFailingInsightsAggregateFailsOnlyTheRulesThatAskForIt(int readConcurrency) {
    cloudey =
        Cloudey.builder()
            .cloud(Fixtures.provider(), Fixtures.credentials())
            .store(failing("costs", "aggregate"))
            .clock(clock)
            .advisorReadConcurrency(readConcurrency)
            .rule(
                rule(
                    "trend",
                    c -> {
                      c.costs(
                          app.cloudey.model.CostQuery.of(
                                  app.cloudey.model.Period.of(
                                      c.today().withDayOfMonth(1), c.today()))
                              .groupBy(app.cloudey.model.CostDimension.SERVICE));
                      return List.of();
                    }))
            .rule(
                rule(
                    "idle", c -> List.of(finding(c.accountId(), "idle", Severity.HIGH, "i1", "1"))))
            .build();
    RecommendationRun run = cloudey.recommendations().run();
    assertThat(run.recommendations()).extracting(Recommendation::ruleId).containsExactly("idle");
    assertThat(run.failures()).hasSize(1);
    assertThat(run.failures().get(0).ruleId()).isEqualTo("trend");
    assertThat(run.failures().get(0).error()).isEqualTo("CloudeyStoreException: aggregate failed");
  }

  @Test
  void anInstanceFoundByThreeRulesCountsOnceWithTheLargestSaving() {
    // idle saves the whole 100.00, rightsizing 40.00, scheduling 65.00 of the same instance i1;
    // v1 (another resource) saves 5.25: total = 100.00 + 5.25 = 105.25, not 210.25
    build(
        rule("idle", c -> List.of(finding(c.accountId(), "idle", Severity.HIGH, "i1", "100.00"))),
        rule(
            "rightsize",
            c -> List.of(finding(c.accountId(), "rightsize", Severity.MEDIUM, "i1", "40"))),
        rule(
            "schedule",
            c -> List.of(finding(c.accountId(), "schedule", Severity.HIGH, "i1", "65"))),
        rule("volume", c -> List.of(finding(c.accountId(), "volume", Severity.LOW, "v1", "5.25"))));
    RecommendationRun run = cloudey.recommendations().run();
    assertThat(run.recommendations()).hasSize(4);
    assertThat(run.totalMonthlySavings()).containsExactly(Money.of("105.25", "USD"));
    String idle = Recommendation.stableId("idle", List.of("i1"));
    assertThat(run.supersededBy())
        .containsOnlyKeys(
            Recommendation.stableId("rightsize", List.of("i1")),
            Recommendation.stableId("schedule", List.of("i1")))
        .allSatisfy((k, v) -> assertThat(v).isEqualTo(idle));
    RecommendationSummary summary = cloudey.recommendations().summary();
    assertThat(summary.monthlySavings()).containsExactly(Money.of("105.25", "USD"));
    // the counts agree with the total: idle (HIGH) and the volume (LOW) stand; scheduling (HIGH)
    // and rightsizing (MEDIUM) of i1 are superseded, counted apart (2 + 2 = the run's 4)
    assertThat(summary.countBySeverity())
        .containsEntry(Severity.HIGH, 1)
        .containsEntry(Severity.MEDIUM, 0)
        .containsEntry(Severity.LOW, 1)
        .containsEntry(Severity.CRITICAL, 0);
    assertThat(summary.total()).isEqualTo(2);
    assertThat(summary.supersededCount()).isEqualTo(2);
  }

  @Test
  void runsAreStoredWithStableIdsAndResolvedFindingsShow() {
    build(
        rule(
            "idle",
            c ->
                secondFinding.get()
                    ? List.of(
                        finding(c.accountId(), "idle", Severity.HIGH, "i1", "10"),
                        finding(c.accountId(), "idle", Severity.HIGH, "i2", "20"))
                    : List.of(finding(c.accountId(), "idle", Severity.HIGH, "i1", "10"))));
    assertThat(cloudey.recommendations().latest()).isEmpty();
    assertThat(cloudey.recommendations().summary().generatedAt()).isNull();
    RecommendationRun first = cloudey.recommendations().run();
    long version = store.dataVersion(Cloudey.DEFAULT_ACCOUNT, DataKind.RECOMMENDATIONS);
    clock.advance(java.time.Duration.ofHours(1));
    secondFinding.set(false);
    RecommendationRun second = cloudey.recommendations().run();
    assertThat(store.dataVersion(Cloudey.DEFAULT_ACCOUNT, DataKind.RECOMMENDATIONS))
        .isGreaterThan(version);
    assertThat(second.ids()).isSubsetOf(first.ids());
    assertThat(cloudey.recommendations().history(5))
        .extracting(RecommendationRun::id)
        .containsExactly(second.id(), first.id());
    RecommendationSummary summary = cloudey.recommendations().summary();
    assertThat(summary.generatedAt()).isEqualTo(second.generatedAt());
    assertThat(summary.resolvedSinceLastRun())
        .containsExactly(Recommendation.stableId("idle", List.of("i2")));
    assertThat(summary.monthlySavings()).containsExactly(Money.of("10", "USD"));
  }

  @Test
  void aProviderContributesItsRulesAndPriceBookAndAnExplicitRuleOfTheSameIdWins() {
    app.cloudey.spi.PriceBook prices =
        new app.cloudey.spi.PriceBook() {
          @Override
          public java.util.Optional<app.cloudey.model.SkuPrice> find(String sku) {
            return java.util.Optional.empty();
          }

          @Override
          public String source() {
            return "provider prices";
          }
        };
    app.cloudey.spi.CloudProvider provider =
        new ForwardingCloudProvider(Fixtures.provider()) {
          @Override
          public List<AdvisorRule> advisorRules() {
            return List.of(
                rule(
                    "provider-rule",
                    c ->
                        List.of(
                            finding(
                                c.accountId(),
                                "provider-rule",
                                Severity.LOW,
                                c.priceBook().source(),
                                "1"))),
                rule("idle", c -> List.of(finding(c.accountId(), "idle", Severity.LOW, "p", "1"))));
          }

          @Override
          public java.util.Optional<app.cloudey.spi.PriceBook> priceBook() {
            return java.util.Optional.of(prices);
          }
        };
    cloudey =
        Cloudey.builder()
            .cloud(provider, Fixtures.credentials())
            .store(store)
            .clock(clock)
            .rule(
                rule(
                    "idle",
                    c -> List.of(finding(c.accountId(), "idle", Severity.HIGH, "mine", "2"))))
            .build();
    RecommendationRun run = cloudey.recommendations().run();
    assertThat(run.recommendations())
        .extracting(r -> r.ruleId() + "/" + r.resourceIds().get(0))
        .containsExactly("idle/mine", "provider-rule/provider prices");
  }

  /** The fixture's credentials with a "tier" setting. */
  private static app.cloudey.Credentials withTier(String tier) {
    java.util.Map<String, String> properties =
        new java.util.HashMap<>(Fixtures.credentials().properties());
    properties.put("tier", tier);
    return new app.cloudey.Credentials(
        Fixtures.PROVIDER, properties, Fixtures.credentials().secretKeys());
  }

  @Test
  void eachAccountRunsItsProvidersRulesMadeFromItsOwnSettings() {
    // the provider's "tiered" rule reports the account's "tier" setting; general rules say "any";
    // an account whose setting cannot be used ("broken") runs the general rules, and its run says
    // why in its failures
    app.cloudey.spi.CloudProvider provider =
        new ForwardingCloudProvider(Fixtures.provider()) {
          @Override
          public List<AdvisorRule> advisorRules() {
            return List.of(tiered("any"));
          }

          @Override
          public List<AdvisorRule> advisorRules(app.cloudey.Credentials credentials) {
            String tier = credentials.properties().getOrDefault("tier", "any");
            if (tier.equals("broken")) {
              throw new app.cloudey.CloudeyConfigException("tier 'broken' is not a tier");
            }
            return List.of(tiered(tier));
          }

          private AdvisorRule tiered(String tier) {
            return rule(
                "tiered", c -> List.of(finding(c.accountId(), "tiered", Severity.LOW, tier, "1")));
          }
        };
    cloudey = Cloudey.builder().cloud(provider, withTier("gold")).store(store).clock(clock).build();
    cloudey.accounts().add("b", withTier("silver"));
    cloudey.accounts().add("c", withTier("broken"));

    assertThat(cloudey.recommendations().run().recommendations())
        .extracting(r -> r.resourceIds().get(0))
        .containsExactly("gold");
    assertThat(cloudey.account("b").recommendations().run().recommendations())
        .extracting(r -> r.resourceIds().get(0))
        .containsExactly("silver");
    RecommendationRun broken = cloudey.account("c").recommendations().run();
    assertThat(broken.recommendations())
        .extracting(r -> r.resourceIds().get(0))
        .containsExactly("any");
    assertThat(broken.failures())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.ruleId()).isEqualTo("fake-account-rules");
              assertThat(f.error()).contains("general rules ran").contains("not a tier");
            });
  }
}
