package app.cloudey.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import app.cloudey.Cloudey;
import app.cloudey.CloudeyAccount;
import app.cloudey.memory.InMemoryStore;
import app.cloudey.model.AccountId;
import app.cloudey.model.Change;
import app.cloudey.model.CostLine;
import app.cloudey.model.Dashboard;
import app.cloudey.model.DetailedCosts;
import app.cloudey.model.Direction;
import app.cloudey.model.Money;
import app.cloudey.model.MonthTotal;
import app.cloudey.model.Period;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The views on the calendar, on the test kit's {@link MutableClock}: UTC month boundaries, the last
 * complete month never skipped, the first day of a month, leap years, months without data and
 * accounts younger than three months. Every line costs 1.00 USD a day, so a period's cost is its
 * number of days.
 */
class CostViewsCalendarTest {
  private final List<Cloudey> opened = new ArrayList<>();

  @AfterEach
  void close() {
    opened.forEach(Cloudey::close);
  }

  /** An account billed 1.00 USD every day of {@code [from, to]} (none when from is null). */
  private CloudeyAccount account(MutableClock clock, LocalDate from, LocalDate to) {
    return account(clock, from, to, List.of());
  }

  /** 1.00 USD a day of {@code [from, to]} plus {@code extra} lines, refreshed over both. */
  private CloudeyAccount account(
      MutableClock clock, LocalDate from, LocalDate to, List<CostLine> extra) {
    List<CostLine> lines = new ArrayList<>();
    for (LocalDate d = from; d != null && !d.isAfter(to); d = d.plusDays(1)) {
      lines.add(line(d, "1.00", "USD"));
    }
    lines.addAll(extra);
    FakeCloudProvider fake =
        FakeCloudProvider.builder()
            .compartments(Fixtures.compartments(AccountId.of("x")))
            .costLines(lines)
            .build();
    Cloudey cloudey =
        Cloudey.builder().cloud(fake).store(InMemoryStore.create()).clock(clock).build();
    opened.add(cloudey);
    AccountId id = Fixtures.randomAccountId();
    cloudey.accounts().add(id, Fixtures.credentials());
    CloudeyAccount account = cloudey.account(id);
    if (from != null) {
      LocalDate start = from;
      LocalDate end = to.plusDays(1);
      for (CostLine l : extra) {
        start = l.day().isBefore(start) ? l.day() : start;
        end = l.day().isBefore(end) ? end : l.day().plusDays(1);
      }
      account.costs().refresh(Period.of(start, end));
    }
    return account;
  }

  private static CostLine line(LocalDate day, String amount, String currency) {
    return CostLine.builder()
        .accountId(AccountId.of("x"))
        .day(day)
        .service("COMPUTE")
        .cost(Money.of(amount, currency))
        .compartmentId(Fixtures.ROOT)
        .resourceId(Fixtures.WEB1)
        .build();
  }

  private static List<YearMonth> months(Dashboard d) {
    return d.currencies().get(0).completeMonths().stream().map(MonthTotal::month).toList();
  }

  @Test
  void monthBoundariesAreUtcWhateverTheClocksZone() {
    // 23:30 UTC on November 30 is already December 1 in Kiritimati (UTC+14): the views use UTC
    MutableClock clock = MutableClock.at("2026-11-30T23:30:00Z");
    CloudeyAccount account =
        account(
            (MutableClock) clock.withZone(ZoneId.of("Pacific/Kiritimati")),
            LocalDate.of(2026, 8, 1),
            LocalDate.of(2026, 11, 30));
    Dashboard d = account.costs().dashboard();
    assertThat(d.asOf()).isEqualTo(LocalDate.of(2026, 11, 30));
    assertThat(months(d))
        .containsExactly(YearMonth.of(2026, 8), YearMonth.of(2026, 9), YearMonth.of(2026, 10));
    // November 1 to 30: 30 days at 1.00
    assertThat(d.currencies().get(0).monthToDate().cost()).isEqualTo(Money.of("30", "USD"));

    clock.set(Instant.parse("2026-12-01T00:00:00Z")); // the first instant of December (UTC)
    Dashboard december = account.costs().dashboard();
    assertThat(december.asOf()).isEqualTo(LocalDate.of(2026, 12, 1));
    // November, just complete, is the newest complete month
    assertThat(months(december))
        .containsExactly(YearMonth.of(2026, 9), YearMonth.of(2026, 10), YearMonth.of(2026, 11));
    assertThat(account.costs().detailed().months())
        .containsExactly(YearMonth.of(2026, 9), YearMonth.of(2026, 10), YearMonth.of(2026, 11));
  }

