package app.cloudey;

import app.cloudey.model.Account;
import app.cloudey.model.AccountId;
import java.util.function.Function;

/**
 * A view of {@link Cloudey} scoped to one account: every read and write goes to that account only.
 * Cheap to obtain; thread-safe.
 */
public final class CloudeyAccount {
  private final Account account;
  private final Inventory inventory;
  private final Costs costs;
  private final Metrics metrics;
  private final Recommendations recommendations;
  private final Function<CloudeyAccount, Assistant> assistants;

  CloudeyAccount(
      Account account,
      Inventory inventory,
      Costs costs,
      Metrics metrics,
      Recommendations recommendations,
      Function<CloudeyAccount, Assistant> assistants) {
    this.account = account;
    this.inventory = inventory;
    this.costs = costs;
    this.metrics = metrics;
    this.recommendations = recommendations;
    this.assistants = assistants;
  }

  public AccountId id() {
    return account.id();
  }

  public Account account() {
    return account;
  }

  public Inventory inventory() {
    return inventory;
  }

  public Costs costs() {
    return costs;
  }

  public Metrics metrics() {
    return metrics;
  }

  public Recommendations recommendations() {
    return recommendations;
  }

  /**
   * The account's chat assistant: its tools read only this account, its threads are this account's.
   * Without {@code .llm(...)} on the builder, questions fail with a clear message.
   */
  public Assistant assistant() {
    return assistants.apply(this);
  }
}
