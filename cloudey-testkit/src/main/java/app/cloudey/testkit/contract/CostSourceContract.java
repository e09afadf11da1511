package app.cloudey.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.cloudey.CloudeyException;
import app.cloudey.model.AccountId;
import app.cloudey.model.CostLine;
import app.cloudey.model.Money;
import app.cloudey.model.Period;
import app.cloudey.spi.CostSource;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Contract of {@link CostSource}: every page of the period included (exact line count), one line
 * per natural key, every line inside the period and of the right account, totals per day and per
 * resource equal to the source's to the cent, and a failing fetch that <em>throws</em> a {@link
 * CloudeyException} instead of ending early.
 *
 * <p>A subclass implements the factory {@link #costSource()} and the oracle methods, answering from
 * the data it arranged. Make {@link #costPeriod()} span several pages (a small page size) so a
 * dropped page shows. For example, with the fake provider and {@link app.cloudey.testkit.Fixtures}:
 * period 2026-10-01..03, 12 lines, days 5.84 / 6.24 / 6.16 USD.
 */
public abstract class CostSourceContract {

  private @Nullable CostSource source;

  /** The source under test; called before each test. */
  protected abstract CostSource costSource();

  /** The account the source was connected for. */
  protected abstract AccountId expectedAccountId();

  /** A period whose data the subclass knows, spanning several pages. */
  protected abstract Period costPeriod();

  /** How many lines {@link #costPeriod()} holds. */
  protected abstract long expectedLineCount();

  /** The total of each day of {@link #costPeriod()} that has lines. */
  protected abstract Map<LocalDate, Money> expectedDailyTotals();

  /** The total per resource id ({@code ""} for lines without a resource) over the period. */
  protected abstract Map<String, Money> expectedResourceTotals();

  /** A period the subclass arranged to fail while it is being read. */
  protected abstract Period failingPeriod();

  @BeforeEach
  protected final void openSource() {
    source = costSource();
  }

  protected final CostSource source() {
    if (source == null) {
      throw new IllegalStateException("the source is created before each test");
    }
    return source;
  }

  private List<CostLine> fetch(Period period) {
    try (Stream<CostLine> lines = source().fetch(period)) {
      return lines.toList();
    }
  }

  private static <K> Map<K, Money> totals(List<CostLine> lines, Function<CostLine, K> key) {
    return lines.stream()
        .collect(Collectors.toMap(key, CostLine::cost, Money::plus, TreeMap<K, Money>::new));
  }

  @Test
  public void everyPageIsIncluded() {
    assertThat(fetch(costPeriod())).hasSize(Math.toIntExact(expectedLineCount()));
  }

  @Test
  public void noNaturalKeyAppearsTwice() {
    assertThat(fetch(costPeriod())).extracting(CostLine::key).doesNotHaveDuplicates();
  }

  @Test
  public void everyLineIsInsideThePeriodAndOfTheAccount() {
    Period period = costPeriod();
    assertThat(fetch(period))
        .allMatch(l -> period.contains(l.day()), "inside " + period)
        .allMatch(l -> l.accountId().equals(expectedAccountId()), "of " + expectedAccountId());
  }

  @Test
  public void dailyTotalsMatchToTheCent() {
    assertThat(totals(fetch(costPeriod()), CostLine::day))
        .isEqualTo(new TreeMap<>(expectedDailyTotals()));
  }

  @Test
  public void resourceTotalsMatchToTheCent() {
    assertThat(totals(fetch(costPeriod()), CostLine::resourceId))
        .isEqualTo(new TreeMap<>(expectedResourceTotals()));
  }

  @Test
  public void aOneDayFetchReturnsExactlyThatDay() {
    Map.Entry<LocalDate, Money> day = new TreeMap<>(expectedDailyTotals()).lastEntry();
    List<CostLine> lines = fetch(Period.day(day.getKey()));
    assertThat(lines).isNotEmpty().allMatch(l -> l.day().equals(day.getKey()));
    assertThat(totals(lines, CostLine::day)).containsExactly(day);
  }

  @Test
  public void aFailingFetchThrowsInsteadOfEndingEarly() {
    assertThatThrownBy(() -> fetch(failingPeriod())).isInstanceOf(CloudeyException.class);
  }
}
