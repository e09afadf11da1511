package app.cloudey.model;

import app.cloudey.CloudeyConfigException;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Identifies one connected cloud account (for OCI: one tenancy connection) inside Cloudey. Every
 * stored row and every query is scoped by it.
 *
 * <p>1 to 64 characters from {@code [A-Za-z0-9._-]}, starting with a letter or digit, so ids are
 * safe in cache keys, URLs and log lines.
 */
public record AccountId(String value) implements Comparable<AccountId> {
  private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  public AccountId {
    Checks.notBlank(value, "accountId");
    if (!VALID.matcher(value).matches()) {
      throw new CloudeyConfigException(
          "accountId '"
              + value
              + "' is invalid: use 1-64 characters from [A-Za-z0-9._-], starting with a letter or"
              + " digit");
    }
  }

  public static AccountId of(@Nullable String value) {
    return new AccountId(Checks.notBlank(value, "accountId"));
  }

  @Override
  public int compareTo(AccountId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
