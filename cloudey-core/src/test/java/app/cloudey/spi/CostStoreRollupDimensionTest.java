package app.cloudey.spi;

import static app.cloudey.model.CostDimension.COMPARTMENT;
import static app.cloudey.model.CostDimension.DAY;
import static app.cloudey.model.CostDimension.MONTH;
import static app.cloudey.model.CostDimension.REGION;
import static app.cloudey.model.CostDimension.SERVICE;
import static app.cloudey.model.CostDimension.SKU;
import static app.cloudey.model.CostDimension.SKU_NAME;
import static app.cloudey.spi.CostStore.rollupDimension;
import static org.assertj.core.api.Assertions.assertThat;

import app.cloudey.model.CostQuery;
import app.cloudey.model.Period;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CostStoreRollupDimensionTest {
  private static final CostQuery OCTOBER = CostQuery.of(Period.month(2026, 10));

  @Test
  void oneDimensionBesidesMonthAndNoTagCanComeFromRollups() {
    assertThat(rollupDimension(OCTOBER)).contains(MONTH);
    assertThat(rollupDimension(OCTOBER.groupBy(MONTH))).contains(MONTH);
    assertThat(rollupDimension(OCTOBER.groupBy(DAY))).contains(DAY);
    assertThat(rollupDimension(OCTOBER.groupBy(MONTH, SKU_NAME))).contains(SKU_NAME);
    assertThat(rollupDimension(OCTOBER.services("COMPUTE"))).contains(SERVICE);
    assertThat(rollupDimension(OCTOBER.services("COMPUTE").groupBy(SERVICE, MONTH)))
        .contains(SERVICE);
    assertThat(rollupDimension(OCTOBER.compartmentSubtree("c").groupBy(COMPARTMENT)))
        .contains(COMPARTMENT);
    assertThat(rollupDimension(OCTOBER.skus("B1").groupBy(SKU).top(3))).contains(SKU);
    assertThat(CostStore.filterOf(OCTOBER.regions("r"), REGION)).isEqualTo(Set.of("r"));
  }

  @Test
  void twoDimensionsOrATagNeedTheLines() {
    assertThat(rollupDimension(OCTOBER.groupBy(SERVICE, REGION))).isEmpty();
    assertThat(rollupDimension(OCTOBER.groupBy(SKU, SKU_NAME))).isEmpty();
    assertThat(rollupDimension(OCTOBER.services("COMPUTE").groupBy(DAY))).isEmpty();
    assertThat(rollupDimension(OCTOBER.services("COMPUTE").regions("r"))).isEmpty();
    assertThat(rollupDimension(OCTOBER.groupByTags("env"))).isEmpty();
    assertThat(rollupDimension(OCTOBER.groupBy(SERVICE).tag("env", "prod"))).isEmpty();
  }
}
