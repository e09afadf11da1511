package app.cloudey.model;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * A half-open range of UTC days, {@code [start, end)}: {@code start} is included, {@code end} is
 * not, exactly as OCI's Usage API takes it. A period holds at least one day.
 */
public record Period(LocalDate start, LocalDate end) implements PeriodSpec {

  public Period {
    Checks.notNull(start, "start");
    Checks.notNull(end, "end");
    Checks.require(
        start.isBefore(end),
        () -> "period end (" + end + ") must be after its start (" + start + "); end is exclusive");
  }

  public static Period of(LocalDate start, LocalDate endExclusive) {
    return new Period(start, endExclusive);
  }

  /** Parses {@code 2026-10-01} and {@code 2026-11-01} with messages that name the bad field. */
  public static Period parse(@Nullable String start, @Nullable String endExclusive) {
    return new Period(parseDay(start, "start"), parseDay(endExclusive, "end"));
  }

  public static Period day(LocalDate day) {
    Checks.notNull(day, "day");
    return new Period(day, day.plusDays(1));
  }

  public static Period month(YearMonth month) {
    Checks.notNull(month, "month");
    return new Period(month.atDay(1), month.plusMonths(1).atDay(1));
  }

  /** {@code month(2026, 2)}; fails with a clear message for an impossible month such as 13. */
  public static Period month(int year, int month) {
    Checks.require(month >= 1 && month <= 12, () -> "month must be 1-12, was " + month);
    Checks.require(year >= 1 && year <= 9998, () -> "year must be between 1 and 9998, was " + year);
    return month(YearMonth.of(year, month));
  }

  /** Parses {@code YYYY-MM}. */
  public static Period month(@Nullable String yearMonth) {
    Checks.notBlank(yearMonth, "month");
    try {
      return month(YearMonth.parse(yearMonth.trim()));
    } catch (java.time.format.DateTimeParseException e) {
      throw new app.cloudey.CloudeyConfigException(
          "month '" + yearMonth + "' is not a valid YYYY-MM month", e);
    }
  }

  /**
   * The last {@code n} complete months before today plus the current month to date, e.g. on
   * 2026-11-26 {@code lastMonths(3, clock)} is {@code [2026-08-01, 2026-11-27)}.
   */
  public static Period lastMonths(int n, Clock clock) {
    Checks.require(n >= 0, () -> "n must not be negative, was " + n);
    LocalDate today = today(clock);
    return new Period(YearMonth.from(today).minusMonths(n).atDay(1), today.plusDays(1));
  }

  /**
   * The last {@code n} complete months plus the current month to date, resolved on Cloudey's clock
   * when a facade method runs: {@code cloudey.costs().refresh(Period.lastMonths(3))}.
   */
  public static RelativePeriod lastMonths(int n) {
    return new RelativePeriod(RelativePeriod.Unit.MONTHS, n);
  }

  /** The last {@code n} whole days before today, resolved on Cloudey's clock. */
  public static RelativePeriod lastDays(int n) {
    return new RelativePeriod(RelativePeriod.Unit.DAYS, n);
  }

  /** The current month from its first day to today included, resolved on Cloudey's clock. */
  public static RelativePeriod monthToDate() {
    return lastMonths(0);
  }

  /** This period: a fixed period does not depend on the clock. */
  @Override
  public Period resolve(Clock clock) {
    return this;
  }

  /** The last {@code n} whole days before today, e.g. the metric look-back window. */
  public static Period lastDays(int n, Clock clock) {
    Checks.require(n >= 1, () -> "n must be at least 1, was " + n);
    LocalDate today = today(clock);
    return new Period(today.minusDays(n), today);
  }

  /** The current UTC day by the given clock. */
  public static LocalDate today(Clock clock) {
    return LocalDate.ofInstant(Checks.notNull(clock, "clock").instant(), ZoneOffset.UTC);
  }

  public long days() {
    return ChronoUnit.DAYS.between(start, end);
  }

  public boolean contains(LocalDate day) {
    return !day.isBefore(start) && day.isBefore(end);
  }

  public boolean contains(Period other) {
    return !other.start.isBefore(start) && !other.end.isAfter(end);
  }

  public boolean overlaps(Period other) {
    return start.isBefore(other.end) && other.start.isBefore(end);
  }

  public Optional<Period> intersection(Period other) {
    LocalDate s = start.isAfter(other.start) ? start : other.start;
    LocalDate e = end.isBefore(other.end) ? end : other.end;
    return s.isBefore(e) ? Optional.of(new Period(s, e)) : Optional.empty();
  }

  /** Every day in the period, in order. */
  public Stream<LocalDate> dayStream() {
    return start.datesUntil(end);
  }

  /** The months the period touches, in order. */
  public List<YearMonth> months() {
    List<YearMonth> months = new ArrayList<>();
    for (YearMonth m = YearMonth.from(start);
        !m.atDay(1).isAfter(end.minusDays(1));
        m = m.plusMonths(1)) {
      months.add(m);
    }
    return months;
  }

  /** Splits at month boundaries: each piece lies within one calendar month. */
  public List<Period> splitByMonth() {
    List<Period> pieces = new ArrayList<>();
    for (YearMonth m : months()) {
      intersection(month(m)).ifPresent(pieces::add);
    }
    return pieces;
  }

  /** Splits into consecutive pieces of at most {@code maxDays} days. */
  public List<Period> splitByDays(int maxDays) {
    Checks.require(maxDays >= 1, () -> "maxDays must be at least 1, was " + maxDays);
    List<Period> pieces = new ArrayList<>();
    for (LocalDate s = start; s.isBefore(end); s = s.plusDays(maxDays)) {
      LocalDate e = s.plusDays(maxDays);
      pieces.add(new Period(s, e.isAfter(end) ? end : e));
    }
    return pieces;
  }

  /** True when the period is exactly one calendar month. */
  public boolean isWholeMonth() {
    return start.getDayOfMonth() == 1 && end.equals(start.plusMonths(1));
  }

  private static LocalDate parseDay(@Nullable String text, String field) {
    Checks.notBlank(text, field);
    try {
      return LocalDate.parse(text.trim());
    } catch (java.time.format.DateTimeParseException e) {
      throw new app.cloudey.CloudeyConfigException(
          field + " '" + text + "' is not a valid ISO date (YYYY-MM-DD)", e);
    }
  }

  @Override
  public String toString() {
    return "[" + start + ", " + end + ")";
  }
}
