package app.cloudey.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import app.cloudey.model.AccountId;
import app.cloudey.model.Period;
import app.cloudey.model.ResourceSkuCost;
import app.cloudey.testkit.junit.PostgresExtension;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * V16 on a database written before it: every per-resource monthly rollup gets the running sums of
 * its cost and quantity at each day with a line, so a window cutting the month reads no line.
 */
class CostDaySumsMigrationIT {
  @RegisterExtension static final PostgresExtension PG = PostgresExtension.create();

  private static final AccountId ACME = AccountId.of("acme");

  @Test
  void rollupsWrittenBeforeV16GetTheirRunningSums() throws SQLException {
    TestDatabase.of(PG).migrateTo("15");
    try (Connection c = TestDatabase.of(PG).dataSource().getConnection();
        Statement s = c.createStatement()) {
      // instance i, OCPU: October 3 (1.25 for 1 h), 10 (two lines, two regions: 2.00 + 0.75 for
      // 2 h + 1 h) and 20 (4.00 for 4 h); memory: October 10 (0.10 for 8 GB h); another
      // account's line on October 10
      s.execute(
          "insert into cloudey.cost_line (account_id, day, service, sku_part_number, sku_name,"
              + " unit, region, compartment_id, resource_id, compartment_path, quantity, cost,"
              + " currency) values"
              + " ('acme', '2026-10-03', 'COMPUTE', 'B1', 'OCPU', 'h', 'r', 'c', 'i', 'p', 1, 1.25,"
              + " 'USD'),"
              + " ('acme', '2026-10-10', 'COMPUTE', 'B1', 'OCPU', 'h', 'r', 'c', 'i', 'p', 2, 2.00,"
              + " 'USD'),"
              + " ('acme', '2026-10-10', 'COMPUTE', 'B1', 'OCPU', 'h', 'r2', 'c', 'i', 'p', 1,"
              + " 0.75, 'USD'),"
              + " ('acme', '2026-10-20', 'COMPUTE', 'B1', 'OCPU', 'h', 'r', 'c', 'i', 'p', 4, 4.00,"
              + " 'USD'),"
              + " ('acme', '2026-10-10', 'COMPUTE', 'B2', 'Memory', 'gbh', 'r', 'c', 'i', 'p', 8,"
              + " 0.10, 'USD'),"
              + " ('other', '2026-10-10', 'COMPUTE', 'B1', 'OCPU', 'h', 'r', 'c', 'i', 'p', 1,"
              + " 9.00, 'USD')");
      // the rollups as the ingest wrote them before V16 (with V11's day mask)
      s.execute(
          "insert into cloudey.cost_resource_month select account_id, date_trunc('month',"
              + " day::timestamp)::date, resource_id, service, sku_part_number, sku_name, unit,"
              + " currency, sum(cost), sum(quantity), min(day), max(day), count(distinct day),"
              + " bit_or(1 << (extract(day from day)::integer - 1)) from cloudey.cost_line where"
              + " resource_id <> '' group by 1, 2, 3, 4, 5, 6, 7, 8");
    }

    try (PostgresStore store = TestDatabase.of(PG).store()) {
      // one element per day with a line, in day order: OCPU 1.25, 1.25 + 2.75, 4.00 + 4.00
      assertThat(runningSums())
          .containsExactly(
              Map.entry("acme B1", "{1.25,4.00,8.00} {1,4,8}"),
              Map.entry("acme B2", "{0.10} {8}"),
              Map.entry("other B1", "{9.00} {1}"));
      // October 4..19: the OCPU's 10th only (4.00 - 1.25 = 2.75 for 3 h), and the memory line
      Currency usd = Currency.getInstance("USD");
      LocalDate tenth = LocalDate.of(2026, 10, 10);
      assertThat(
              store
                  .costs()
                  .resourceCosts(
                      ACME, Period.of(LocalDate.of(2026, 10, 4), LocalDate.of(2026, 10, 20))))
          .containsExactlyInAnyOrder(
              new ResourceSkuCost(
                  "i",
                  "COMPUTE",
                  "B1",
                  "OCPU",
                  "h",
                  usd,
                  new BigDecimal("2.75"),
                  new BigDecimal("3"),
                  tenth,
                  tenth,
                  1),
              new ResourceSkuCost(
                  "i",
                  "COMPUTE",
                  "B2",
                  "Memory",
                  "gbh",
                  usd,
                  new BigDecimal("0.10"),
                  new BigDecimal("8"),
                  tenth,
                  tenth,
                  1));
    }
  }

  private static Map<String, String> runningSums() throws SQLException {
    Map<String, String> sums = new LinkedHashMap<>();
    try (Connection c = TestDatabase.of(PG).dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select account_id || ' ' || sku_part_number, cum_cost::text || ' ' ||"
                    + " cum_quantity::text from cloudey.cost_resource_month order by 1")) {
      while (rs.next()) {
        sums.put(rs.getString(1), rs.getString(2));
      }
    }
    return sums;
  }
}
