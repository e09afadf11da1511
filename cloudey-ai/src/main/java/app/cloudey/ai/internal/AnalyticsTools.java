package app.cloudey.ai.internal;

import app.cloudey.AccountView;
import app.cloudey.model.Change;
import app.cloudey.model.CostDimension;
import app.cloudey.model.CostDriver;
import app.cloudey.model.CostForecast;
import app.cloudey.model.CostTrends;
import app.cloudey.model.Dashboard;
import app.cloudey.model.DetailedCosts;
import app.cloudey.model.Forecast;
import app.cloudey.model.Money;
import app.cloudey.model.MonthTotal;
import app.cloudey.model.Period;
import app.cloudey.model.TopDrivers;
import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Tools over core's cost views (dashboard, detailed costs, trends, top drivers, forecast). Each
 * writes one section per billing currency (amounts are never summed across currencies), caps its
 * rows with "N more" and their sums, and ends with how fresh the data is. Read-only; bound to one
 * account.
 */
public final class AnalyticsTools {
  private final AccountView account;
  private final Periods periods;
  private final int maxRows;

  AnalyticsTools(AccountView account, int maxRows) {
    this.account = account;
    this.periods = new Periods(account.clock());
    this.maxRows = maxRows;
  }

  @Tool(
      name = "cost_dashboard",
      value =
          "The cost overview today: per currency, the month to date against the same days of last"
              + " month, the last three complete months, this month's forecast with its range, the"
              + " top services and compartments of the month to date; the inventory's counts and"
              + " the latest recommendations' summary. Use it first for a general question.")
  public String dashboard() {
    Dashboard d = account.dashboard();
    StringBuilder out = new StringBuilder();
    out.append("Dashboard on ").append(d.asOf()).append(": ");
    if (d.currencies().isEmpty()) {
      out.append("no costs stored for this month or the last three complete months.\n");
    } else {
      out.append(
              d.currencies().stream()
                  .map(
                      c ->
                          monthToDateSummary(c.monthToDate())
                              + ", forecast "
                              + new Money(c.forecast().total(), ViewTexts.currency(c.currency()))
                              + " for "
                              + YearMonth.from(c.forecast().period().start()))
                  .collect(Collectors.joining("; ")))
          .append(".\n");
    }
    for (Dashboard.CurrencyDashboard c : d.currencies()) {
      String code = c.currency();
      Dashboard.MonthToDate mtd = c.monthToDate();
      Period period = mtd.period();
      Period lastMonthPeriod = mtd.lastMonthPeriod();
      if (period == null || lastMonthPeriod == null) {
        out.append(code)
            .append(": month to date: no day of ")
            .append(YearMonth.from(d.asOf()))
            .append(" is billed yet (usage is reported a day or so late), so there is nothing")
            .append(" to compare with last month yet.\n");
      } else {
        out.append(code)
            .append(": month to date ")
            .append(Periods.describe(period))
            .append(" ")
            .append(mtd.cost())
            .append(", same days of last month ")
            .append(Periods.describe(lastMonthPeriod))
            .append(" ")
            .append(mtd.lastMonthCost())
            .append(".\n");
      }
      out.append("- Complete months: ")
          .append(
              c.completeMonths().stream()
                  .map(m -> m.month() + " " + m.total() + " (" + m.status() + ")")
                  .collect(Collectors.joining(", ")));
      if (!c.completeMonths().isEmpty()) {
        MonthTotal newest = c.completeMonths().get(c.completeMonths().size() - 1);
        out.append("; ")
            .append(newest.month())
            .append(" against the mean of the two before: ")
            .append(Texts.change(c.completeMonthsChange()));
      }
      out.append('\n');
      out.append("- ").append(ViewTexts.forecast(c.forecast())).append('\n');
      out.append("- Top services, month to date: ")
          .append(ViewTexts.labeled(c.topServices()))
          .append('\n');
      out.append("- Top compartments, month to date: ")
          .append(ViewTexts.labeled(c.topCompartments()))
          .append('\n');
    }
    out.append(ViewTexts.inventory(d.inventory())).append('\n');
    out.append(ViewTexts.recommendations(d.recommendations())).append('\n');
    return out.append(Freshness.costs(account, periods.monthToDate())).toString();
  }

