package app.cloudey.memory;

import app.cloudey.CloudeyConfigException;
import app.cloudey.model.AccountId;
import app.cloudey.model.DataKind;
import app.cloudey.model.MetricDaily;
import app.cloudey.model.MetricName;
import app.cloudey.model.MetricQuery;
import app.cloudey.spi.MetricStore;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jspecify.annotations.Nullable;

/**
 * Daily metric aggregates keyed by (resource, metric, day), kept in that order. The {@link
 * DataKind#METRICS} version moves only when a row is added, changed or deleted.
 */
final class InMemoryMetricStore implements MetricStore, InMemoryAccountStore.AccountDataOwner {
  private static final Comparator<Key> ORDER =
      Comparator.comparing(Key::resourceId).thenComparing(Key::metric).thenComparing(Key::day);

  private final Tenants tenants;
  private final ConcurrentMap<AccountId, TreeMap<Key, MetricDaily>> metrics =
      new ConcurrentHashMap<>();

  InMemoryMetricStore(Tenants tenants) {
    this.tenants = tenants;
  }

  @Override
  public void upsert(@Nullable AccountId accountId, @Nullable Collection<MetricDaily> daily) {
    Check.notNull(accountId, "accountId");
    Check.notNull(daily, "metrics");
    List<MetricDaily> batch = List.copyOf(validate(accountId, daily));
    tenants.write(
        accountId,
        () -> {
          TreeMap<Key, MetricDaily> stored =
              metrics.computeIfAbsent(accountId, id -> new TreeMap<>(ORDER));
          boolean changed = false;
          for (MetricDaily metric : batch) {
            Key key = Key.of(metric);
            MetricDaily old = stored.get(key);
            // a later failed fetch must not erase what an earlier one found
            if (old != null && (old.equals(metric) || (metric.isMissing() && !old.isMissing()))) {
              continue;
            }
            stored.put(key, metric);
            changed = true;
          }
          if (changed) {
            tenants.changed(accountId, DataKind.METRICS);
          }
          return null;
        });
  }

  private static Collection<MetricDaily> validate(
      AccountId accountId, Collection<MetricDaily> daily) {
    for (MetricDaily metric : daily) {
      Check.notNull(metric, "metric");
      if (!metric.accountId().equals(accountId)) {
        throw new CloudeyConfigException(
            "metric "
                + metric.metric()
                + " of "
                + metric.resourceId()
                + " on "
                + metric.day()
                + " belongs to account '"
                + metric.accountId()
                + "', not '"
                + accountId
                + "'; nothing was written");
      }
    }
    return daily;
  }

  @Override
  public List<MetricDaily> daily(@Nullable AccountId accountId, @Nullable MetricQuery query) {
    Check.notNull(accountId, "accountId");
    Check.notNull(query, "query");
    return tenants.read(
        accountId,
        () -> {
          TreeMap<Key, MetricDaily> stored = metrics.get(accountId);
          return stored == null
              ? List.of()
              : stored.values().stream().filter(query::matches).toList();
        });
  }

  @Override
  public int deleteBefore(@Nullable AccountId accountId, @Nullable LocalDate cutoff) {
    Check.notNull(accountId, "accountId");
    Check.notNull(cutoff, "cutoff");
    return tenants.write(
        accountId,
        () -> {
          TreeMap<Key, MetricDaily> stored = metrics.get(accountId);
          if (stored == null) {
            return 0;
          }
          int before = stored.size();
          stored.keySet().removeIf(key -> key.day().isBefore(cutoff));
          int deleted = before - stored.size();
          if (deleted > 0) {
            tenants.changed(accountId, DataKind.METRICS);
          }
          return deleted;
        });
  }

  @Override
  public void clear(AccountId accountId) {
    metrics.remove(accountId);
  }

  private record Key(String resourceId, MetricName metric, LocalDate day) {
    static Key of(MetricDaily metric) {
      return new Key(metric.resourceId(), metric.metric(), metric.day());
    }
  }
}
