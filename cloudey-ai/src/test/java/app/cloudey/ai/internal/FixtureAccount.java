package app.cloudey.ai.internal;

import app.cloudey.AccountView;
import app.cloudey.Cloudey;
import app.cloudey.model.Period;
import app.cloudey.spi.AdvisorRule;
import app.cloudey.testkit.Fixtures;
import app.cloudey.testkit.MutableClock;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The test kit's fixture tenancy synced into an in-memory Cloudey (inventory, October 2026 costs,
 * the fixture metrics), and the read-only view core hands the assistant factory.
 */
final class FixtureAccount implements AutoCloseable {
  final Cloudey cloudey;
  final AccountView view;

  private FixtureAccount(Cloudey cloudey, AccountView view) {
    this.cloudey = cloudey;
    this.view = view;
  }

  /** Synced on {@code clock}; {@code rules} give the recommendations. */
  static FixtureAccount synced(MutableClock clock, AdvisorRule... rules) {
    AtomicReference<AccountView> view = new AtomicReference<>();
    Cloudey.Builder builder =
        Cloudey.builder()
            .cloud(Fixtures.provider(), Fixtures.credentials())
            .clock(clock)
            .llm(
                context -> {
                  view.set(context.account());
                  return new app.cloudey.internal.UnavailableAssistant(
                      context.conversations(), context.clock());
                });
    for (AdvisorRule rule : rules) {
      builder.rule(rule);
    }
    Cloudey cloudey = builder.build();
    cloudey.inventory().sync();
    cloudey.costs().refresh(Period.month(2026, 10));
    cloudey.metrics().sync(Fixtures.METRIC_WINDOW);
    cloudey.assistant();
    return new FixtureAccount(cloudey, view.get());
  }

  @Override
  public void close() {
    cloudey.close();
  }
}
