package app.cloudey.model;

import static app.cloudey.testing.Refusals.refused;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PeriodTest {
  private static LocalDate d(String day) {
    return LocalDate.parse(day);
  }

  private static Period p(String start, String end) {
    return Period.parse(start, end);
  }

  /** 2026-11-26 10:00 UTC, the project's "today". */
  private static final Clock TODAY =
      Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC);

  @Test
  void isHalfOpen() {
    Period period = p("2026-10-01", "2026-10-03");
    assertThat(period.days()).isEqualTo(2);
    assertThat(period.contains(d("2026-09-30"))).isFalse();
    assertThat(period.contains(d("2026-10-01"))).isTrue();
    assertThat(period.contains(d("2026-10-02"))).isTrue();
    assertThat(period.contains(d("2026-10-03"))).isFalse();
    assertThat(period.dayStream()).containsExactly(d("2026-10-01"), d("2026-10-02"));
    assertThat(period).hasToString("[2026-10-01, 2026-10-03)");
    assertThat(Period.day(d("2026-10-05"))).isEqualTo(p("2026-10-05", "2026-10-06"));
    assertThat(Period.day(d("2026-10-05")).days()).isEqualTo(1);
  }

  @Test
  void refusesEmptyAndInvertedPeriods() {
    refused(
        () -> p("2026-10-03", "2026-10-01"),
        "period end (2026-10-01) must be after its start (2026-10-03)",
        "end is exclusive");
    refused(() -> p("2026-10-01", "2026-10-01"), "must be after its start");
    refused(() -> Period.of(null, d("2026-10-01")), "start must not be null");
    refused(() -> Period.of(d("2026-10-01"), null), "end must not be null");
  }

  @Test
  void parseNamesTheBadField() {
    refused(() -> Period.parse(null, "2026-10-01"), "start must not be null or blank");
    refused(() -> Period.parse("2026-10-01", " "), "end must not be null or blank");
    refused(
        () -> Period.parse("2026-13-01", "2026-10-01"),
        "start '2026-13-01' is not a valid ISO date (YYYY-MM-DD)");
    refused(() -> Period.parse("2026-02-01", "2026-02-30"), "end '2026-02-30'");
    assertThat(Period.parse(" 2026-10-01 ", "2026-10-02").days()).isEqualTo(1);
  }

  @Test
  void refusesImpossibleMonths() {
    refused(() -> Period.month(2026, 13), "month must be 1-12, was 13");
    refused(() -> Period.month(2026, 0), "month must be 1-12, was 0");
    refused(() -> Period.month("2026-13"), "month '2026-13' is not a valid YYYY-MM month");
    refused(() -> Period.month("October"), "month 'October'");
    refused(() -> Period.month(""), "month must not be null or blank");
    refused(() -> Period.month((YearMonth) null), "month must not be null");
    refused(
        () -> Period.month(1_000_000_000, 1), "year must be between 1 and 9998, was 1000000000");
    refused(() -> Period.day(null), "day must not be null");
  }

  @ParameterizedTest
  @CsvSource({
    "2024, 2, 29", // leap year
    "2026, 2, 28",
    "2000, 2, 29", // divisible by 400
    "1900, 2, 28", // divisible by 100 only
    "2026, 10, 31",
    "2026, 11, 30",
  })
  void monthsHaveTheirCalendarLength(int year, int month, long days) {
    Period period = Period.month(year, month);
    assertThat(period.days()).isEqualTo(days);
    assertThat(period.start()).isEqualTo(LocalDate.of(year, month, 1));
    assertThat(period.end()).isEqualTo(LocalDate.of(year, month, 1).plusMonths(1));
    assertThat(period.isWholeMonth()).isTrue();
    assertThat(Period.month(YearMonth.of(year, month).toString())).isEqualTo(period);
  }

  @Test
  void monthOfDecemberEndsInJanuary() {
    assertThat(Period.month(2026, 12)).isEqualTo(p("2026-12-01", "2027-01-01"));
  }

  @Test
  void isWholeMonthOnlyForExactlyOneCalendarMonth() {
    assertThat(p("2026-10-01", "2026-10-31").isWholeMonth()).isFalse();
    assertThat(p("2026-10-02", "2026-11-02").isWholeMonth()).isFalse();
    assertThat(p("2026-10-01", "2026-12-01").isWholeMonth()).isFalse();
  }

  @Test
  void splitsByMonthAcrossAYearEnd() {
    Period period = p("2025-12-15", "2026-02-10");
    // Dec 15-31 = 17 days, January = 31, Feb 1-9 = 9: 57 days
    assertThat(period.days()).isEqualTo(57);
    assertThat(period.splitByMonth())
        .containsExactly(
            p("2025-12-15", "2026-01-01"),
            p("2026-01-01", "2026-02-01"),
            p("2026-02-01", "2026-02-10"));
    assertThat(period.months())
        .containsExactly(YearMonth.of(2025, 12), YearMonth.of(2026, 1), YearMonth.of(2026, 2));
  }

  @Test
  void aPeriodEndingOnTheFirstDoesNotTouchThatMonth() {
    Period october = Period.month(2026, 10);
    assertThat(october.months()).containsExactly(YearMonth.of(2026, 10));
    assertThat(october.splitByMonth()).containsExactly(october);
    assertThat(p("2026-10-31", "2026-11-01").months()).containsExactly(YearMonth.of(2026, 10));
    assertThat(p("2026-10-31", "2026-11-02").months())
        .containsExactly(YearMonth.of(2026, 10), YearMonth.of(2026, 11));
  }

  @Test
  void splitsByDays() {
    // 16 days in pieces of 7: 7 + 7 + 2
    assertThat(p("2026-10-01", "2026-10-17").splitByDays(7))
        .containsExactly(
            p("2026-10-01", "2026-10-08"),
            p("2026-10-08", "2026-10-15"),
            p("2026-10-15", "2026-10-17"));
    assertThat(p("2026-10-01", "2026-10-15").splitByDays(7)).hasSize(2);
    assertThat(p("2026-10-01", "2026-10-03").splitByDays(31))
        .containsExactly(p("2026-10-01", "2026-10-03"));
    refused(() -> p("2026-10-01", "2026-10-03").splitByDays(0), "maxDays must be at least 1");
  }

  @Test
  void intersectsAndOverlaps() {
    Period a = p("2026-10-01", "2026-10-10");
    Period b = p("2026-10-05", "2026-10-15");
    Period adjacent = p("2026-10-10", "2026-10-20");
    assertThat(a.intersection(b)).contains(p("2026-10-05", "2026-10-10"));
    assertThat(b.intersection(a)).contains(p("2026-10-05", "2026-10-10"));
    assertThat(a.overlaps(b)).isTrue();
    // half-open: sharing the boundary day 10-10 is not an overlap
    assertThat(a.overlaps(adjacent)).isFalse();
    assertThat(a.intersection(adjacent)).isEmpty();
    assertThat(a.contains(p("2026-10-02", "2026-10-10"))).isTrue();
    assertThat(a.contains(b)).isFalse();
    assertThat(a.intersection(a)).contains(a);
  }

  @Test
  void lastMonthsIsTheCompleteMonthsPlusTheCurrentMonthToDate() {
    // the javadoc's example: on 2026-11-26, [2026-08-01, 2026-11-27)
    assertThat(Period.lastMonths(3, TODAY)).isEqualTo(p("2026-08-01", "2026-11-27"));
    assertThat(Period.lastMonths(0, TODAY)).isEqualTo(p("2026-11-01", "2026-11-27"));
    // across a year end: on 2026-01-02, 2 months back is November 2025
    Clock january = Clock.fixed(Instant.parse("2026-01-02T00:00:00Z"), ZoneOffset.UTC);
    assertThat(Period.lastMonths(2, january)).isEqualTo(p("2025-11-01", "2026-01-03"));
    refused(() -> Period.lastMonths(-1, TODAY), "n must not be negative, was -1");
  }

  @Test
  void lastDaysIsTheWholeDaysBeforeToday() {
    assertThat(Period.lastDays(14, TODAY)).isEqualTo(p("2026-11-12", "2026-11-26"));
    assertThat(Period.lastDays(1, TODAY)).isEqualTo(p("2026-11-25", "2026-11-26"));
    refused(() -> Period.lastDays(0, TODAY), "n must be at least 1, was 0");
  }

  @Test
  void todayIsTheUtcDayWhateverTheClockZone() {
    // 02:00 UTC on the 27th is still the 26th in New York; Cloudey's days are UTC
    Clock newYork =
        Clock.fixed(Instant.parse("2026-11-27T02:00:00Z"), ZoneId.of("America/New_York"));
    assertThat(Period.today(newYork)).isEqualTo(d("2026-11-27"));
    assertThat(Period.lastDays(1, newYork)).isEqualTo(p("2026-11-26", "2026-11-27"));
    refused(() -> Period.today(null), "clock must not be null");
  }
}
