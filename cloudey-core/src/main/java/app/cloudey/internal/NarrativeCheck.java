package app.cloudey.internal;

import app.cloudey.CloudeyNarrativeException;
import app.cloudey.model.Action;
import app.cloudey.model.Money;
import app.cloudey.model.Recommendation;
import app.cloudey.model.RecommendationRun;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The production check of an explainer's narrative: every amount of money it states must be an
 * amount of the run it explains.
 *
 * <p><b>An amount</b> is a number with a currency: an ISO code before or after it ({@code 123.45
 * USD}, {@code USD 1,234}), or a symbol before it ({@code $12}, {@code €3.5k}); {@code k}, {@code
 * M}, {@code thousand}, {@code million} scale it. A code counts when it is the run's currency or a
 * common one (so {@code CPU 95} or {@code ALL 3} are not money). Numbers without a currency
 * (counts, days, percentages) are not amounts.
 *
 * <p><b>The run's amounts</b> are each recommendation's monthly saving, the run's total monthly
 * saving per currency, and every amount written in a recommendation's title, summary, evidence
 * cells and actions.
 *
 * <p><b>Matching</b> is at the precision stated: {@code $1,234.57} and {@code $1,235} and {@code
 * $1.2k} all state 1234.567 USD (it rounds to each of them), {@code $1,200} does not. A symbol
 * matches the currencies that write it ({@code $}: USD, CAD, AUD...). A narrative without amounts
 * passes.
 */
public final class NarrativeCheck {
  /** Amounts listed in the exception's message, each way. */
  static final int SHOWN = 10;

  private static final Set<String> COMMON =
      Set.of(
          "USD", "EUR", "GBP", "JPY", "CHF", "CAD", "AUD", "NZD", "CNY", "INR", "BRL", "MXN", "SEK",
          "NOK", "DKK", "SGD", "HKD", "KRW", "ZAR", "PLN");

  private static final String CODE = "(?<![\\p{L}\\p{N}])[A-Z]{3}(?![\\p{L}\\p{N}])";
  private static final Pattern AMOUNT =
      Pattern.compile(
          "(?:(?<symbol>[$€£¥₹])|(?<pre>"
              + CODE
              + "))?\\s?(?<![\\d.])(?<number>\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)"
              + "(?:\\s?(?<magnitude>thousand|million|billion|bn|k|K|m|M)(?![\\p{L}]))?"
              + "(?:\\s?(?<post>"
              + CODE
              + ")(?!\\s?[\\d$€£¥₹]))?");

  private NarrativeCheck() {}

  /** An amount as a text states it: a value, how precisely, in which currencies. */
  record Stated(String text, BigDecimal value, BigDecimal halfUnit, Set<Currency> currencies) {
    boolean matches(Money money) {
      return currencies.contains(money.currency())
          && money.amount().abs().subtract(value).abs().compareTo(halfUnit) <= 0;
    }
  }

  /**
   * Rejects a narrative stating an amount absent from the run.
   *
   * @throws CloudeyNarrativeException naming the amounts the run does not hold
   */
  public static void verify(String narrative, RecommendationRun run) {
    Set<Currency> runCurrencies = new LinkedHashSet<>();
    List<Money> known = amounts(run, runCurrencies);
    List<String> unsupported = new ArrayList<>();
    for (Stated stated : stated(narrative, runCurrencies)) {
      if (known.stream().noneMatch(stated::matches)) {
        unsupported.add(stated.text());
      }
    }
    if (unsupported.isEmpty()) {
      return;
    }
    throw new CloudeyNarrativeException(
        "the explainer's narrative of recommendations run "
            + run.id()
            + " states "
            + (unsupported.size() == 1 ? "an amount" : unsupported.size() + " amounts")
            + " that the run does not contain: "
            + shown(unsupported)
            + "; the run's amounts are "
            + (known.isEmpty()
                ? "none"
                : shown(
                    new ArrayList<>(new LinkedHashSet<>(known))
                        .stream().map(Money::toString).toList()))
            + ". The narrative was rejected; the recommendations stand on their own.",
        unsupported);
  }

