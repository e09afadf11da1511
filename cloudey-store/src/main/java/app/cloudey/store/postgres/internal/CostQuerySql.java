package app.cloudey.store.postgres.internal;

import app.cloudey.model.CostDimension;
import app.cloudey.model.CostQuery;
import app.cloudey.model.CostRest;
import app.cloudey.model.CostRow;
import app.cloudey.model.Money;
import app.cloudey.model.Period;
import app.cloudey.model.TopCostRows;
import app.cloudey.spi.CostStore;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.jspecify.annotations.Nullable;

/**
 * The one SQL statement that answers a {@link CostQuery}: the matching lines of the days not
 * answered from rollups, {@code UNION ALL} the matching rollup rows of the closed months that are,
 * summed per key and currency, ordered and limited in SQL.
 *
 * <p>Tags come from a left join of each line with its resource's row in {@code resource} (live or
 * deleted, by the primary key): {@code coalesce(nullif(line tag, ''), nullif(resource tag, ''),
 * '')}, the rule of {@link CostQuery}.
 */
final class CostQuerySql {
  /** The lines themselves. */
  static final String LINES = "cost_line";

  /**
   * The lines summed per day by every dimension but the resource, equal to the lines at every
   * ingest: for queries that neither group nor filter by resource nor use tags.
   */
  static final String DAYS = "cost_day_rollup";

  private final java.util.function.UnaryOperator<String> substitute;
  private final String schemaSql;
  private final CostQuery query;
  private final List<YearMonth> rollupMonths;
  private final @Nullable CostDimension rollupDimension;
  private final String lineTable;

  /**
   * @param sql the store's {@code {s}} substitution
   * @param rollupMonths whole closed months to answer from rollups of {@code rollupDimension}, or
   *     from {@code month_rollup_detail} when it is null
   * @param lineTable {@link #LINES} or {@link #DAYS}: what the other days are read from
   */
  private CostQuerySql(
      java.util.function.UnaryOperator<String> sql,
      CostQuery query,
      List<YearMonth> rollupMonths,
      @Nullable CostDimension rollupDimension,
      String lineTable) {
    this.query = query;
    this.rollupMonths = rollupMonths;
    this.rollupDimension = rollupDimension;
    this.lineTable = lineTable;
    this.substitute = sql;
    this.schemaSql = sql.apply(text());
  }

  /** The statement over lines only. */
  static CostQuerySql linesOnly(java.util.function.UnaryOperator<String> sql, CostQuery query) {
    return new CostQuerySql(sql, query, List.of(), CostDimension.MONTH, LINES);
  }

  /** The statement over the day rollups only (a query without resource and tags). */
  static CostQuerySql daysOnly(java.util.function.UnaryOperator<String> sql, CostQuery query) {
    return new CostQuerySql(sql, query, List.of(), CostDimension.MONTH, DAYS);
  }

  /**
   * The statement answering {@code rollupMonths} from rollups of {@code dimension}, the other days
   * from {@code lineTable}.
   */
  static CostQuerySql withRollups(
      java.util.function.UnaryOperator<String> sql,
      CostQuery query,
      List<YearMonth> rollupMonths,
      CostDimension dimension,
      String lineTable) {
    return new CostQuerySql(sql, query, rollupMonths, dimension, lineTable);
  }

  /**
   * The statement answering {@code rollupMonths} from {@code month_rollup_detail} (a query without
   * tags and without the DAY dimension), the other days from the lines.
   */
  static CostQuerySql withDetail(
      java.util.function.UnaryOperator<String> sql, CostQuery query, List<YearMonth> rollupMonths) {
    return new CostQuerySql(sql, query, rollupMonths, null, LINES);
  }

  String sql() {
    return schemaSql;
  }

  /** Whether the statement reads {@code cost_line} (else only rollups: thousands of rows). */
  boolean readsLines() {
    return lineTable.equals(LINES) && !lineRanges().isEmpty();
  }

  private boolean subtree() {
    return subtree(query);
  }

  /** Whether {@code query} filters on compartments with their subcompartments. */
  static boolean subtree(CostQuery query) {
    return query.includeSubcompartments() && !query.compartmentIds().isEmpty();
  }

  /** The day ranges whose lines are read: the period without the months read from rollups. */
  private List<Period> lineRanges() {
    if (rollupMonths.isEmpty()) {
      return List.of(query.period());
    }
    List<Period> ranges = new ArrayList<>();
    for (Period piece : query.period().splitByMonth()) {
      if (rollupMonths.contains(YearMonth.from(piece.start()))) {
        continue;
      }
      Period last = ranges.isEmpty() ? null : ranges.get(ranges.size() - 1);
      if (last != null && last.end().equals(piece.start())) {
        ranges.set(ranges.size() - 1, Period.of(last.start(), piece.end()));
      } else {
        ranges.add(piece);
      }
    }
    return ranges;
  }

