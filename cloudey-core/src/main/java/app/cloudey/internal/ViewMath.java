package app.cloudey.internal;

import app.cloudey.model.Change;
import app.cloudey.model.CostRest;
import app.cloudey.model.CostRow;
import app.cloudey.model.LabeledCost;
import app.cloudey.model.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** Small per-currency helpers the views share: grouping rows, month columns, top N with others. */
final class ViewMath {
  private ViewMath() {}

  /**
   * The day of a DAY key ({@code yyyy-MM-dd}), as {@link LocalDate#parse} reads it: read digit by
   * digit (a view parses one per row and day, where the formatter cost microseconds each), anything
   * else through {@link LocalDate#parse} (which then names what is wrong).
   */
  static LocalDate day(String key) {
    if (key.length() == 10 && key.charAt(4) == '-' && key.charAt(7) == '-') {
      int year = digits(key, 0, 4);
      int month = digits(key, 5, 7);
      int day = digits(key, 8, 10);
      if (year >= 0
          && month >= 1
          && month <= 12
          && day >= 1
          && day <= YearMonth.of(year, month).lengthOfMonth()) {
        return LocalDate.of(year, month, day);
      }
    }
    return LocalDate.parse(key);
  }

  /** The number written by the ASCII digits {@code [from, to)} of {@code text}, or -1. */
  private static int digits(String text, int from, int to) {
    int n = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      n = n * 10 + (c - '0');
    }
    return n;
  }

  /** Rows by currency code, codes ascending. */
  static Map<String, List<CostRow>> byCurrency(List<CostRow> rows) {
    Map<String, List<CostRow>> by = new TreeMap<>();
    for (CostRow row : rows) {
      by.computeIfAbsent(code(row.cost()), k -> new ArrayList<>()).add(row);
    }
    return by;
  }

  /**
   * The rows summed by the key element at {@code index} and currency, in {@link
   * app.cloudey.spi.CostStore#aggregate}'s order (amount descending, key ascending, currency code):
   * the rows an aggregate grouped by that one dimension gives.
   */
  static List<CostRow> sumBy(List<CostRow> rows, int index) {
    Map<String, Map<String, BigDecimal>> sums = new HashMap<>();
    for (CostRow row : rows) {
      sums.computeIfAbsent(row.key().get(index), k -> new HashMap<>())
          .merge(code(row.cost()), row.cost().amount(), BigDecimal::add);
    }
    List<CostRow> summed = new ArrayList<>();
    sums.forEach(
        (key, byCurrency) ->
            byCurrency.forEach(
                (currency, amount) ->
                    summed.add(new CostRow(List.of(key), money(amount, currency)))));
    summed.sort(
        Comparator.comparing((CostRow r) -> r.cost().amount(), Comparator.reverseOrder())
            .thenComparing(r -> r.key().get(0))
            .thenComparing(r -> code(r.cost())));
    return summed;
  }

  /**
   * {@link Change#share} of two amounts of one currency: {@code part} in percent of {@code whole},
   * rounded half up to one decimal, 0.0 when the whole is zero (the same number, without the two
   * {@link Money} objects).
   */
  static BigDecimal share(BigDecimal part, BigDecimal whole) {
    if (whole.signum() == 0) {
      return SHARE_OF_ZERO;
    }
    return part.multiply(HUNDRED).divide(whole, 1, java.math.RoundingMode.HALF_UP);
  }

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
  private static final BigDecimal SHARE_OF_ZERO = BigDecimal.ZERO.setScale(1);

  /**
   * The first {@code n} elements of {@code items} in {@code order}, without sorting them all (a
   * bounded heap): {@code items.stream().sorted(order).limit(n)} for a total order.
   */
  static <T> List<T> first(Iterable<T> items, Comparator<? super T> order, int n) {
    java.util.PriorityQueue<T> worstFirst = new java.util.PriorityQueue<>(n + 1, order.reversed());
    for (T item : items) {
      if (worstFirst.size() < n) {
        worstFirst.add(item);
      } else if (n > 0 && order.compare(item, worstFirst.peek()) < 0) {
        worstFirst.poll();
        worstFirst.add(item);
      }
    }
    List<T> list = new ArrayList<>(worstFirst);
    list.sort(order);
    return list;
  }

  static String code(Money money) {
    return money.currency().getCurrencyCode();
  }

  static Money money(BigDecimal amount, String currency) {
    return Money.of(amount, currency);
  }

  static Money sum(List<Money> amounts, String currency) {
    BigDecimal sum = BigDecimal.ZERO;
    for (Money m : amounts) {
      sum = sum.add(m.amount());
    }
    return money(sum, currency);
  }

  /**
   * The top {@code n} rows as labelled costs (the input is cost descending, then key), then what
   * was left out as {@link #rest} says: an {@link LabeledCost#OTHERS} row and, when negative rows
   * were left out, a {@link LabeledCost#CREDITS} row, so the list adds up to {@code total}. Shares
   * are of {@code total}.
   */
  static List<LabeledCost> topWithOthers(
      List<CostRow> rows, int n, Money total, Function<String, String> name) {
    List<LabeledCost> top = new ArrayList<>();
    BigDecimal listed = BigDecimal.ZERO;
    int shown = Math.min(n, rows.size());
    for (CostRow row : rows.subList(0, shown)) {
      String key = row.key().get(0);
      top.add(new LabeledCost(key, name.apply(key), row.cost(), Change.share(row.cost(), total)));
      listed = listed.add(row.cost().amount());
    }
    List<BigDecimal> leftOut = new ArrayList<>(rows.size() - shown);
    for (CostRow row : rows.subList(shown, rows.size())) {
      leftOut.add(row.cost().amount());
    }
    rest(total.amount(), listed, leftOut)
        .rows()
        .forEach(
            (key, amount) -> {
              Money cost = money(amount, code(total));
              top.add(new LabeledCost(key, key, cost, Change.share(cost, total)));
            });
    return top;
  }

  /**
   * What a top-N list left out, as the rows it ends with (see {@link LabeledCost}): {@code others}
   * for the zero or positive left-out amounts, {@code credits} for the negative ones; each null
   * when no left-out amount has its sign (no row), except that {@code others} is also there when
   * the rows would not add up to the total without it. {@code others} is {@code total − listed −
   * credits}, so the listed rows and these add up to {@code total} exactly (it equals the sum of
   * the non-negative left-out amounts when the rows add up to the total).
   */
  record Rest(@Nullable BigDecimal others, @Nullable BigDecimal credits) {
    /** The rows to append, key to amount, in order: {@link LabeledCost#OTHERS}, then credits. */
    Map<String, BigDecimal> rows() {
      Map<String, BigDecimal> rows = new java.util.LinkedHashMap<>(2);
      if (others != null) {
        rows.put(LabeledCost.OTHERS, others);
      }
      if (credits != null) {
        rows.put(LabeledCost.CREDITS, credits);
      }
      return rows;
    }

    /** {@link #others} or zero. */
    BigDecimal othersOrZero() {
      return others == null ? BigDecimal.ZERO : others;
    }

    /** {@link #credits} or zero. */
    BigDecimal creditsOrZero() {
      return credits == null ? BigDecimal.ZERO : credits;
    }
  }

  /**
   * The rows a top-N list of one currency ends with: {@code total} is every row's sum, {@code
   * listed} the sum of the rows shown, {@code leftOut} the amounts of the rows not shown (one per
   * row of the list's dimension). The one rule every top-N list with others follows; see {@link
   * LabeledCost}.
   */
  static Rest rest(BigDecimal total, BigDecimal listed, Iterable<BigDecimal> leftOut) {
    boolean anyNonNegative = false;
    boolean anyNegative = false;
    BigDecimal credits = BigDecimal.ZERO;
    for (BigDecimal amount : leftOut) {
      if (amount.signum() < 0) {
        anyNegative = true;
        credits = credits.add(amount);
      } else {
        anyNonNegative = true;
      }
    }
    return rest(total, listed, anyNonNegative, anyNegative, credits);
  }

  /**
   * {@link #rest(BigDecimal, BigDecimal, Iterable)} from what a store summed of the left-out rows
   * of one currency ({@link CostRest}, null when none was left out) instead of the rows themselves.
   */
  static Rest rest(BigDecimal total, BigDecimal listed, @Nullable CostRest leftOut) {
    if (leftOut == null) {
      return rest(total, listed, false, false, BigDecimal.ZERO);
    }
    return rest(
        total,
        listed,
        leftOut.nonNegativeRows() > 0,
        leftOut.negativeRows() > 0,
        leftOut.negative());
  }

  private static Rest rest(
      BigDecimal total,
      BigDecimal listed,
      boolean anyNonNegative,
      boolean anyNegative,
      BigDecimal credits) {
    BigDecimal others = total.subtract(listed).subtract(credits);
    // an others row also when the rows would not add up without it (a total read apart from them)
    return new Rest(
        anyNonNegative || others.signum() != 0 ? others : null, anyNegative ? credits : null);
  }

  /** A row of month columns being summed. */
  static final class Columns {
    final BigDecimal[] amounts;

    Columns(int months) {
      amounts = new BigDecimal[months];
      Arrays.fill(amounts, BigDecimal.ZERO);
    }

    void add(int month, BigDecimal amount) {
      BigDecimal sum = amounts[month];
      // the first amount is taken as it is: the same number as ZERO + amount, one object fewer
      amounts[month] = sum == BigDecimal.ZERO ? amount : sum.add(amount);
    }

    /** Adds every month of {@code other}. */
    void addAll(Columns other) {
      for (int i = 0; i < amounts.length; i++) {
        if (other.amounts[i] != BigDecimal.ZERO) {
          add(i, other.amounts[i]);
        }
      }
    }

    /** A copy to sum into (this one is left as it is). */
    Columns copy() {
      Columns copy = new Columns(amounts.length);
      System.arraycopy(amounts, 0, copy.amounts, 0, amounts.length);
      return copy;
    }

    BigDecimal latest() {
      return amounts[amounts.length - 1];
    }

    BigDecimal previous() {
      return amounts.length < 2 ? BigDecimal.ZERO : amounts[amounts.length - 2];
    }

    BigDecimal total() {
      BigDecimal t = BigDecimal.ZERO;
      for (BigDecimal a : amounts) {
        t = t.add(a);
      }
      return t;
    }

    List<Money> money(Currency currency) {
      List<Money> list = new ArrayList<>(amounts.length);
      for (BigDecimal a : amounts) {
        list.add(new Money(a, currency));
      }
      return Collections.unmodifiableList(list);
    }

    /** {@link #shareOf(BigDecimal, String)} without building the two amounts as money. */
    BigDecimal shareOf(BigDecimal wholeLatest) {
      return share(latest(), wholeLatest);
    }

    List<Money> money(String currency) {
      List<Money> list = new ArrayList<>(amounts.length);
      for (BigDecimal a : amounts) {
        list.add(ViewMath.money(a, currency));
      }
      return Collections.unmodifiableList(list);
    }

    Change change() {
      return Change.of(previous(), latest());
    }

    BigDecimal shareOf(BigDecimal wholeLatest, String currency) {
      return Change.share(
          ViewMath.money(latest(), currency), ViewMath.money(wholeLatest, currency));
    }
  }
}
