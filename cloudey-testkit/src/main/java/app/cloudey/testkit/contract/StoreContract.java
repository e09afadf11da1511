package app.cloudey.testkit.contract;

import app.cloudey.model.AccountId;
import app.cloudey.model.CostRow;
import app.cloudey.model.Money;
import app.cloudey.spi.CloudeyStore;
import app.cloudey.testkit.Fixtures;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the store contracts: creates the store under test before each test, closes it after, and
 * registers fresh random accounts.
 *
 * <p>Subclass one of the concrete contracts ({@link AccountStoreContract}, {@link
 * InventoryStoreContract}, {@link CostStoreContract}, {@link MetricStoreContract}, {@link
 * SyncRunStoreContract}, {@link JobStoreContract}, {@link StoreLockContract}, {@link
 * DataVersionContract}) and implement {@link #createStore()}. The store may share its database with
 * every other test: each test works on accounts nobody else uses, and only reads global state
 * ({@code accounts().list()}) in ways other accounts cannot disturb.
 */
public abstract class StoreContract {

  private @Nullable CloudeyStore store;

  /**
   * Creates the store under test. Called before every test; the contract closes it after the test
   * (a store closes only what it created, so a shared {@code DataSource} survives).
   */
  protected abstract CloudeyStore createStore();

  @BeforeEach
  protected final void openStore() {
    store = createStore();
  }

  @AfterEach
  protected final void closeStore() {
    if (store != null) {
      store.close();
      store = null;
    }
  }

  /** The store under test. */
  protected final CloudeyStore store() {
    if (store == null) {
      throw new IllegalStateException("the store is created before each test");
    }
    return store;
  }

  /** Registers a fresh random account with {@link Fixtures#credentials()} and returns its id. */
  protected final AccountId newAccount() {
    AccountId id = Fixtures.randomAccountId();
    store().accounts().add(Fixtures.account(id), Fixtures.credentials());
    return id;
  }

  /** A cost row with a USD amount, e.g. {@code row("12.34", "COMPUTE")}. */
  protected static CostRow row(String usd, String... key) {
    return new CostRow(List.of(key), Money.of(usd, "USD"));
  }
}
