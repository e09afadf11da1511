package app.cloudey.testkit.contract;

import app.cloudey.model.AccountId;
import app.cloudey.model.MetricDaily;
import app.cloudey.model.MetricName;
import app.cloudey.model.Period;
import app.cloudey.model.Resource;
import app.cloudey.model.ResourceType;
import app.cloudey.spi.MetricSource;
import app.cloudey.testkit.FakeCloudProvider;
import app.cloudey.testkit.Fixtures;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@link FakeCloudProvider} honours the {@link MetricSourceContract}: the six fixture resources
 * give 18 entries, 9 with data and 9 missing.
 */
class FakeMetricSourceTest extends MetricSourceContract {
  static final AccountId ACCOUNT = AccountId.of("fake-metrics");

  final FakeCloudProvider fake = Fixtures.provider();

  @Override
  protected MetricSource metricSource() {
    return fake.connect(Fixtures.account(ACCOUNT), Fixtures.credentials()).metrics();
  }

  @Override
  protected AccountId expectedAccountId() {
    return ACCOUNT;
  }

  @Override
  protected List<Resource> metricResources() {
    return Fixtures.resources(ACCOUNT);
  }

  @Override
  protected Period metricWindow() {
    return Fixtures.METRIC_WINDOW;
  }

  @Override
  protected Map<ResourceType, Set<MetricName>> expectedMetricNames() {
    return Fixtures.metricNames();
  }

  @Override
  protected List<MetricDaily> expectedDaysWithData() {
    return Fixtures.metrics(ACCOUNT);
  }
}