  /** Every amount of the run; adds the currencies it uses to {@code currencies}. */
  static List<Money> amounts(RecommendationRun run, Set<Currency> currencies) {
    List<Money> out = new ArrayList<>();
    for (Recommendation r : run.recommendations()) {
      out.add(r.monthlySavings());
      currencies.add(r.monthlySavings().currency());
    }
    out.addAll(run.totalMonthlySavings());
    List<String> texts = new ArrayList<>();
    for (Recommendation r : run.recommendations()) {
      texts.add(r.title());
      texts.add(r.summary());
      texts.addAll(r.evidence().columns());
      r.evidence().rows().forEach(texts::addAll);
      for (Action action : r.actions()) {
        texts.add(action.title());
        texts.add(action.detail());
      }
    }
    for (String text : texts) {
      Matcher m = AMOUNT.matcher(text);
      while (m.find()) {
        String code = m.group("pre") != null ? m.group("pre") : m.group("post");
        Currency currency = code == null ? null : currency(code, Set.of());
        if (currency != null) {
          out.add(new Money(value(m), currency));
          currencies.add(currency);
        }
      }
    }
    return out;
  }

  /** The amounts a text states, in order. */
  static List<Stated> stated(String text, Set<Currency> runCurrencies) {
    List<Stated> out = new ArrayList<>();
    Matcher m = AMOUNT.matcher(text);
    while (m.find()) {
      Set<Currency> currencies = new LinkedHashSet<>();
      if (m.group("symbol") != null) {
        currencies.addAll(bySymbol(m.group("symbol"), runCurrencies));
      }
      for (String code : new String[] {m.group("pre"), m.group("post")}) {
        Currency c = code == null ? null : currency(code, runCurrencies);
        if (c != null) {
          currencies.add(c);
        }
      }
      if (currencies.isEmpty()) {
        continue; // a count, a day, a percentage: not money
      }
      BigDecimal scale = magnitude(m.group("magnitude"));
      BigDecimal number = new BigDecimal(m.group("number").replace(",", ""));
      BigDecimal halfUnit =
          BigDecimal.ONE
              .movePointLeft(Math.max(number.scale(), 0))
              .multiply(scale)
              .divide(BigDecimal.valueOf(2));
      out.add(new Stated(m.group().strip(), number.multiply(scale), halfUnit, currencies));
    }
    return out;
  }

  private static BigDecimal value(Matcher m) {
    return new BigDecimal(m.group("number").replace(",", ""))
        .multiply(magnitude(m.group("magnitude")));
  }

  private static BigDecimal magnitude(@Nullable String word) {
    if (word == null) {
      return BigDecimal.ONE;
    }
    return switch (word) {
      case "k", "K", "thousand" -> BigDecimal.valueOf(1_000);
      case "m", "M", "million" -> BigDecimal.valueOf(1_000_000);
      default -> BigDecimal.valueOf(1_000_000_000);
    };
  }

  private static @Nullable Currency currency(String code, Set<Currency> runCurrencies) {
    Currency c;
    try {
      c = Currency.getInstance(code);
    } catch (IllegalArgumentException e) {
      return null;
    }
    return COMMON.contains(code) || runCurrencies.contains(c) ? c : null;
  }

  private static Set<Currency> bySymbol(String symbol, Set<Currency> runCurrencies) {
    Set<Currency> out = new LinkedHashSet<>();
    switch (symbol) {
      case "$" -> {
        out.add(Currency.getInstance("USD"));
        for (Currency c : runCurrencies) {
          if (c.getSymbol(Locale.US).contains("$")) {
            out.add(c);
          }
        }
      }
      case "€" -> out.add(Currency.getInstance("EUR"));
      case "£" -> out.add(Currency.getInstance("GBP"));
      case "¥" -> {
        out.add(Currency.getInstance("JPY"));
        out.add(Currency.getInstance("CNY"));
      }
      default -> out.add(Currency.getInstance("INR"));
    }
    return out;
  }

  private static String shown(List<String> items) {
    String listed = items.stream().limit(SHOWN).collect(Collectors.joining(", "));
    return items.size() > SHOWN ? listed + " and " + (items.size() - SHOWN) + " more" : listed;
  }
}
