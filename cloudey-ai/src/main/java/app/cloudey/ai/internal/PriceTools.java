package app.cloudey.ai.internal;

import app.cloudey.AccountView;
import app.cloudey.model.Money;
import app.cloudey.model.Period;
import app.cloudey.model.ResourceSkuCost;
import app.cloudey.model.SkuPrice;
import app.cloudey.spi.PriceBook;
import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Unit prices: the tenancy's own rates from its cost lines (billed cost ÷ billed quantity per SKU,
 * over the resources' paid lines) next to the list price of Cloudey's price book. Read-only; bound
 * to one account.
 */
public final class PriceTools {
  /** Significant digits of a unit price. */
  private static final MathContext PRICE = new MathContext(6, RoundingMode.HALF_EVEN);

  private final AccountView account;
  private final Periods periods;
  private final int maxRows;

  PriceTools(AccountView account, int maxRows) {
    this.account = account;
    this.periods = new Periods(account.clock());
    this.maxRows = maxRows;
  }

  /** One SKU's billed sums over the period, in one currency. */
  private record Billed(
      String partNumber,
      String name,
      String unit,
      String service,
      Currency currency,
      BigDecimal amount,
      BigDecimal quantity) {
    Money cost() {
      return new Money(amount, currency);
    }

    Optional<BigDecimal> rate() {
      return quantity.signum() > 0 && amount.signum() > 0
          ? Optional.of(amount.divide(quantity, PRICE))
          : Optional.empty();
    }
  }

  @Tool(
      name = "unit_prices",
      value =
          "Unit prices per SKU: the tenancy's own rate from its billed costs (billed cost ÷ billed"
              + " quantity over the period, which carries its discounts and currency) next to the"
              + " list price of the price book (with its tiers and source). Without a SKU, lists"
              + " the SKUs billed most in the period.")
  public String unitPrices(
      @P(
              name = "sku",
              description = "A SKU part number (e.g. B97384) or words of its name (e.g. 'E4 OCPU')",
              required = false)
          @Nullable String sku,
      @P(
              name = "service",
              description = "Only SKUs of this service, e.g. compute (fuzzy)",
              required = false)
          @Nullable String service,
      @P(
              name = "period",
              description =
                  "The period the own rates are computed over: "
                      + Periods.FORMATS
                      + ". Default: last_month.",
              required = false)
          @Nullable String period,
      @P(name = "limit", description = "How many SKUs to list (default 10)", required = false)
          @Nullable Integer limit) {
    Period p = periods.parse(period, periods.lastMonth());
    PriceBook book = account.priceBook();
    List<Billed> billed = billed(p);
    if (service != null && !service.isBlank()) {
      String term = Names.normalize(service);
      billed = billed.stream().filter(b -> Names.normalize(b.service()).contains(term)).toList();
    }
    StringBuilder out = new StringBuilder();
    String source = "list prices: " + describe(book);
    if (sku != null && !sku.isBlank()) {
      String term = sku.trim();
      List<Billed> matches =
          billed.stream().filter(b -> b.partNumber().equalsIgnoreCase(term)).toList();
      if (matches.isEmpty()) {
        List<String> words =
            List.of(term.toLowerCase(Locale.ROOT).split("[\\s,]+")).stream()
                .filter(w -> !w.isBlank())
                .toList();
        matches =
            billed.stream()
                .filter(
                    b -> {
                      String name = b.name().toLowerCase(Locale.ROOT);
                      return words.stream().allMatch(name::contains);
                    })
                .toList();
      }
      if (matches.isEmpty()) {
        Optional<SkuPrice> listed = book.find(term.toUpperCase(Locale.ROOT));
        if (listed.isEmpty()) {
          throw new ToolInputException(
              "no SKU billed in "
                  + Periods.describe(p)
                  + " matches '"
                  + sku
                  + "', and the price book ("
                  + book.source()
                  + ") has no part number "
                  + term.toUpperCase(Locale.ROOT)
                  + "; call unit_prices without a sku to list the billed SKUs");
        }
        SkuPrice price = listed.get();
        return out.append(price.skuPartNumber())
            .append(" ")
            .append(price.name())
            .append(": not billed to this tenancy's resources in ")
            .append(Periods.describe(p))
            .append(", so no own rate; list price ")
            .append(list(price))
            .append(".\n")
            .append("Data: ")
            .append(source)
            .append(".")
            .toString();
      }
      billed = matches;
    }
    if (billed.isEmpty()) {
      return out.append("No SKU was billed to a resource in ")
          .append(Periods.describe(p))
          .append(service == null || service.isBlank() ? "" : " for service " + service.trim())
          .append(", so there are no own rates.\n")
          .append(Freshness.costs(account, p))
          .append(" ")
          .append(capital(source))
          .append(".")
          .toString();
    }
    int shown = Rows.limit(limit, 10, maxRows);
    out.append(billed.size())
        .append(billed.size() == 1 ? " SKU" : " SKUs")
        .append(" billed to resources in ")
        .append(Periods.describe(p))
        .append(", largest cost first: own rate = billed cost ÷ billed quantity.\n");
    for (int i = 0; i < Math.min(shown, billed.size()); i++) {
      Billed b = billed.get(i);
      out.append(i + 1).append(". ").append(line(b, book)).append('\n');
    }
    if (billed.size() > shown) {
      List<Billed> rest = billed.subList(shown, billed.size());
      out.append("… ")
          .append(rest.size())
          .append(" more SKUs billed ")
          .append(Texts.total(rest.stream().map(Billed::cost).toList()))
          .append(" (ask for a larger limit, or name a SKU)\n");
    }
    return out.append(Freshness.costs(account, p))
        .append(" ")
        .append(capital(source))
        .append(".")
        .toString();
  }

