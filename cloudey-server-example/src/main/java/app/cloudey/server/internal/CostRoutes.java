package app.cloudey.server.internal;

import app.cloudey.CloudeyAccount;
import app.cloudey.model.Compartment;
import app.cloudey.model.CostDimension;
import app.cloudey.model.CostQuery;
import app.cloudey.model.CostReport;
import app.cloudey.model.Money;
import app.cloudey.model.MonthFreshness;
import app.cloudey.model.MonthStatus;
import app.cloudey.model.Period;
import app.cloudey.model.Resource;
import app.cloudey.server.internal.Api.Access;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** {@code GET /costs/{user_id}} (any slice) and {@code GET /costs/rollover/{user_id}}. */
public final class CostRoutes {
  static final int MAX_TOP = 1000;
  static final int ROLLOVER_MONTHS = 12;

  private CostRoutes() {}

  record PeriodView(LocalDate start, LocalDate end) {}

  record Row(List<String> key, String name, Money cost) {}

  record CostsView(
      PeriodView period,
      List<String> groupBy,
      @Nullable String total,
      @Nullable String currency,
      List<Money> totals,
      List<Row> rows,
      long dataVersion) {}

  record MonthView(
      String month, String status, @Nullable Instant lastRefreshedAt, boolean dueForClose) {}

  public static void register(Api api, Services s) {
    api.tag("costs");
    api.get(
        "/costs/{user_id}",
        Access.OWNER,
        "Costs of a period (?month=YYYY-MM, or from=YYYY-MM-DD&to=YYYY-MM-DD with to exclusive;"
            + " default this month) grouped by ?group_by=service,compartment,resource,sku,region,day,month,"
            + " ?top=N rows",
        200,
        (ctx, user) -> {
          CloudeyAccount account = s.account(user);
          Clock clock = s.cloudey().schedules().clock();
          Period period = period(ctx, clock);
          List<CostDimension> groupBy = groupBy(ctx.queryParam("group_by"));
          CostQuery query = CostQuery.of(period).groupBy(groupBy.toArray(CostDimension[]::new));
          int top = Params.intIn(ctx, "top", 0, 0, MAX_TOP);
          if (top > 0) {
            query = query.top(top);
          }
          CostReport report = account.costs().query(query);
          ctx.json(view(account, report, groupBy));
        });
    api.get(
        "/costs/rollover/{user_id}",
        Access.OWNER,
        "The last 12 months and this one, newest first, with their status (OPEN, SETTLING,"
            + " CLOSED), last cost refresh and whether they are due for close",
        200,
        (ctx, user) -> {
          CloudeyAccount account = s.account(user);
          YearMonth current = YearMonth.now(s.cloudey().schedules().clock());
          Period months =
              Period.of(
                  current.minusMonths(ROLLOVER_MONTHS).atDay(1), current.plusMonths(1).atDay(1));
          List<MonthView> views = new ArrayList<>();
          for (MonthFreshness f : account.costs().freshness(months)) {
            // a month never refreshed has nothing to close; only a SETTLING month can be due,
            // so the others cost no second status read
            boolean due =
                f.lastRefreshedAt() != null
                    && f.status() == MonthStatus.SETTLING
                    && account.costs().isDueForClose(f.month());
            views.add(
                new MonthView(f.month().toString(), f.status().name(), f.lastRefreshedAt(), due));
          }
          views.sort(Comparator.comparing(MonthView::month).reversed());
          ctx.json(Map.of("months", views));
        });
  }

  static Period period(Context ctx, Clock clock) {
    YearMonth month = Params.optionalMonth(ctx, "month");
    LocalDate from = Params.optionalDate(ctx, "from");
    LocalDate to = Params.optionalDate(ctx, "to");
    if (month != null && (from != null || to != null)) {
      throw ApiException.badRequest("invalid_period", "give month, or from and to, not both");
    }
    if (month != null) {
      return Period.month(month);
    }
    if (from != null || to != null) {
      if (from == null || to == null) {
        throw ApiException.badRequest("invalid_period", "from and to go together");
      }
      if (!from.isBefore(to)) {
        throw ApiException.badRequest("invalid_period", "from must be before to (to is exclusive)");
      }
      if (from.plusDays(800).isBefore(to)) {
        throw ApiException.badRequest("invalid_period", "a period is at most 800 days");
      }
      return Period.of(from, to);
    }
    return Period.month(YearMonth.now(clock));
  }

  static List<CostDimension> groupBy(@Nullable String raw) {
    List<CostDimension> dims = new ArrayList<>();
    if (raw == null || raw.isBlank()) {
      return dims;
    }
    for (String part : raw.split(",")) {
      CostDimension d = dimension(part.strip());
      if (dims.contains(d)) {
        throw ApiException.badRequest("invalid_group_by", "group_by repeats " + part.strip());
      }
      dims.add(d);
    }
    return dims;
  }

  private static CostDimension dimension(String name) {
    for (CostDimension d : CostDimension.values()) {
      if (d.name().equalsIgnoreCase(name)) {
        return d;
      }
    }
    throw ApiException.badRequest(
        "invalid_group_by",
        "group_by '"
            + Auth.clip(name)
            + "' is not one of service, compartment, resource, sku, region, day, month");
  }

  static CostsView view(CloudeyAccount account, CostReport report, List<CostDimension> groupBy) {
    Function<String, String> names = names(account, groupBy);
    List<Row> rows =
        report.rows().stream()
            .map(
                r ->
                    new Row(
                        r.key(), names.apply(r.key().isEmpty() ? "" : r.key().get(0)), r.cost()))
            .toList();
    boolean one = report.totals().size() == 1;
    Money total = one ? report.totals().get(0) : null;
    return new CostsView(
        new PeriodView(report.query().period().start(), report.query().period().end()),
        groupBy.stream().map(d -> d.name().toLowerCase(Locale.ROOT)).toList(),
        total == null ? null : total.rounded().toPlainString(),
        total == null ? null : total.currency().getCurrencyCode(),
        report.totals(),
        rows,
        report.dataVersion());
  }

  /** Display names of the first dimension's keys: compartment and resource names. */
  private static Function<String, String> names(
      CloudeyAccount account, List<CostDimension> groupBy) {
    if (groupBy.isEmpty()) {
      return key -> "total";
    }
    Map<String, String> byId =
        switch (groupBy.get(0)) {
          case COMPARTMENT ->
              account.inventory().compartments().stream()
                  .collect(Collectors.toMap(Compartment::id, Compartment::path, (a, b) -> a));
          case RESOURCE ->
              account.inventory().resources().stream()
                  .collect(Collectors.toMap(Resource::id, Resource::name, (a, b) -> a));
          default -> Map.of();
        };
    return key -> key.isEmpty() ? "(none)" : byId.getOrDefault(key, key);
  }
}
