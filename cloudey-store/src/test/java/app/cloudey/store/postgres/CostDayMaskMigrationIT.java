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
 * V11 on a database written before it: every per-resource monthly rollup (V9) gets the mask of the
 * days its lines fall on, so a partial month can be answered as the month minus its excluded days.
 */
class CostDayMaskMigrationIT {
  @RegisterExtension static final PostgresExtension PG = PostgresExtension.create();

  private static final AccountId ACME = AccountId.of("acme");

  @Test
  void rollupsWrittenBeforeV11GetTheirDayMasks() throws SQLException {
    TestDatabase.of(PG).migrateTo("10");
    try (Connection c = TestDatabase.of(PG).dataSource().getConnection();
        Statement s = c.createStatement()) {
      // instance i: October 1, 2 (two lines: two regions), 31 and November 3; volume v: October 30;
      // a line without resource on October 5 (not rolled up per resource); another account's line
      s.execute(
          "insert into cloudey.cost_line (account_id, day, service, sku_part_number, sku_name,"
              + " unit, region, compartment_id, resource_id, compartment_path, quantity, cost,"
              + " currency) values"
              + " ('acme', '2026-10-01', 'COMPUTE', 'B1', 'OCPU', 'h', 'r', 'c', 'i', 'p', 1, 1.00,"
              + " 'USD'),"
              + " ('acme', '2026-10-02', 'COMPUTE', 'B1', 'OCPU', 'h', 'r', 'c', 'i', 'p', 1, 2.00,"
              + " 'USD'),"
              + " ('acme', '2026-10-02', 'COMPUTE', 'B1', 'OCPU', 'h', 'r2', 'c', 'i', 'p', 1, 0.50,"
              + " 'USD'),"
              + " ('acme', '2026-10-31', 'COMPUTE', 'B1', 'OCPU', 'h', 'r', 'c', 'i', 'p', 1, 4.00,"
              + " 'USD'),"
              + " ('acme', '2026-11-03', 'COMPUTE', 'B1', 'OCPU', 'h', 'r', 'c', 'i', 'p', 1, 8.00,"
              + " 'USD'),"
              + " ('acme', '2026-10-30', 'BLOCK_STORAGE', 'B2', 'Vol', 'g', 'r', 'c', 'v', 'p', 1,"
              + " 0.25, 'USD'),"
              + " ('acme', '2026-10-05', 'NETWORK', 'B3', 'Egress', 'g', 'r', 'c', '', 'p', 1, 0.10,"
              + " 'USD'),"
              + " ('other', '2026-10-07', 'COMPUTE', 'B1', 'OCPU', 'h', 'r', 'c', 'i', 'p', 1,"
              + " 1.00, 'USD')");
      // the rollups as V9 and the ingest before V11 wrote them, from those lines
      s.execute(
          "insert into cloudey.cost_resource_month select account_id, date_trunc('month',"
              + " day::timestamp)::date, resource_id, service, sku_part_number, sku_name, unit,"
              + " currency, sum(cost), sum(quantity), min(day), max(day), count(distinct day) from"
              + " cloudey.cost_line where resource_id <> '' group by 1, 2, 3, 4, 5, 6, 7, 8");
      s.execute(
          "insert into cloudey.cost_day_rollup select account_id, day, service,"
              + " sku_part_number, sku_name, region, compartment_id, currency, sum(cost) from"
              + " cloudey.cost_line group by 1, 2, 3, 4, 5, 6, 7, 8");
    }

    try (PostgresStore store = TestDatabase.of(PG).store()) {
      // bit d - 1 for day d: i October 1, 2, 31 = 1 + 2 + 2^30; i November 3 = 4; v October 30 =
      // 2^29; other's i October 7 = 64
      assertThat(masks())
          .containsExactly(
              Map.entry("acme 2026-10-01 i", 1 + 2 + (1 << 30)),
              Map.entry("acme 2026-10-01 v", 1 << 29),
              Map.entry("acme 2026-11-01 i", 4),
              Map.entry("other 2026-10-01 i", 64));
      // October 2..November 2: October without its first day, nothing in November before the 3rd.
      // i: 2.00 + 0.50 + 4.00 = 6.50 on 10-02 and 10-31; v: 0.25 on 10-30
      Currency usd = Currency.getInstance("USD");
      assertThat(
              store
                  .costs()
                  .resourceCosts(
                      ACME, Period.of(LocalDate.of(2026, 10, 2), LocalDate.of(2026, 11, 3))))
          .containsExactlyInAnyOrder(
              new ResourceSkuCost(
                  "i",
                  "COMPUTE",
                  "B1",
                  "OCPU",
                  "h",
                  usd,
                  new BigDecimal("6.50"),
                  new BigDecimal("3"),
                  LocalDate.of(2026, 10, 2),
                  LocalDate.of(2026, 10, 31),
                  2),
              new ResourceSkuCost(
                  "v",
                  "BLOCK_STORAGE",
                  "B2",
                  "Vol",
                  "g",
                  usd,
                  new BigDecimal("0.25"),
                  BigDecimal.ONE,
                  LocalDate.of(2026, 10, 30),
                  LocalDate.of(2026, 10, 30),
                  1));
    }
  }

  private static Map<String, Integer> masks() throws SQLException {
    Map<String, Integer> masks = new LinkedHashMap<>();
    try (Connection c = TestDatabase.of(PG).dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select account_id || ' ' || month || ' ' || resource_id, day_mask from"
                    + " cloudey.cost_resource_month order by 1")) {
      while (rs.next()) {
        masks.put(rs.getString(1), rs.getInt(2));
      }
    }
    return masks;
  }
}