  @ParameterizedTest
  @CsvSource({
    // today, the three complete months (never skipped, whatever the month lengths)
    "2026-01-31, 2025-10, 2025-11, 2025-12",
    "2026-03-01, 2025-12, 2026-01, 2026-02",
    "2026-03-31, 2025-12, 2026-01, 2026-02",
    "2026-05-31, 2026-02, 2026-03, 2026-04",
    "2026-12-31, 2026-09, 2026-10, 2026-11",
    "2027-01-01, 2026-10, 2026-11, 2026-12"
  })
  void theLastThreeCompleteMonthsAreTheCalendarMonthsBeforeToday(
      String today, String m1, String m2, String m3) {
    LocalDate day = LocalDate.parse(today);
    CloudeyAccount account =
        account(
            MutableClock.at(day.atTime(12, 0).toInstant(java.time.ZoneOffset.UTC)),
            day.minusMonths(4),
            day);
    List<YearMonth> expected =
        List.of(YearMonth.parse(m1), YearMonth.parse(m2), YearMonth.parse(m3));
    Dashboard d = account.costs().dashboard();
    assertThat(months(d)).isEqualTo(expected);
    // each month's total is its number of days
    assertThat(d.currencies().get(0).completeMonths())
        .allSatisfy(
            m ->
                assertThat(m.total())
                    .isEqualTo(Money.of(BigDecimal.valueOf(m.month().lengthOfMonth()), "USD")));
    assertThat(account.costs().detailed().months()).isEqualTo(expected);
  }

  @Test
  void theFirstDayOfAMonthIsAMonthToDateOfOneDay() {
    CloudeyAccount account =
        account(
            MutableClock.at("2026-03-01T00:00:01Z"),
            LocalDate.of(2025, 12, 1),
            LocalDate.of(2026, 3, 1));
    Dashboard.MonthToDate mtd = account.costs().dashboard().currencies().get(0).monthToDate();
    // March 1 against February 1: 1.00 each, 0.0 %
    assertThat(mtd)
        .isEqualTo(
            new Dashboard.MonthToDate(
                Period.day(LocalDate.of(2026, 3, 1)),
                Money.of("1", "USD"),
                Period.day(LocalDate.of(2026, 2, 1)),
                Money.of("1", "USD"),
                new Change(new BigDecimal("0.0"), Direction.STABLE)));
    // nothing of March is known yet: the forecast is 31 days x 1.00, none of them actual
    assertThat(account.costs().forecast().forecasts().get(0).actualToDate())
        .isEqualTo(new BigDecimal("0.00"));
    assertThat(account.costs().forecast().forecasts().get(0).total())
        .isEqualTo(new BigDecimal("31.00"));
  }

  @ParameterizedTest
  @CsvSource({
    // today (nothing of its month billed yet; billed every day of the four months before)
    "2026-03-01", // the first day, after a common February
    "2026-03-02", // the second day
    "2028-03-01", // after a leap February
    "2028-03-02",
    "2027-01-01", // across the year boundary
    "2027-01-02"
  })
  void beforeTheMonthsFirstBilledDayTheMonthToDateIsEmptyNotADrop(String today) {
    LocalDate day = LocalDate.parse(today);
    LocalDate lastBilled = day.withDayOfMonth(1).minusDays(1);
    CloudeyAccount account =
        account(
            MutableClock.at(day.atTime(8, 0).toInstant(java.time.ZoneOffset.UTC)),
            lastBilled.minusMonths(4).withDayOfMonth(1),
            lastBilled);
    Dashboard.CurrencyDashboard usd = account.costs().dashboard().currencies().get(0);
    // nothing to compare yet: no periods, 0 and 0, no change; before, the 1st against last
    // month's 1st read 0.00 against 1.00: -100 % DOWN
    assertThat(usd.monthToDate())
        .isEqualTo(
            new Dashboard.MonthToDate(
                null, Money.of("0", "USD"), null, Money.of("0", "USD"), null));
    assertThat(usd.topServices()).isEmpty();
    // last month is complete and whole: its number of days at 1.00
    YearMonth last = YearMonth.from(lastBilled);
    assertThat(usd.completeMonths().get(2).total())
        .isEqualTo(Money.of(BigDecimal.valueOf(last.lengthOfMonth()), "USD"));
  }

