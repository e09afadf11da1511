package app.cloudey.store.postgres.internal;

import app.cloudey.model.CostDimension;
import app.cloudey.model.CostQuery;
import app.cloudey.model.CostRow;
import app.cloudey.model.Money;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.function.UnaryOperator;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * One statement answering several {@link CostQuery}s over the same days and filters from the day
 * rollups ({@code cost_day_rollup}), each with its own grouping: one scan of the rows, {@code group
 * by grouping sets}, one grouping set per query. Each query's rows are exactly those of its own
 * {@link CostQuerySql#daysOnly} statement, in the same order: the sets are ordered one after
 * another, and within a set by amount descending, its keys and currency, the other sets' key
 * columns being null there.
 */
final class CostGroupingsSql {
  private final List<CostQuery> queries;
  private final String sql;

  private CostGroupingsSql(UnaryOperator<String> substitute, List<CostQuery> queries) {
    this.queries = queries;
    this.sql = substitute.apply(text());
  }

  /**
   * The statement for {@code queries} when one can answer them all, else null: at least two, each
   * one the day rollups answer alone ({@link PgCostStore#aggregate} reads no closed month's rollup
   * for it) with at least one dimension and no limit, all over the same period with the same
   * filters (and no compartment subtree).
   */
  static @org.jspecify.annotations.Nullable CostGroupingsSql of(
      UnaryOperator<String> substitute, List<CostQuery> queries) {
    if (queries.size() < 2) {
      return null;
    }
    CostQuery first = queries.get(0);
    for (CostQuery q : queries) {
      boolean sameDaysAndFilters =
          q.period().equals(first.period())
              && q.services().equals(first.services())
              && q.compartmentIds().equals(first.compartmentIds())
              && q.includeSubcompartments() == first.includeSubcompartments()
              && q.regions().equals(first.regions())
              && q.skus().equals(first.skus());
      if (!PgCostStore.readsDayRollupsOnly(q)
          || !sameDaysAndFilters
          || CostQuerySql.subtree(q)
          || q.groupBy().isEmpty()
          || q.limit() > 0) {
        return null;
      }
    }
    return new CostGroupingsSql(substitute, List.copyOf(queries));
  }

  String sql() {
    return sql;
  }

  /** The column of query {@code q}'s key {@code k}. */
  private static String column(int q, int k) {
    return "q" + q + "k" + k;
  }

  private String text() {
    StringBuilder columns = new StringBuilder();
    StringBuilder sets = new StringBuilder();
    StringBuilder which = new StringBuilder("case");
    StringBuilder order = new StringBuilder("1, sum(cost) desc");
    StringBuilder source = new StringBuilder("select ");
    for (int q = 0; q < queries.size(); q++) {
      List<CostDimension> groupBy = queries.get(q).groupBy();
      sets.append(q == 0 ? "(" : ", (");
      for (int k = 0; k < groupBy.size(); k++) {
        String column = column(q, k);
        columns.append(column).append(", ");
        sets.append(column).append(", ");
        order.append(", ").append(column).append(" collate \"C\"");
        source
            .append(MonthClose.keyExpression(groupBy.get(k)))
            .append(" as ")
            .append(column)
            .append(", ");
      }
      sets.append("currency)");
      which.append(" when grouping(").append(column(q, 0)).append(") = 0 then ").append(q);
    }
    CostQuery first = queries.get(0);
    source.append(
        "currency, cost from {s}.cost_day_rollup where account_id = :account_id and day >= :start"
            + " and day < :end");
    // no subtree and no resource (see of): the filters the day rollups have columns for
    CostQuerySql.appendFilters(source, first);
    return "select "
        + which
        + " end as query, "
        + columns
        + "currency, sum(cost) as amount from ("
        + source
        + ") x group by grouping sets ("
        + sets
        + ") order by "
        + order
        + ", currency collate \"C\"";
  }

  /** Runs the statement on {@code h}: each query's rows, in the order of the queries. */
  List<List<CostRow>> run(Handle h, String accountId) {
    CostQuery first = queries.get(0);
    Query q =
        h.createQuery(sql)
            .bind("account_id", accountId)
            .bind("start", first.period().start())
            .bind("end", first.period().end());
    CostQuerySql.bindFilters(q, first);
    List<List<CostRow>> rows = new ArrayList<>(queries.size());
    int[] offsets = new int[queries.size()];
    int offset = 2; // after the query's number
    for (int i = 0; i < queries.size(); i++) {
      rows.add(new ArrayList<>());
      offsets[i] = offset;
      offset += queries.get(i).groupBy().size();
    }
    int currencyColumn = offset;
    Shared<String> strings = new Shared<>();
    q.map(
            (rs, ctx) -> {
              int query = rs.getInt(1);
              String[] key = new String[queries.get(query).groupBy().size()];
              for (int k = 0; k < key.length; k++) {
                key[k] = strings.of(rs.getString(offsets[query] + k));
              }
              return java.util.Map.entry(
                  query,
                  new CostRow(
                      List.of(key),
                      new Money(
                          rs.getBigDecimal(currencyColumn + 1),
                          Currency.getInstance(rs.getString(currencyColumn)))));
            })
        .forEach(row -> rows.get(row.getKey()).add(row.getValue()));
    return rows;
  }
}
