package app.cloudey.spi;

import app.cloudey.AccountView;
import java.time.Clock;

/**
 * What an {@link AssistantFactory} gets to build one account's assistant: a read-only view of the
 * account's data, its conversations, and Cloudey's clock.
 *
 * @param account the account's data, read-only
 * @param conversations the account's threads
 * @param clock Cloudey's clock ("today", message times)
 */
public record AssistantContext(
    AccountView account, AccountConversations conversations, Clock clock) {
  public AssistantContext {
    if (account == null || conversations == null || clock == null) {
      throw new app.cloudey.CloudeyConfigException(
          "account, conversations and clock must not be null");
    }
    if (!account.id().equals(conversations.accountId())) {
      throw new app.cloudey.CloudeyConfigException(
          "the conversations of account '"
              + conversations.accountId()
              + "' cannot serve account '"
              + account.id()
              + "'");
    }
  }
}
