package app.cloudey.testkit.contract;

import static app.cloudey.testkit.Fixtures.usd;

import app.cloudey.model.AccountId;
import app.cloudey.model.Money;
import app.cloudey.model.Period;
import app.cloudey.spi.CostSource;
import app.cloudey.testkit.FakeCloudProvider;
import app.cloudey.testkit.Fixtures;
import java.time.LocalDate;
import java.util.Map;

/**
 * {@link FakeCloudProvider} honours the {@link CostSourceContract} on the fixture's 12 October
 * lines in pages of 5 (5 + 5 + 2), with costs arranged to fail on 2026-10-20.
 */
class FakeCostSourceTest extends CostSourceContract {
  static final AccountId ACCOUNT = AccountId.of("fake-costs");
  static final LocalDate FAILING_DAY = LocalDate.of(2026, 10, 20);

  final FakeCloudProvider fake = Fixtures.provider();

  @Override
  protected CostSource costSource() {
    fake.failCostsOn(FAILING_DAY);
    return fake.connect(Fixtures.account(ACCOUNT), Fixtures.credentials()).costs();
  }

  @Override
  protected AccountId expectedAccountId() {
    return ACCOUNT;
  }

  @Override
  protected Period costPeriod() {
    return Fixtures.COST_PERIOD;
  }

  @Override
  protected long expectedLineCount() {
    return 12;
  }

  @Override
  protected Map<LocalDate, Money> expectedDailyTotals() {
    // 3+1.14+1.70; 3+1.14+1.70+0.40; 3+1.06+1.70+0.50-0.10
    return Map.of(
        Fixtures.DAY1, usd("5.84"), Fixtures.DAY2, usd("6.24"), Fixtures.DAY3, usd("6.16"));
  }

  @Override
  protected Map<String, Money> expectedResourceTotals() {
    return Map.of(
        Fixtures.WEB1,
        usd("12.34"),
        Fixtures.BOOT1,
        usd("5.10"),
        Fixtures.VOL1,
        usd("0.50"),
        "",
        usd("0.30"));
  }

  @Override
  protected Period failingPeriod() {
    // October: the stream serves the first three days' pages, then fails on the 20th
    return Period.month(Fixtures.OCTOBER);
  }
}
