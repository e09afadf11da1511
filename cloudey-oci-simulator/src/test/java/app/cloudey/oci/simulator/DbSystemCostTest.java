package app.cloudey.oci.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.oracle.bmc.database.DatabaseClient;
import com.oracle.bmc.database.model.DbSystemSummary;
import com.oracle.bmc.database.requests.ListDbSystemsRequest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;

/** DB systems bill at the list price of their edition's SKU, checked by hand for one day. */
class DbSystemCostTest {
  // Oracle Base Database Service per OCPU hour, bundled prices_usd.json
  private static final BigDecimal STANDARD = new BigDecimal("0.215"); // B90569
  private static final BigDecimal ENTERPRISE = new BigDecimal("0.4301"); // B90570

  @Test
  void eachEditionBillsOnItsOwnSku() {
    LocalDate now = LocalDate.of(2026, 11, 26);
    LocalDate day = now.minusDays(2);
    Date dayStart = Date.from(day.atStartOfDay(ZoneOffset.UTC).toInstant());
    try (OciSimulator sim =
        OciSimulator.builder()
            .seed(7)
            .now(now)
            .regions(1)
            .compartments(3)
            .instances(50)
            .days(10)
            .pageSize(5)
            .port(0)
            .start()) {
      Truth truth = sim.truth();
      List<DbSystemSummary> all = new ArrayList<>();
      try (DatabaseClient db = Sdk.database(sim, truth.homeRegion())) {
        for (String c : truth.compartmentIds()) {
          all.addAll(
              Sdk.all(
                  p ->
                      db.listDbSystems(
                          ListDbSystemsRequest.builder().compartmentId(c).page(p).build()),
                  r -> r.getItems(),
                  r -> r.getOpcNextPage()));
        }
      }
      int standard = 0;
      int enterprise = 0;
      for (DbSystemSummary d : all) {
        if (!d.getTimeCreated().before(dayStart)) {
          continue; // only whole days: 24 billed hours
        }
        boolean se = d.getDatabaseEdition() == DbSystemSummary.DatabaseEdition.StandardEdition;
        BigDecimal perHour = se ? STANDARD : ENTERPRISE;
        BigDecimal expected = perHour.multiply(BigDecimal.valueOf(24L * d.getCpuCoreCount()));
        assertThat(truth.cost(d.getId(), day))
            .as("%s %s, %d OCPUs", d.getId(), d.getDatabaseEdition(), d.getCpuCoreCount())
            .isEqualByComparingTo(expected);
        if (se) {
          standard++;
        } else {
          enterprise++;
        }
      }
      assertThat(standard).isPositive();
      assertThat(enterprise).isPositive();
    }
  }
}