  /**
   * {@code month to date 12.00 USD (+3.0% STABLE against the same days of last month)}, or that
   * nothing of this month is billed yet.
   */
  static String monthToDateSummary(Dashboard.MonthToDate mtd) {
    Change change = mtd.change();
    if (change == null) {
      return "month to date: nothing billed yet this month (no comparison yet)";
    }
    return "month to date "
        + mtd.cost()
        + " ("
        + Texts.change(change)
        + " against the same days of last month)";
  }

  @Tool(
      name = "detailed_costs",
      value =
          "The three complete months before this one, per currency: totals per month and the"
              + " change, every compartment (or, given one, its services and resources) with its"
              + " month columns, change and share, the services over all compartments with their"
              + " top resources, and the newest month's top cost drivers.")
  public String detailed(
      @P(
              name = "compartment",
              description =
                  "Show this compartment's services and resources (by name or path, fuzzy)",
              required = false)
          @Nullable String compartment,
      @P(name = "limit", description = "Rows per list (default 10)", required = false)
          @Nullable Integer limit) {
    DetailedCosts d = account.detailed();
    int shown = Rows.limit(limit, 10, maxRows);
    String months = d.months().stream().map(YearMonth::toString).collect(Collectors.joining(" / "));
    String newest = d.months().isEmpty() ? "" : d.months().get(d.months().size() - 1).toString();
    StringBuilder out = new StringBuilder();
    if (d.currencies().isEmpty()) {
      return out.append("No costs stored for the complete months ")
          .append(months)
          .append(".\n")
          .append(Freshness.costs(account, ViewTexts.span(d.months())))
          .toString();
    }
    out.append("Detailed costs for the complete months ")
        .append(months)
        .append(": ")
        .append(
            d.currencies().stream()
                .map(c -> ViewTexts.currencyTotals(c.currency(), c.totals(), c.change(), newest))
                .collect(Collectors.joining("; ")))
        .append(".\n");
    String only = null;
    if (compartment != null && !compartment.isBlank()) {
      only = new Directory(account).compartment(compartment).id();
    }
    for (DetailedCosts.CurrencyDetail c : d.currencies()) {
      if (only != null) {
        String id = only;
        List<DetailedCosts.CompartmentCosts> match =
            c.compartments().stream().filter(x -> x.compartment().id().equals(id)).toList();
        if (match.isEmpty()) {
          out.append(c.currency()).append(": no costs in this compartment itself.\n");
          continue;
        }
        DetailedCosts.CompartmentCosts cc = match.get(0);
        out.append(c.currency())
            .append(" in ")
            .append(Texts.compartment(cc.compartment()))
            .append(" (")
            .append(months)
            .append("): ")
            .append(Texts.months(cc.months()))
            .append(", ")
            .append(Texts.change(cc.change()))
            .append(", ")
            .append(cc.sharePercent().toPlainString())
            .append("% of ")
            .append(newest)
            .append(".\n");
        for (DetailedCosts.ServiceCosts s : cc.services()) {
          out.append("- ")
              .append(s.service())
              .append(": ")
              .append(Texts.months(s.months()))
              .append(", ")
              .append(Texts.change(s.change()))
              .append('\n');
          ViewTexts.appendRows(
              out,
              s.resources().stream()
                  .map(
                      r ->
                          "  - "
                              + Texts.resource(r.resource())
                              + ": "
                              + Texts.months(r.months())
                              + ", "
                              + Texts.change(r.change()))
                  .toList(),
              s.resources().stream().map(DetailedCosts.ResourceCosts::months).toList(),
              shown,
              "  ",
              "resources");
        }
        continue;
      }
      out.append(c.currency()).append(" by compartment (").append(months).append("):\n");
      List<DetailedCosts.CompartmentCosts> compartments = c.compartments();
      ViewTexts.appendRows(
          out,
          ViewTexts.numbered(
              compartments.stream()
                  .map(
                      x ->
                          Texts.compartment(x.compartment())
                              + ": "
                              + Texts.months(x.months())
                              + ", "
                              + Texts.change(x.change())
                              + ", "
                              + x.sharePercent().toPlainString()
                              + "%")
                  .toList()),
          compartments.stream().map(DetailedCosts.CompartmentCosts::months).toList(),
          shown,
          "",
          "compartments");
      out.append(c.currency()).append(" by service (").append(months).append("):\n");
      List<DetailedCosts.ServiceCosts> services = c.services();
      ViewTexts.appendRows(
          out,
          ViewTexts.numbered(
              services.stream()
                  .map(
                      s ->
                          s.service()
                              + ": "
                              + Texts.months(s.months())
                              + ", "
                              + Texts.change(s.change())
                              + ", "
                              + s.sharePercent().toPlainString()
                              + "%"
                              + (s.resources().isEmpty()
                                  ? ""
                                  : "; top resources: "
                                      + s.resources().stream()
                                          .limit(3)
                                          .map(r -> Texts.resource(r.resource()) + " " + r.total())
                                          .collect(Collectors.joining(", "))))
                  .toList()),
          services.stream().map(DetailedCosts.ServiceCosts::months).toList(),
          shown,
          "",
          "services");
      out.append(c.currency()).append(" top cost drivers of ").append(newest).append(":\n");
      List<CostDriver> drivers = c.topDrivers();
      for (int i = 0; i < Math.min(shown, drivers.size()); i++) {
        out.append(i + 1).append(". ").append(ViewTexts.driver(drivers.get(i))).append('\n');
      }
    }
    return out.append(Freshness.costs(account, ViewTexts.span(d.months()))).toString();
  }

