package app.cloudey.store.postgres;

import app.cloudey.model.AccountId;
import app.cloudey.testkit.Fixtures;
import app.cloudey.testkit.junit.PostgresExtension;

/** PostgreSQL stores and fixture data for tests of other packages (caches end to end). */
public final class StoreFixtures {
  private StoreFixtures() {}

  /** A store over the database of the class that registered {@code pg}. */
  public static PostgresStore store(PostgresExtension pg) {
    return TestDatabase.of(pg).store();
  }

  /** A new registered account holding the fixture's October lines (18.24 USD). */
  public static AccountId accountWithOctober(PostgresStore store) {
    AccountId id = Fixtures.randomAccountId();
    store.accounts().add(Fixtures.account(id), Fixtures.credentials());
    store.costs().replaceCostLines(id, Fixtures.COST_PERIOD, Fixtures.costLines(id).stream());
    return id;
  }
}
