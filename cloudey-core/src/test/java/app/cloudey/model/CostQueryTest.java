package app.cloudey.model;

import static app.cloudey.model.CostDimension.COMPARTMENT;
import static app.cloudey.model.CostDimension.SERVICE;
import static app.cloudey.testing.Refusals.refused;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CostQueryTest {
  private static final AccountId ACME = AccountId.of("acme");
  private static final Period OCTOBER = Period.month(2026, 10);

  private static CostLine line(
      String day, String service, String compartment, String resource, String region) {
    return CostLine.builder()
        .accountId(ACME)
        .day(LocalDate.parse(day))
        .service(service)
        .compartmentId(compartment)
        .resourceId(resource)
        .region(region)
        .cost(Money.of("1", "USD"))
        .build();
  }

  @Test
  void ofSumsEverythingInThePeriod() {
    CostQuery query = CostQuery.of(OCTOBER);
    assertThat(query.groupBy()).isEmpty();
    assertThat(query.limit()).isZero();
    assertThat(query.includeSubcompartments()).isFalse();
    assertThat(query.matches(line("2026-10-01", "COMPUTE", "c", "r", "x"))).isTrue();
    assertThat(query.matches(line("2026-10-31", "COMPUTE", "c", "r", "x"))).isTrue();
    assertThat(query.matches(line("2026-11-01", "COMPUTE", "c", "r", "x"))).isFalse();
    assertThat(query.matches(line("2026-09-30", "COMPUTE", "c", "r", "x"))).isFalse();
  }

  @Test
  void everyFilterMustPass() {
    CostQuery query =
        CostQuery.of(OCTOBER)
            .services("COMPUTE", "BLOCK_STORAGE")
            .compartments(Set.of("c1"))
            .resources("r1", "")
            .regions("us-ashburn-1");
    assertThat(query.matches(line("2026-10-05", "COMPUTE", "c1", "r1", "us-ashburn-1"))).isTrue();
    assertThat(query.matches(line("2026-10-05", "COMPUTE", "c1", "", "us-ashburn-1"))).isTrue();
    assertThat(query.matches(line("2026-10-05", "NETWORK", "c1", "r1", "us-ashburn-1"))).isFalse();
    assertThat(query.matches(line("2026-10-05", "COMPUTE", "c2", "r1", "us-ashburn-1"))).isFalse();
    assertThat(query.matches(line("2026-10-05", "COMPUTE", "c1", "r2", "us-ashburn-1"))).isFalse();
    assertThat(query.matches(line("2026-10-05", "COMPUTE", "c1", "r1", "eu-frankfurt-1")))
        .isFalse();
  }

  @Test
  void subtreeAndExactCompartmentFilters() {
    CostQuery subtree = CostQuery.of(OCTOBER).compartmentSubtree("c1");
    assertThat(subtree.includeSubcompartments()).isTrue();
    assertThat(subtree.compartmentIds()).containsExactly("c1");
    CostQuery exact = subtree.compartments(Set.of("c1", "c2"));
    assertThat(exact.includeSubcompartments()).isFalse();
    // the model itself only knows exact ids: matches() never expands a subtree
    assertThat(subtree.matches(line("2026-10-05", "COMPUTE", "c1-child", "r", "x"))).isFalse();
  }

  @Test
  void keepsGroupingOrderAndLimit() {
    CostQuery query = CostQuery.of(OCTOBER).groupBy(COMPARTMENT, SERVICE).top(5);
    assertThat(query.groupBy()).containsExactly(COMPARTMENT, SERVICE);
    assertThat(query.limit()).isEqualTo(5);
    assertThat(query.period(Period.month(2026, 9)).groupBy()).containsExactly(COMPARTMENT, SERVICE);
  }

  @Test
  void refusesBadQueries() {
    refused(() -> CostQuery.of(null), "period must not be null");
    refused(() -> CostQuery.of(OCTOBER).groupBy(SERVICE, SERVICE), "groupBy repeats a dimension");
    refused(() -> CostQuery.of(OCTOBER).groupBy(SERVICE, null), "groupBy must not contain null");
    refused(() -> CostQuery.of(OCTOBER).top(0), "top n must be at least 1, was 0");
    refused(
        () -> new CostQuery(OCTOBER, List.of(), Set.of(), Set.of(), false, Set.of(), Set.of(), -1),
        "limit must not be negative");
  }

  @Test
  void repeatedFilterValuesAreOneValue() {
    // varargs come from user input (e.g. query strings); a repeat is not an error
    assertThat(CostQuery.of(OCTOBER).services("COMPUTE", "COMPUTE").services())
        .containsExactly("COMPUTE");
    assertThat(CostQuery.of(OCTOBER).resources("r", "r").resourceIds()).containsExactly("r");
    assertThat(CostQuery.of(OCTOBER).regions("x", "x").regions()).containsExactly("x");
    assertThat(CostQuery.of(OCTOBER).compartmentSubtree("c", "c").compartmentIds())
        .containsExactly("c");
    refused(
        () -> CostQuery.of(OCTOBER).services("COMPUTE", null), "services must not contain null");
  }
}
