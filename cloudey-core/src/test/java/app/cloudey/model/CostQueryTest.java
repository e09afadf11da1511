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

  @Test
  void groupByNamesParsesDimensionsInAnySpellingAndTagsAfterThem() {
    CostQuery q =
        CostQuery.of(OCTOBER)
            .groupBy("Service", "sku_name", "SKU", "tag:env", "TAG: Operations.CostCenter");
    assertThat(q.groupBy()).containsExactly(SERVICE, CostDimension.SKU_NAME, CostDimension.SKU);
    assertThat(q.groupByTags()).containsExactly("env", "Operations.CostCenter");
    assertThat(CostQuery.of(OCTOBER).groupBy("sku-name", "compartment").groupBy())
        .containsExactly(CostDimension.SKU_NAME, COMPARTMENT);
    // dimensions replace dimensions, tags replace tags
    CostQuery tagged = CostQuery.of(OCTOBER).groupBy(SERVICE).groupByTags("env");
    assertThat(tagged.groupBy(COMPARTMENT).groupByTags()).containsExactly("env");
    assertThat(tagged.groupBy(COMPARTMENT).groupBy()).containsExactly(COMPARTMENT);
    assertThat(tagged.totalOnly().ungrouped()).isTrue();
    assertThat(tagged.ungrouped()).isFalse();
    assertThat(CostQuery.of(OCTOBER).groupByTags("env").ungrouped()).isFalse();
  }

  @Test
  void badTagsAndGroupByNamesAreRefusedWithWhatToWrite() {
    CostQuery q = CostQuery.of(OCTOBER);
    refused(() -> q.groupBy("tag:"), "names no tag key", "tag:env");
    refused(() -> q.groupBy("tag:  "), "names no tag key");
    refused(() -> q.groupBy("tag:env", "service"), "comes after a tag", "service,tag:env");
    refused(() -> q.groupBy("colour"), "unknown group-by 'colour'", "sku_name", "tag:KEY");
    refused(() -> q.groupBy(""), "group-by name must not be blank");
    refused(() -> q.groupByTags(""), "tag key must be non-blank");
    refused(() -> q.groupByTags(" env"), "without surrounding spaces");
    refused(() -> q.groupByTags("env", "env"), "groupByTags repeats a tag key");
    refused(() -> q.tag("", "prod"), "tag key must be non-blank");
    refused(() -> q.tag("env"), "tag filter 'env' has no values", "selects untagged");
    refused(() -> q.tag("env", (String) null), "must not contain null");
  }

  @Test
  void tagValuesComeFromTheLineElseItsResourceElseUntagged() {
    CostLine tagged =
        line("2026-10-01", "COMPUTE", "c", "r", "x").toBuilder()
            .tags(java.util.Map.of("env", "prod", "empty", ""))
            .build();
    CostLine plain = line("2026-10-01", "COMPUTE", "c", "r", "x");
    CostLine noResource = line("2026-10-01", "NETWORK", "c", "", "x");
    java.util.Map<String, String> resource = java.util.Map.of("env", "dev", "empty", "set");
    assertThat(CostQuery.tagValue("env", tagged, resource)).isEqualTo("prod");
    assertThat(CostQuery.tagValue("empty", tagged, resource)).isEqualTo("set");
    assertThat(CostQuery.tagValue("env", plain, resource)).isEqualTo("dev");
    assertThat(CostQuery.tagValue("env", plain, java.util.Map.of())).isEqualTo(CostQuery.UNTAGGED);
    assertThat(CostQuery.tagValue("env", noResource, resource)).isEqualTo(CostQuery.UNTAGGED);
    CostQuery prod = CostQuery.of(OCTOBER).tag("env", "prod").skus("");
    assertThat(prod.matches(tagged)).isTrue();
    assertThat(prod.matches(plain, resource)).isFalse();
    assertThat(prod.skus("B1").matches(tagged)).isFalse();
    assertThat(CostQuery.of(OCTOBER).tag("env", "").matches(noResource, resource)).isTrue();
  }

  @Test
  void theOldConstructorHasNoSkuOrTags() {
    CostQuery old =
        new CostQuery(OCTOBER, List.of(SERVICE), Set.of(), Set.of(), false, Set.of(), Set.of(), 0);
    assertThat(old).isEqualTo(CostQuery.of(OCTOBER).groupBy(SERVICE));
    assertThat(old.skus()).isEmpty();
    assertThat(old.groupByTags()).isEmpty();
    assertThat(old.tags()).isEmpty();
    assertThat(old.usesTags()).isFalse();
  }
}