  private int keys() {
    return query.groupBy().size() + query.groupByTags().size();
  }

  /** The statement of {@link CostStore#aggregate}: the grouped rows, ordered and limited. */
  private String text() {
    StringBuilder sql = new StringBuilder(subtree() ? "with recursive " + subtreeCte() + " " : "");
    sql.append(grouped("")).append(" order by ").append(order());
    if (query.limit() > 0) {
      sql.append(" limit ").append(query.limit());
    }
    return sql.toString();
  }

  /**
   * The statement of {@link CostStore#aggregateTop}: {@link #text()}'s grouped rows numbered in its
   * order (so the first {@code limit} are exactly the rows it keeps), then the first {@code limit}
   * rows ({@code part} 0, by number) and per currency the sums and counts of the others by sign
   * ({@code part} 1, in no order). Columns: part, row number, the keys, currency, the row's amount
   * or the non-negative sum, the non-negative count, the negative sum, the negative count.
   */
  private String topText() {
    int keys = keys();
    StringBuilder sql =
        new StringBuilder(subtree() ? "with recursive " + subtreeCte() + ", " : "with ");
    sql.append("g as (")
        .append(grouped(", row_number() over (order by " + order() + ") as rn"))
        .append(") select 0 as part, rn, ");
    for (int i = 0; i < keys; i++) {
      sql.append("k").append(i).append(", ");
    }
    sql.append(
            "currency, amount, cast(null as bigint), cast(null as numeric), cast(null as bigint)"
                + " from g where rn <= ")
        .append(query.limit())
        .append(" union all select 1, cast(null as bigint), ");
    for (int i = 0; i < keys; i++) {
      sql.append("cast(null as text), ");
    }
    sql.append(
            "currency, coalesce(sum(amount) filter (where amount >= 0), 0), count(*) filter (where"
                + " amount >= 0), coalesce(sum(amount) filter (where amount < 0), 0), count(*)"
                + " filter (where amount < 0) from g where rn > ")
        .append(query.limit())
        .append(" group by currency order by part, rn");
    return sql.toString();
  }

  /**
   * The recursive {@code subtree} CTE of a subtree filter: the given compartments and every live
   * one below them in the stored tree; union (not union all) visits each compartment once, so even
   * a cyclic tree terminates.
   */
  private static String subtreeCte() {
    return "subtree (compartment_id) as (select unnest(cast(:compartments as text[])) union select"
        + " c.compartment_id from {s}.compartment c join subtree t on c.parent_id ="
        + " t.compartment_id where c.account_id = :account_id and c.deleted_at is null)";
  }

  /**
   * The rows summed per key and currency ({@code k0, k1, …, currency, amount}, then {@code extra}),
   * neither ordered nor limited.
   */
  private String grouped(String extra) {
    int keys = keys();
    List<String> parts = new ArrayList<>();
    List<Period> ranges = lineRanges();
    if (!ranges.isEmpty()) {
      parts.add(linesPart(ranges));
    }
    if (!rollupMonths.isEmpty()) {
      parts.add(rollupDimension == null ? detailPart() : rollupPart());
    }
    StringBuilder sql = new StringBuilder("select ");
    for (int i = 0; i < keys; i++) {
      sql.append("k").append(i).append(", ");
    }
    sql.append("currency, sum(cost) as amount")
        .append(extra)
        .append(" from (")
        .append(String.join(" union all ", parts))
        .append(") x group by ");
    for (int i = 1; i <= keys + 1; i++) {
      sql.append(i == 1 ? "" : ", ").append(i);
    }
    return sql.toString();
  }

  /**
   * The order of {@link CostStore#aggregate}: amount descending, keys, currency. The "C" collation
   * makes keys sort like String.compareTo, whatever the database's locale.
   */
  private String order() {
    StringBuilder sql = new StringBuilder("sum(cost) desc");
    for (int i = 0; i < keys(); i++) {
      sql.append(", k").append(i).append(" collate \"C\"");
    }
    return sql.append(", currency collate \"C\"").toString();
  }