  @Test
  void aMonthWithoutDataInTheMiddleHasNoComparisonEither() {
    // billed to October 31; on November 15 nothing of November is stored (e.g. no refresh yet)
    CloudeyAccount account =
        account(
            MutableClock.at("2026-11-15T10:00:00Z"),
            LocalDate.of(2026, 8, 1),
            LocalDate.of(2026, 10, 31));
    Dashboard.CurrencyDashboard usd = account.costs().dashboard().currencies().get(0);
    assertThat(usd.monthToDate()).isEqualTo(Dashboard.MonthToDate.notBilledYet("USD"));
    // Aug 31, Sep 30, Oct 31 at 1.00; mean(31, 30) = 30.5: (31 - 30.5) / 30.5 = 1.64 % STABLE
    assertThat(usd.completeMonths())
        .extracting(MonthTotal::total)
        .containsExactly(Money.of("31", "USD"), Money.of("30", "USD"), Money.of("31", "USD"));
    assertThat(usd.completeMonthsChange())
        .isEqualTo(new Change(new BigDecimal("1.6"), Direction.STABLE));
  }

  @Test
  void theLatestBilledDayIsTheAccountsInEveryCurrency() {
    // USD billed every day to November 3; EUR 2.00 a day in October only. November 1-3 is billed
    // (in USD), so EUR's month to date is a real zero on those days: 0 against October 1-3's
    // 6.00, -100 % DOWN, not "nothing billed yet"
    List<CostLine> eur = new ArrayList<>();
    for (LocalDate d = LocalDate.of(2026, 10, 1);
        d.isBefore(LocalDate.of(2026, 11, 1));
        d = d.plusDays(1)) {
      // another region: the natural key has no currency
      eur.add(line(d, "2.00", "EUR").toBuilder().region("eu-frankfurt-1").build());
    }
    CloudeyAccount account =
        account(
            MutableClock.at("2026-11-04T10:00:00Z"),
            LocalDate.of(2026, 8, 1),
            LocalDate.of(2026, 11, 3),
            eur);
    Dashboard d = account.costs().dashboard();
    Dashboard.MonthToDate eurMtd = d.currencies().get(0).monthToDate();
    assertThat(d.currencies().get(0).currency()).isEqualTo("EUR");
    assertThat(eurMtd)
        .isEqualTo(
            new Dashboard.MonthToDate(
                Period.of(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 4)),
                Money.of("0", "EUR"),
                Period.of(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 4)),
                Money.of("6.00", "EUR"),
                new Change(new BigDecimal("-100.0"), Direction.DOWN)));
    // USD: November 1-3 (3.00) against October 1-3 (3.00): 0.0 % STABLE
    assertThat(d.currencies().get(1).monthToDate().change())
        .isEqualTo(new Change(new BigDecimal("0.0"), Direction.STABLE));
  }

  @ParameterizedTest
  @CsvSource({
    // today, last month's same days end (exclusive), this month's days, last month's days, change
    "2028-03-31, 2028-03-01, 31, 29, 6.9", // leap February: (31 - 29) / 29 = 6.90 %
    "2027-03-31, 2027-03-01, 31, 28, 10.7", // (31 - 28) / 28 = 10.71 %
    "2028-02-29, 2028-01-30, 29, 29, 0.0", // the leap day against January 1-29
    "2028-03-30, 2028-03-01, 30, 29, 3.4" // (30 - 29) / 29 = 3.45 %: STABLE
  })
  void sameDaysOfLastMonthInLeapAndCommonYears(
      String today, String lastEnd, int days, int lastDays, String percent) {
    LocalDate day = LocalDate.parse(today);
    CloudeyAccount account =
        account(
            MutableClock.at(day.atTime(8, 0).toInstant(java.time.ZoneOffset.UTC)),
            day.minusMonths(4).withDayOfMonth(1),
            day);
    Dashboard.CurrencyDashboard usd = account.costs().dashboard().currencies().get(0);
    assertThat(usd.monthToDate().lastMonthPeriod())
        .isEqualTo(Period.of(day.minusMonths(1).withDayOfMonth(1), LocalDate.parse(lastEnd)));
    assertThat(usd.monthToDate().cost()).isEqualTo(Money.of(BigDecimal.valueOf(days), "USD"));
    assertThat(usd.monthToDate().lastMonthCost())
        .isEqualTo(Money.of(BigDecimal.valueOf(lastDays), "USD"));
    assertThat(usd.monthToDate().change().percent()).isEqualTo(new BigDecimal(percent));
  }

  @Test
  void aLeapFebruaryIsAFullCompleteMonthAndTheForecastPeriod() {
    CloudeyAccount account =
        account(
            MutableClock.at("2028-02-29T10:00:00Z"),
            LocalDate.of(2027, 11, 1),
            LocalDate.of(2028, 2, 29));
    // Feb 1-28 known (28.00), Feb 29 forecast at the flat 1.00 run rate: 29.00
    assertThat(account.costs().forecast().forecasts().get(0).period())
        .isEqualTo(Period.month(YearMonth.of(2028, 2)));
    assertThat(account.costs().forecast().forecasts().get(0).total())
        .isEqualTo(new BigDecimal("29.00"));

    MutableClock march = MutableClock.at("2028-03-05T10:00:00Z");
    CloudeyAccount later = account(march, LocalDate.of(2027, 11, 1), LocalDate.of(2028, 3, 5));
    assertThat(later.costs().dashboard().currencies().get(0).completeMonths().get(2))
        .extracting(MonthTotal::month, MonthTotal::total)
        .containsExactly(YearMonth.of(2028, 2), Money.of("29", "USD"));
  }

  @Test
  void anAccountYoungerThanThreeMonthsShowsEmptyMonthsAsZero() {
    // billed since October 15: August and September are empty, October has 17 days
    CloudeyAccount account =
        account(
            MutableClock.at("2026-11-10T10:00:00Z"),
            LocalDate.of(2026, 10, 15),
            LocalDate.of(2026, 11, 10));
    Dashboard.CurrencyDashboard usd = account.costs().dashboard().currencies().get(0);
    assertThat(usd.completeMonths())
        .extracting(MonthTotal::total)
        .containsExactly(Money.of("0", "USD"), Money.of("0", "USD"), Money.of("17", "USD"));
    // against a mean of zero there is no percentage: the cost appeared, UP
    assertThat(usd.completeMonthsChange()).isEqualTo(new Change(null, Direction.UP));
    // November 1-10 (10.00) against October 1-10, before the first cost (0): no percentage
    assertThat(usd.monthToDate().lastMonthCost()).isEqualTo(Money.of("0", "USD"));
    assertThat(usd.monthToDate().change()).isEqualTo(new Change(null, Direction.UP));
    DetailedCosts.CurrencyDetail detail = account.costs().detailed().currencies().get(0);
    assertThat(detail.totals())
        .containsExactly(Money.of("0", "USD"), Money.of("0", "USD"), Money.of("17", "USD"));
    // 26 known days (Oct 15 - Nov 9) at 1.00: 9 known + 21 forecast days = 30.00
    assertThat(usd.forecast().total()).isEqualTo(new BigDecimal("30.00"));
  }

  @Test
  void anAccountWithoutCostsHasNoCurrencySections() {
    CloudeyAccount account = account(MutableClock.at("2026-11-10T10:00:00Z"), null, null);
    Dashboard d = account.costs().dashboard();
    assertThat(d.currencies()).isEmpty();
    assertThat(d.inventory().resources()).isZero();
    assertThat(account.costs().detailed().currencies()).isEmpty();
    assertThat(account.costs().forecast().forecasts()).isEmpty();
  }
}