  /** The resources' paid lines summed per SKU and currency, largest cost first. */
  private List<Billed> billed(Period p) {
    Map<List<String>, Billed> sums = new LinkedHashMap<>();
    for (ResourceSkuCost row : account.resourceCosts(p)) {
      if (row.skuPartNumber().isEmpty() || row.amount().signum() <= 0) {
        continue; // free allowances and credits would dilute the rate
      }
      List<String> key = List.of(row.skuPartNumber(), row.currency().getCurrencyCode());
      sums.merge(
          key,
          new Billed(
              row.skuPartNumber(),
              row.skuName(),
              row.unit(),
              row.service(),
              row.currency(),
              row.amount(),
              row.quantity()),
          (a, b) ->
              new Billed(
                  a.partNumber(),
                  a.name(),
                  a.unit(),
                  a.service(),
                  a.currency(),
                  a.amount().add(b.amount()),
                  a.quantity().add(b.quantity())));
    }
    List<Billed> out = new ArrayList<>(sums.values());
    out.sort(
        Comparator.comparing((Billed b) -> b.amount(), Comparator.reverseOrder())
            .thenComparing(Billed::partNumber)
            .thenComparing(b -> b.currency().getCurrencyCode()));
    return out;
  }

  private static String line(Billed b, PriceBook book) {
    StringBuilder out = new StringBuilder();
    out.append(b.partNumber());
    if (!b.name().isBlank()) {
      out.append(" ").append(b.name());
    }
    out.append(" (").append(b.service()).append("): ");
    String unit = b.unit().isBlank() ? "unit" : b.unit();
    Optional<BigDecimal> rate = b.rate();
    if (rate.isPresent()) {
      out.append("own rate ")
          .append(rate.get().stripTrailingZeros().toPlainString())
          .append(" ")
          .append(b.currency().getCurrencyCode())
          .append(" per ")
          .append(unit)
          .append(" (")
          .append(b.cost())
          .append(" for ")
          .append(b.quantity().stripTrailingZeros().toPlainString())
          .append(")");
    } else {
      out.append("billed ").append(b.cost()).append(" without a quantity, so no own rate");
    }
    Optional<SkuPrice> listed = book.find(b.partNumber());
    out.append("; list price ")
        .append(listed.map(PriceTools::list).orElse("not in the price book"));
    return out.toString();
  }

  /** {@code 0.025 USD per OCPU Per Hour}, or its tiers. */
  private static String list(SkuPrice price) {
    String unit = price.unit().isBlank() ? "unit" : price.unit();
    String code = price.currency().getCurrencyCode();
    if (price.tiers().size() == 1) {
      return price.tiers().get(0).unitPrice().stripTrailingZeros().toPlainString()
          + " "
          + code
          + " per "
          + unit;
    }
    return price.tiers().stream()
        .map(
            t ->
                t.unitPrice().stripTrailingZeros().toPlainString()
                    + " "
                    + code
                    + " from "
                    + t.fromQuantity().stripTrailingZeros().toPlainString())
        .collect(Collectors.joining(", ", "tiered per " + unit + " a month: ", ""));
  }

  private static String describe(PriceBook book) {
    if (book.source().equals("none")) {
      return "no price book is configured";
    }
    return book.source() + book.sourceDate().map(d -> " (" + d + ")").orElse("");
  }

  private static String capital(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