  @Tool(
      name = "cost_trends",
      value =
          "Month over month by one dimension over the last complete months, per currency: every"
              + " value's cost per month (newest month descending), the change of the totals, and"
              + " the largest risers and fallers of the newest month against the one before.")
  public String trends(
      @P(
              name = "dimension",
              description = "service (default), compartment, resource, region or sku",
              required = false)
          @Nullable String dimension,
      @P(
              name = "months",
              description = "How many complete months, 2 to 36 (default 3)",
              required = false)
          @Nullable Integer months,
      @P(name = "limit", description = "Rows to list (default 10)", required = false)
          @Nullable Integer limit) {
    CostDimension dim = ViewTexts.trendDimension(dimension);
    int n = months == null ? 3 : months;
    if (n < 2 || n > 36) {
      throw new ToolInputException("months must be between 2 and 36, was " + n);
    }
    CostTrends t = account.trends(dim, n);
    int shown = Rows.limit(limit, 10, maxRows);
    String columns =
        t.months().stream().map(YearMonth::toString).collect(Collectors.joining(" / "));
    String name = dim.name().toLowerCase(Locale.ROOT);
    StringBuilder out = new StringBuilder();
    if (t.currencies().isEmpty()) {
      return out.append("No costs stored for ")
          .append(columns)
          .append(".\n")
          .append(Freshness.costs(account, ViewTexts.span(t.months())))
          .toString();
    }
    String newest = t.months().get(t.months().size() - 1).toString();
    out.append("Trends by ")
        .append(name)
        .append(" over the complete months ")
        .append(columns)
        .append(": ")
        .append(
            t.currencies().stream()
                .map(c -> ViewTexts.currencyTotals(c.currency(), c.totals(), c.change(), newest))
                .collect(Collectors.joining("; ")))
        .append(".\n");
    for (CostTrends.CurrencyTrends c : t.currencies()) {
      out.append(c.currency())
          .append(" by ")
          .append(name)
          .append(" (")
          .append(columns)
          .append(", newest month descending):\n");
      ViewTexts.appendRows(
          out,
          ViewTexts.numbered(
              c.rows().stream()
                  .map(
                      r ->
                          r.name()
                              + ": "
                              + Texts.months(r.months())
                              + ", "
                              + Texts.signed(r.delta())
                              + " "
                              + Texts.change(r.change()))
                  .toList()),
          c.rows().stream().map(CostTrends.TrendRow::months).toList(),
          shown,
          "",
          "rows");
      out.append("- Risers: ").append(ViewTexts.movers(c.risers())).append('\n');
      out.append("- Fallers: ").append(ViewTexts.movers(c.fallers())).append('\n');
    }
    return out.append(Freshness.costs(account, ViewTexts.span(t.months()))).toString();
  }