  private String linesPart(List<Period> ranges) {
    StringBuilder sql = new StringBuilder("select ");
    int k = 0;
    for (CostDimension d : query.groupBy()) {
      sql.append(MonthClose.keyExpression(d)).append(" as k").append(k++).append(", ");
    }
    for (int t = 0; t < query.groupByTags().size(); t++) {
      sql.append(tagValue("gt" + t)).append(" as k").append(k++).append(", ");
    }
    sql.append("currency, cost from {s}.").append(lineTable);
    if (query.usesTags()) {
      // renamed columns: the line's own columns stay unambiguous
      sql.append(
          " left join (select resource_id as r_id, tags as r_tags from {s}.resource where"
              + " account_id = :account_id) r on r.r_id = resource_id");
    }
    sql.append(" where account_id = :account_id and (");
    for (int i = 0; i < ranges.size(); i++) {
      sql.append(i == 0 ? "" : " or ")
          .append("day >= :start")
          .append(i)
          .append(" and day < :end")
          .append(i);
    }
    sql.append(")");
    appendFilters(sql, query);
    for (int t = 0; t < query.tags().size(); t++) {
      sql.append(" and ").append(tagValue("ft" + t)).append(" = any(:ftv").append(t).append(")");
    }
    return sql.toString();
  }

  /**
   * {@code query}'s filters on the columns lines and the rollups share, as {@code and} clauses
   * (bound by {@link #bindFilters}); its subtree filter reads the {@code subtree} CTE.
   */
  static void appendFilters(StringBuilder sql, CostQuery query) {
    if (!query.services().isEmpty()) {
      sql.append(" and service = any(:services)");
    }
    if (subtree(query)) {
      sql.append(" and compartment_id in (select compartment_id from subtree)");
    } else if (!query.compartmentIds().isEmpty()) {
      sql.append(" and compartment_id = any(:compartments)");
    }
    if (!query.resourceIds().isEmpty()) {
      sql.append(" and resource_id = any(:resources)");
    }
    if (!query.regions().isEmpty()) {
      sql.append(" and region = any(:regions)");
    }
    if (!query.skus().isEmpty()) {
      sql.append(" and sku_part_number = any(:skus)");
    }
  }

  /** The closed months' rows of {@code month_rollup_detail}: every dimension but DAY and tags. */
  private String detailPart() {
    StringBuilder sql = new StringBuilder("select ");
    int k = 0;
    for (CostDimension d : query.groupBy()) {
      sql.append(d == CostDimension.MONTH ? "to_char(month, 'YYYY-MM')" : MonthClose.column(d))
          .append(" as k")
          .append(k++)
          .append(", ");
    }
    sql.append(
        "currency, cost from {s}.month_rollup_detail where account_id = :account_id and month in ("
            + monthParameters("rollup_month", rollupMonths.size())
            + ")");
    appendFilters(sql, query);
    return sql.toString();
  }

  /** The value of the tag key bound as {@code :name} on a line joined with its resource. */
  private static String tagValue(String name) {
    return "coalesce(nullif(tags ->> cast(:"
        + name
        + " as text), ''), nullif(r.r_tags ->> cast(:"
        + name
        + " as text), ''), '')";
  }

  private String rollupPart() {
    CostDimension dimension = java.util.Objects.requireNonNull(rollupDimension);
    StringBuilder sql = new StringBuilder("select ");
    int k = 0;
    for (CostDimension d : query.groupBy()) {
      sql.append(d == CostDimension.MONTH ? "to_char(month, 'YYYY-MM')" : "key")
          .append(" as k")
          .append(k++)
          .append(", ");
    }
    sql.append(
        "currency, cost from {s}.month_rollup where account_id = :account_id and dimension ="
            + " :rollup_dimension and month in ("
            + monthParameters("rollup_month", rollupMonths.size())
            + ")");
    Set<String> filter = CostStore.filterOf(query, dimension);
    if (dimension == CostDimension.COMPARTMENT && subtree()) {
      sql.append(" and key in (select compartment_id from subtree)");
    } else if (!filter.isEmpty()) {
      sql.append(" and key = any(:").append(filterName(dimension)).append(")");
    }
    return sql.toString();
  }

  private static String filterName(CostDimension d) {
    return switch (d) {
      case SERVICE -> "services";
      case COMPARTMENT -> "compartments";
      case RESOURCE -> "resources";
      case REGION -> "regions";
      case SKU -> "skus";
      default -> throw new IllegalArgumentException("no filter on " + d);
    };
  }

  /**
   * Runs the statement on {@code h}, handing each row to {@code rows} as it is read: rows as {@link
   * app.cloudey.spi.CostStore#aggregate}; {@code fetchSize} rows per round trip inside a
   * transaction (0: the driver's default, every row at once).
   */
  void run(
      Handle h,
      String accountId,
      int fetchSize,
      java.util.function.Consumer<? super CostRow> rows) {
    Query q = bind(h.createQuery(schemaSql), accountId);
    if (fetchSize > 0) {
      q.setFetchSize(fetchSize);
    }
    int keys = keys();
    // key values repeat across rows (months, services, compartments): one String per value
    Shared<String> strings = new Shared<>();
    q.map(
            (rs, ctx) -> {
              String[] key = new String[keys];
              for (int i = 0; i < keys; i++) {
                key[i] = strings.of(rs.getString(i + 1));
              }
              return new CostRow(
                  List.of(key),
                  new Money(
                      rs.getBigDecimal(keys + 2), Currency.getInstance(rs.getString(keys + 1))));
            })
        .forEach(rows);
  }

