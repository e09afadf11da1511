package app.cloudey.ai.internal;

import app.cloudey.AccountView;
import app.cloudey.model.Account;
import app.cloudey.model.Compartment;
import app.cloudey.model.CostDimension;
import app.cloudey.model.CostQuery;
import app.cloudey.model.CostReport;
import app.cloudey.model.CostRow;
import app.cloudey.model.Money;
import app.cloudey.model.Period;
import app.cloudey.model.SyncKind;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The system prompt, built for each question from the clock (today, the current month, the last
 * complete month), the account (name, compartments, services and currency from its stored data, how
 * fresh that data is) and the rules of engagement. Nothing in it is hard-coded to a date.
 */
final class SystemPrompt {
  /** Compartments listed by path; the rest are counted. */
  static final int COMPARTMENTS_SHOWN = 30;

  /** Months of costs the services and currency are read from. */
  static final int SERVICE_MONTHS = 3;

  private SystemPrompt() {}

  static String build(AccountView account, String summary) {
    Periods periods = new Periods(account.clock());
    Period lastMonth = periods.lastMonth();
    YearMonth current = periods.currentMonth();
    Account a = account.account();
    Instant now = account.clock().instant();
    StringBuilder out = new StringBuilder();
    out.append("You are Cloudey, an assistant that answers questions about the cloud costs,")
        .append(" inventory, utilisation and savings of one ")
        .append(a.provider().toUpperCase(java.util.Locale.ROOT))
        .append(" account: \"")
        .append(a.displayName())
        .append("\" (home region ")
        .append(a.homeRegion())
        .append(").\n\n");

    out.append("Dates (UTC): today is ")
        .append(periods.today())
        .append(". The current month is ")
        .append(current)
        .append(" (")
        .append(current.atDay(1))
        .append(" to today, month to date). The last complete month is ")
        .append(Periods.describe(lastMonth))
        .append(".\n\n");

    Period recent =
        Period.of(current.minusMonths(SERVICE_MONTHS).atDay(1), periods.today().plusDays(1));
    CostReport services = account.costs(CostQuery.of(recent).groupBy(CostDimension.SERVICE));
    out.append("Account data:\n");
    out.append("- Currency: ")
        .append(
            services.totals().isEmpty()
                ? "unknown (no costs stored for the last " + SERVICE_MONTHS + " months)"
                : services.totals().stream()
                    .map(m -> m.currency().getCurrencyCode())
                    .collect(Collectors.joining(", ")))
        .append('\n');
    out.append("- Services with costs since ")
        .append(recent.start())
        .append(": ")
        .append(
            services.rows().isEmpty()
                ? "none stored"
                : services.rows().stream()
                    .map(SystemPrompt::serviceName)
                    .collect(Collectors.joining(", ")))
        .append('\n');
    List<Compartment> compartments = account.compartments();
    out.append("- Compartments (")
        .append(compartments.size())
        .append("): ")
        .append(
            compartments.isEmpty()
                ? "none synced"
                : compartments.stream()
                    .limit(COMPARTMENTS_SHOWN)
                    .map(Compartment::path)
                    .collect(Collectors.joining(", ")))
        .append(
            compartments.size() > COMPARTMENTS_SHOWN
                ? " (and "
                    + (compartments.size() - COMPARTMENTS_SHOWN)
                    + " more: use list_compartments)"
                : "")
        .append('\n');
    out.append("- Inventory last synced: ")
        .append(Freshness.when(account.lastSync(SyncKind.INVENTORY), now))
        .append("; costs last refreshed: ")
        .append(Freshness.when(account.lastCostRefresh(), now))
        .append(".\n\n");

    out.append("Rules:\n")
        .append("1. Answer from the tools, never from memory or guesses: call a tool whenever the")
        .append(" question needs data, and only use what the tools return.\n")
        .append("2. State the dates you queried, e.g. \"")
        .append(Periods.describe(lastMonth))
        .append("\". Resolve \"last month\", \"this month\" and \"last 30 days\" against today's")
        .append(" date above.\n")
        .append("3. Name resources and compartments by their names, not by their ids.\n")
        .append("4. Give every amount of money with its currency, as the tools return it.\n")
        .append("5. Say when data is missing or stale: no costs for a period, metrics missing,")
        .append(" a month still open or settling, inventory or costs not refreshed recently.\n")
        .append("6. You can only read this account's data: you cannot change anything, and you")
        .append(" cannot see any other account.\n")
        .append("7. Be concise; use a short list or a markdown table for several rows.\n")
        .append("8. Which tool: cost_dashboard for an overview; query_costs for any slice (group")
        .append(" by service, compartment, resource, region, sku, sku_name, month, day or")
        .append(" tag:KEY; filter by service, compartment, region, resource, tag or SKU);")
        .append(" detailed_costs, cost_trends, top_drivers and cost_forecast for the views;")
        .append(" unit_prices for the tenancy's own rates and list prices; search_inventory,")
        .append(" resource_details and list_compartments for resources; list_recommendations,")
        .append(" recommendation_details, savings_summary and recommendation_history for")
        .append(" savings.\n");
    if (!summary.isBlank()) {
      out.append("\nSummary of the earlier conversation:\n").append(summary.strip()).append('\n');
    }
    return out.toString();
  }

  private static String serviceName(CostRow row) {
    Money cost = row.cost();
    return row.key().get(0) + " (" + cost + ")";
  }
}