  @Tool(
      name = "top_drivers",
      value =
          "The most expensive resources of a period, per currency, each with its service,"
              + " compartment, cost and share of the total, and what is left (smaller resources"
              + " and costs without a resource).")
  public String topDrivers(
      @P(
              name = "period",
              description = "The period: " + Periods.FORMATS + ". Default: last_month.",
              required = false)
          @Nullable String period) {
    Period p = periods.parse(period, periods.lastMonth());
    TopDrivers t = account.topDrivers(p);
    StringBuilder out = new StringBuilder();
    if (t.currencies().isEmpty()) {
      return out.append("No costs stored for ")
          .append(Periods.describe(p))
          .append(".\n")
          .append(Freshness.costs(account, p))
          .toString();
    }
    out.append("Top cost drivers for ")
        .append(Periods.describe(p))
        .append(": ")
        .append(
            t.currencies().stream()
                .map(
                    c ->
                        "total "
                            + c.total()
                            + ", the top "
                            + c.drivers().size()
                            + " resources "
                            + c.drivers().stream()
                                .map(CostDriver::cost)
                                .reduce(Money::plus)
                                .orElse(Money.zero(c.total().currency())))
                .collect(Collectors.joining("; ")))
        .append(".\n");
    for (TopDrivers.CurrencyDrivers c : t.currencies()) {
      List<CostDriver> drivers = c.drivers();
      for (int i = 0; i < Math.min(drivers.size(), maxRows); i++) {
        out.append(i + 1).append(". ").append(ViewTexts.driver(drivers.get(i))).append('\n');
      }
      out.append("Others (smaller resources and costs without a resource): ")
          .append(c.others())
          .append('\n');
      if (!c.credits().isZero()) {
        out.append("Credits and refunds (negative costs outside the top resources): ")
            .append(c.credits())
            .append('\n');
      }
    }
    return out.append(Freshness.costs(account, p)).toString();
  }

  @Tool(
      name = "cost_forecast",
      value =
          "Forecast of this month's (or this quarter's) total per currency, made today from the"
              + " stored daily costs: the known cost to date, the forecast total with a likely"
              + " range, the method and the days of history it used.")
  public String forecast(
      @P(name = "horizon", description = "month (default) or quarter", required = false)
          @Nullable String horizon) {
    Forecast.Horizon h = Forecast.Horizon.MONTH;
    if (horizon != null && !horizon.isBlank()) {
      String key = Names.normalize(horizon);
      h =
          switch (key) {
            case "month", "monthend", "thismonth" -> Forecast.Horizon.MONTH;
            case "quarter", "quarterend", "thisquarter" -> Forecast.Horizon.QUARTER;
            default ->
                throw new ToolInputException(
                    "horizon '" + horizon + "' is unknown; use month or quarter");
          };
    }
    CostForecast f = account.forecast(h);
    StringBuilder out = new StringBuilder();
    if (f.forecasts().isEmpty()) {
      return out.append("No forecast on ")
          .append(f.asOf())
          .append(": no daily costs are stored before today.\n")
          .append(Freshness.costs(account, periods.monthToDate()))
          .toString();
    }
    out.append(f.forecasts().stream().map(ViewTexts::forecast).collect(Collectors.joining("\n")))
        .append('\n');
    return out.append(Freshness.costs(account, f.forecasts().get(0).period())).toString();
  }
}
