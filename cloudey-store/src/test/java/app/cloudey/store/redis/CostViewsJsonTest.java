package app.cloudey.store.redis;

import static org.assertj.core.api.Assertions.assertThat;

import app.cloudey.Cloudey;
import app.cloudey.CloudeyAccount;
import app.cloudey.memory.InMemoryStore;
import app.cloudey.model.AccountId;
import app.cloudey.model.CostDimension;
import app.cloudey.model.CostForecast;
import app.cloudey.model.CostTrends;
import app.cloudey.model.Dashboard;
import app.cloudey.model.DetailedCosts;
import app.cloudey.model.Forecast;
import app.cloudey.model.Period;
import app.cloudey.model.TopDrivers;
import app.cloudey.spi.CacheKey;
import app.cloudey.store.redis.internal.ValueCodec;
import app.cloudey.testkit.FakeCloudProvider;
import app.cloudey.testkit.Fixtures;
import app.cloudey.testkit.MutableClock;
import app.cloudey.testkit.contract.GoldenCostData;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The cost views are JSON-friendly: a plain Jackson mapper (only the JSR-310 module for dates, no
 * custom code) writes and reads them back equal, and so does the Redis cache's codec, to the last
 * digit and scale of every amount, so a view served from Redis equals the computed one.
 */
class CostViewsJsonTest {
  private static final ObjectMapper PLAIN =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS) // ISO text, not arrays
          // model records have helpers such as Money.isZero() that a mapper sees as properties
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          // without it Jackson reads 0.00 through a double into 0.0 (Forecast keeps cents scale)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .build();

  private static final MutableClock CLOCK = MutableClock.at(GoldenCostData.NOW);
  private static Cloudey cloudey;
  private static List<Object> views;

  @BeforeAll
  static void computeTheGoldenViews() {
    FakeCloudProvider fake = GoldenCostData.provider();
    cloudey = Cloudey.builder().cloud(fake).store(InMemoryStore.create()).clock(CLOCK).build();
    AccountId id = Fixtures.randomAccountId();
    cloudey.accounts().add(id, Fixtures.credentials());
    CloudeyAccount account = cloudey.account(id);
    account.inventory().sync();
    fake.removeResource(GoldenCostData.OLD1);
    account.inventory().sync();
    account.costs().refresh(Period.of(LocalDate.of(2026, 7, 1), LocalDate.of(2026, 11, 2)));
    List<Object> onTheFirst =
        List.of(
            account.costs().dashboard(),
            account.costs().detailed(),
            account.costs().trends(CostDimension.RESOURCE, 4),
            account.costs().topDrivers(Period.month(YearMonth.of(2026, 9))),
            account.costs().forecast(Forecast.Horizon.QUARTER),
            // what queryWithOthers caches: the top rows and the rest summed (USD and EUR)
            account
                .costs()
                .queryTop(
                    app.cloudey.model.CostQuery.of(Period.month(YearMonth.of(2026, 9)))
                        .groupBy(CostDimension.RESOURCE)
                        .top(2)));
    // December 1, nothing of December billed: the month to date's null periods and change
    CLOCK.set(java.time.Instant.parse("2026-12-01T09:00:00Z"));
    Dashboard december = account.costs().dashboard();
    assertThat(december.currencies().get(1).monthToDate())
        .isEqualTo(Dashboard.MonthToDate.notBilledYet("USD"));
    views = new java.util.ArrayList<>(onTheFirst);
    views.add(december);
  }

  @AfterAll
  static void close() {
    cloudey.close();
  }

  @Test
  void aPlainJacksonMapperWritesAndReadsEveryViewBackEqual() throws Exception {
    for (Object view : views) {
      String json = PLAIN.writeValueAsString(view);
      assertThat(PLAIN.readValue(json, view.getClass())).as(json).isEqualTo(view);
    }
    String dashboard = PLAIN.writeValueAsString(views.get(0));
    // amounts as exact numbers with their currency, months and days as ISO text
    assertThat(dashboard)
        .contains("\"asOf\":\"2026-11-01\"")
        .contains("\"month\":\"2026-09\"")
        .contains("{\"amount\":708.75,\"currency\":\"USD\"")
        .contains("\"total\":708.75,");
    // before December's first billed day: nulls, not a -100 % change (the plain mapper also
    // writes Money's isZero()/isNegative() helpers; hasBilledDays() is no property)
    assertThat(PLAIN.writeValueAsString(views.get(views.size() - 1)))
        .contains("\"monthToDate\":{\"period\":null,\"cost\":{\"amount\":0,\"currency\":\"USD\"")
        .contains("\"lastMonthPeriod\":null,\"lastMonthCost\":{\"amount\":0,\"currency\":\"USD\"")
        .contains("\"change\":null},\"completeMonths\"")
        .doesNotContain("billedDays")
        .doesNotContain("-100");
  }

  @Test
  void theRedisCodecRoundTripsEveryViewExactly() {
    ValueCodec codec = new ValueCodec();
    for (Object view : views) {
      CacheKey key = new CacheKey("store-1", AccountId.of("acme"), 7, "view:" + view.getClass());
      Object decoded =
          codec
              .decode(key, codec.encode(key, view), Object.class.cast(view).getClass())
              .orElseThrow();
      assertThat(decoded).isEqualTo(view);
    }
    assertThat(views)
        .hasExactlyElementsOfTypes(
            Dashboard.class,
            DetailedCosts.class,
            CostTrends.class,
            TopDrivers.class,
            CostForecast.class,
            app.cloudey.model.TopCostRows.class,
            Dashboard.class);
  }
}