  /** Binds the statement's parameters: the account, day ranges, filters, tags, rollup months. */
  private Query bind(Query q, String accountId) {
    q.bind("account_id", accountId);
    List<Period> ranges = lineRanges();
    for (int i = 0; i < ranges.size(); i++) {
      q.bind("start" + i, ranges.get(i).start()).bind("end" + i, ranges.get(i).end());
    }
    bindFilters(q, query);
    for (int t = 0; t < query.groupByTags().size(); t++) {
      q.bind("gt" + t, query.groupByTags().get(t));
    }
    int t = 0;
    for (Map.Entry<String, Set<String>> filter : query.tags().entrySet()) {
      q.bind("ft" + t, filter.getKey());
      bindSet(q, "ftv" + t, filter.getValue());
      t++;
    }
    if (!rollupMonths.isEmpty()) {
      if (rollupDimension != null) {
        q.bind("rollup_dimension", rollupDimension.name());
      }
      bindMonths(q, "rollup_month", rollupMonths);
    }
    return q;
  }

  /**
   * Runs {@link #topText()} on {@code h}: the answer of {@link CostStore#aggregateTop} for a query
   * with a limit, in one statement; only the first rows and one row per currency cross the wire.
   */
  TopCostRows runTop(Handle h, String accountId) {
    if (query.limit() == 0) {
      throw new IllegalArgumentException("a top statement needs a limit");
    }
    int keys = keys();
    List<CostRow> rows = new ArrayList<>(query.limit());
    List<CostRest> rest = new ArrayList<>();
    for (Object row :
        bind(h.createQuery(substitute.apply(topText())), accountId)
            .map(
                (rs, ctx) -> {
                  Currency currency = Currency.getInstance(rs.getString(keys + 3));
                  if (rs.getInt(1) == 1) {
                    return new CostRest(
                        currency,
                        rs.getBigDecimal(keys + 4),
                        rs.getLong(keys + 5),
                        rs.getBigDecimal(keys + 6),
                        rs.getLong(keys + 7));
                  }
                  String[] key = new String[keys];
                  for (int i = 0; i < keys; i++) {
                    key[i] = rs.getString(i + 3);
                  }
                  return (Object)
                      new CostRow(List.of(key), new Money(rs.getBigDecimal(keys + 4), currency));
                })
            .list()) {
      if (row instanceof CostRow r) {
        rows.add(r);
      } else {
        rest.add((CostRest) row);
      }
    }
    rest.sort(java.util.Comparator.comparing(r -> r.currency().getCurrencyCode()));
    return new TopCostRows(rows, rest);
  }

  /**
   * {@code :prefix0, :prefix1, …}: one date parameter per month. A {@code month = any(cast(:months
   * as date[]))} over a text array hides the months from the planner (the cast is not folded),
   * which then guesses that most of the table matches and scans all of it; with dates it estimates
   * one month's rows and reads them through the primary key (see the README).
   */
  static String monthParameters(String prefix, int months) {
    StringBuilder sql = new StringBuilder();
    for (int i = 0; i < months; i++) {
      sql.append(i == 0 ? ":" : ", :").append(prefix).append(i);
    }
    return sql.toString();
  }

  /** Binds {@link #monthParameters}: each month's first day as a date. */
  static void bindMonths(
      org.jdbi.v3.core.statement.SqlStatement<?> q, String prefix, List<YearMonth> months) {
    for (int i = 0; i < months.size(); i++) {
      q.bind(prefix + i, months.get(i).atDay(1));
    }
  }

  /** Binds the parameters of {@link #appendFilters}. */
  static void bindFilters(Query q, CostQuery query) {
    bindSet(q, "services", query.services());
    bindSet(q, "compartments", query.compartmentIds());
    bindSet(q, "resources", query.resourceIds());
    bindSet(q, "regions", query.regions());
    bindSet(q, "skus", query.skus());
  }

  private static void bindSet(Query q, String name, Set<String> values) {
    if (!values.isEmpty()) {
      q.bindArray(name, String.class, List.copyOf(values));
    }
  }

  /** The first days of the months that lie wholly within the period. */
  static List<LocalDate> wholeMonths(Period period) {
    return period.months().stream()
        .filter(m -> period.contains(Period.month(m)))
        .map(m -> m.atDay(1))
        .toList();
  }
}
