package app.cloudey.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import app.cloudey.model.AccountId;
import app.cloudey.model.CostDimension;
import app.cloudey.model.CostRow;
import app.cloudey.model.Money;
import app.cloudey.model.MonthFreshness;
import app.cloudey.model.MonthStatus;
import app.cloudey.model.Period;
import app.cloudey.testkit.junit.PostgresExtension;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * V8 on a database written before it: a month closed earlier gets its SKU_NAME rollups from its
 * lines, and months ingested earlier have no known refresh time.
 */
class CostQueriesMigrationIT {
  @RegisterExtension static final PostgresExtension PG = PostgresExtension.create();

  private static final AccountId ACME = AccountId.of("acme");
  private static final YearMonth OCTOBER = YearMonth.of(2026, 10);

  @Test
  void monthsClosedBeforeV8GetSkuNameRollups() throws SQLException {
    TestDatabase.of(PG).migrateTo("6");
    try (Connection c = TestDatabase.of(PG).dataSource().getConnection();
        Statement s = c.createStatement()) {
      // October closed with three lines under two SKU names, one in EUR; a line of November
      s.execute(
          "insert into cloudey.cost_line (account_id, day, service, sku_part_number, sku_name,"
              + " unit, region, compartment_id, resource_id, compartment_path, quantity, cost,"
              + " currency) values"
              + " ('acme', '2026-10-01', 'COMPUTE', 'B1', 'OCPU', 'h', 'r', 'c', 'i', 'p', 1, 3.00,"
              + " 'USD'),"
              + " ('acme', '2026-10-31', 'COMPUTE', 'B1', 'OCPU', 'h', 'r', 'c', 'i', 'p', 1, 1.50,"
              + " 'USD'),"
              + " ('acme', '2026-10-02', 'NETWORK', 'B2', 'Egress', 'g', 'r', 'c', '', 'p', 1, 0.25,"
              + " 'EUR'),"
              + " ('acme', '2026-11-01', 'COMPUTE', 'B1', 'OCPU', 'h', 'r', 'c', 'i', 'p', 1, 9.00,"
              + " 'USD')");
      s.execute(
          "insert into cloudey.month_status (account_id, month, status, closed_at, lines) values"
              + " ('acme', '2026-10-01', 'CLOSED', '2026-11-06T02:00:00Z', 3)");
    }

    try (PostgresStore store = TestDatabase.of(PG).store()) {
      // OCPU 3.00 + 1.50 (November's 9.00 left out), Egress 0.25 EUR
      assertThat(store.costs().rollups(ACME, OCTOBER, CostDimension.SKU_NAME))
          .containsExactly(
              new CostRow(List.of("OCPU"), Money.of("4.5", "USD")),
              new CostRow(List.of("Egress"), Money.of("0.25", "EUR")));
      assertThat(store.costs().freshness(ACME, Period.month(OCTOBER), OCTOBER.plusMonths(1)))
          .containsExactly(new MonthFreshness(OCTOBER, MonthStatus.CLOSED, null));
    }
  }
}
