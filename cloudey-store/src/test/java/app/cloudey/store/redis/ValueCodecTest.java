package app.cloudey.store.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.cloudey.CloudeyException;
import app.cloudey.model.AccountId;
import app.cloudey.model.ClosedMonth;
import app.cloudey.model.CostDimension;
import app.cloudey.model.CostQuery;
import app.cloudey.model.CostReport;
import app.cloudey.model.CostRow;
import app.cloudey.model.Money;
import app.cloudey.model.MonthFreshness;
import app.cloudey.model.MonthStatus;
import app.cloudey.model.Period;
import app.cloudey.spi.CacheKey;
import app.cloudey.store.redis.internal.ValueCodec;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

/** JSON envelopes of cached model records, without Redis. */
class ValueCodecTest {
  private static final String STORE = "store-1";

  private final ValueCodec codec = new ValueCodec();
  private final AccountId account = AccountId.of("acme");
  private final CacheKey key = new CacheKey(STORE, account, 3, "costs:q");

  @Test
  void modelRecordsRoundTripExactly() {
    CostReport report =
        new CostReport(
            CostQuery.of(Period.month(2026, 10))
                .groupBy(CostDimension.SERVICE, CostDimension.DAY)
                .services("COMPUTE")
                .skus("B97384")
                .groupByTags("env")
                .tag("Operations.CostCenter", "42", "")
                .top(3),
            List.of(
                new CostRow(List.of("COMPUTE", "2026-10-01", "prod"), Money.of("12.3400", "USD"))),
            List.of(Money.of("-0.10", "EUR"), Money.of("12.34", "USD")),
            3,
            Instant.parse("2026-11-26T09:15:30.123456Z"),
            List.of(
                new MonthFreshness(
                    YearMonth.of(2026, 10),
                    MonthStatus.CLOSED,
                    Instant.parse("2026-11-06T02:00:00Z")),
                new MonthFreshness(YearMonth.of(2026, 11), MonthStatus.OPEN, null)));
    String json = codec.encode(key, report);
    assertThat(codec.decode(key, json, CostReport.class)).contains(report);
    // money stays exact text, never a binary float
    assertThat(json).contains("\"amount\":12.34").contains("\"currency\":\"USD\"");

    ClosedMonth closed =
        new ClosedMonth(account, YearMonth.of(2026, 10), Instant.EPOCH, 12, List.of());
    assertThat(codec.decode(key, codec.encode(key, closed), ClosedMonth.class)).contains(closed);
  }

  @Test
  void anotherTypeOrAnotherQueryMisses() {
    String json = codec.encode(key, Money.of("1", "USD"));
    assertThat(codec.decode(key, json, CostReport.class)).isEmpty();
    assertThat(codec.decode(new CacheKey(STORE, account, 3, "costs:other"), json, Money.class))
        .isEmpty();
  }

  @Test
  void aCorruptValueIsAnErrorToReport() {
    assertThatThrownBy(() -> codec.decode(key, "{not json", Money.class))
        .isInstanceOf(CloudeyException.class)
        .hasMessageContaining("corrupt");
    assertThatThrownBy(() -> codec.decode(key, "{\"x\":1}", Money.class))
        .isInstanceOf(CloudeyException.class);
  }

  @Test
  void keysHashTheQueryUnderTheStoreAccountAndVersion() {
    try (RedisCache cache = RedisCache.create("redis://127.0.0.1:1")) {
      String redisKey = cache.redisKey(key);
      // sha256("costs:q"), computed with: printf 'costs:q' | sha256sum
      assertThat(redisKey)
          .isEqualTo(
              "cloudey:v1:store-1:acme:3:2178c44a079bc39dc67c9ec6d5aaa6bc2bf423d30cd280eaef92d2517a74224b");
    }
  }
}
