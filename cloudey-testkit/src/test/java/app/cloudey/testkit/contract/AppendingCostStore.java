package app.cloudey.testkit.contract;

import app.cloudey.CloudeyConfigException;
import app.cloudey.model.AccountId;
import app.cloudey.model.ClosedMonth;
import app.cloudey.model.CostDimension;
import app.cloudey.model.CostLine;
import app.cloudey.model.CostQuery;
import app.cloudey.model.CostRow;
import app.cloudey.model.IngestResult;
import app.cloudey.model.Money;
import app.cloudey.model.MonthFreshness;
import app.cloudey.model.Period;
import app.cloudey.spi.CostStore;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * A deliberately broken {@link CostStore}: re-ingesting days <em>appends</em> the new lines instead
 * of replacing the old ones, so every refresh of a day duplicates it. Everything else is done
 * right, to show that the contract pins down this one bug.
 */
final class AppendingCostStore implements CostStore {
  private final List<CostLine> lines = new ArrayList<>();
  private final Map<AccountId, Instant> lastIngest = new ConcurrentHashMap<>();
  private final Map<String, ClosedMonth> closed = new ConcurrentHashMap<>();

  @Override
  public synchronized IngestResult replaceCostLines(
      AccountId accountId, Period days, Stream<CostLine> incoming) {
    List<CostLine> batch = incoming.toList();
    for (CostLine line : batch) {
      if (!line.accountId().equals(accountId) || !days.contains(line.day())) {
        throw new CloudeyConfigException("line " + line.key() + " is not in " + days);
      }
    }
    lines.addAll(batch); // BUG: the days' old lines should have been removed first
    lastIngest.put(accountId, Instant.now());
    return new IngestResult(accountId, days, batch.size(), totals(batch));
  }

  @Override
  public synchronized List<CostRow> aggregate(AccountId accountId, CostQuery query) {
    return group(
        lines.stream().filter(l -> l.accountId().equals(accountId) && query.matches(l)).toList(),
        query.groupBy(),
        query.limit());
  }

  @Override
  public synchronized Stream<CostLine> lines(AccountId accountId, Period period) {
    return lines.stream()
        .filter(l -> l.accountId().equals(accountId) && period.contains(l.day()))
        .sorted(Comparator.comparing(CostLine::day))
        .toList()
        .stream();
  }

  @Override
  public Optional<Instant> lastIngestAt(AccountId accountId) {
    return Optional.ofNullable(lastIngest.get(accountId));
  }

  @Override
  public synchronized ClosedMonth closeMonth(
      AccountId accountId, YearMonth month, Instant closedAt) {
    List<CostLine> ofMonth = lines(accountId, Period.month(month)).toList();
    ClosedMonth close =
        new ClosedMonth(accountId, month, closedAt, ofMonth.size(), totals(ofMonth));
    closed.put(accountId + "/" + month, close);
    return close;
  }

  @Override
  public Optional<ClosedMonth> findClosedMonth(AccountId accountId, YearMonth month) {
    return Optional.ofNullable(closed.get(accountId + "/" + month));
  }

  @Override
  public synchronized List<CostRow> rollups(
      AccountId accountId, YearMonth month, CostDimension dimension) {
    if (findClosedMonth(accountId, month).isEmpty()) {
      return List.of();
    }
    return group(lines(accountId, Period.month(month)).toList(), List.of(dimension), 0);
  }

  @Override
  public List<MonthFreshness> freshness(AccountId accountId, Period period, YearMonth current) {
    return period.months().stream()
        .map(
            m ->
                new MonthFreshness(
                    m,
                    MonthFreshness.statusOf(m, findClosedMonth(accountId, m).isPresent(), current),
                    lastIngest.get(accountId)))
        .toList();
  }

  private static List<Money> totals(List<CostLine> lines) {
    Map<java.util.Currency, Money> sums = new LinkedHashMap<>();
    lines.forEach(l -> sums.merge(l.cost().currency(), l.cost(), Money::plus));
    return List.copyOf(sums.values());
  }

  private static List<CostRow> group(List<CostLine> lines, List<CostDimension> by, int limit) {
    Map<List<String>, Money> sums = new LinkedHashMap<>();
    for (CostLine line : lines) {
      List<String> key = by.stream().map(d -> d.valueOf(line)).toList();
      sums.merge(key, line.cost(), Money::plus);
    }
    Comparator<CostRow> byCost = Comparator.comparing(r -> r.cost().amount());
    Comparator<CostRow> byKey = Comparator.comparing(r -> String.join("\u0000", r.key()));
    List<CostRow> rows = new ArrayList<>();
    sums.forEach((key, cost) -> rows.add(new CostRow(key, cost)));
    rows.sort(byCost.reversed().thenComparing(byKey));
    return limit > 0 && rows.size() > limit ? rows.subList(0, limit) : rows;
  }
}
