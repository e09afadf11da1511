package app.cloudey.model;

import static app.cloudey.testing.Refusals.refused;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CostLineTest {
  private static final AccountId ACME = AccountId.of("acme");
  private static final LocalDate DAY = LocalDate.parse("2026-10-05");

  private static CostLine.Builder line() {
    return CostLine.builder()
        .accountId(ACME)
        .day(DAY)
        .service("COMPUTE")
        .skuPartNumber("B97384")
        .skuName("Compute - Standard - E4 - OCPU")
        .unit("OCPU Per Hour")
        .quantity(new BigDecimal("24"))
        .cost(Money.of("0.600", "USD"))
        .region("us-ashburn-1")
        .compartmentId("ocid1.compartment.oc1..prod")
        .compartmentPath("root/prod")
        .resourceId("ocid1.instance.oc1..web1");
  }

  @Test
  void optionalDimensionsDefaultToEmptyNeverNull() {
    CostLine minimal =
        CostLine.builder()
            .accountId(ACME)
            .day(DAY)
            .service("NETWORK")
            .cost(Money.of("1", "USD"))
            .build();
    assertThat(minimal.skuPartNumber()).isEmpty();
    assertThat(minimal.skuName()).isEmpty();
    assertThat(minimal.unit()).isEmpty();
    assertThat(minimal.region()).isEmpty();
    assertThat(minimal.compartmentId()).isEmpty();
    assertThat(minimal.compartmentPath()).isEmpty();
    assertThat(minimal.resourceId()).isEmpty();
    assertThat(minimal.hasResource()).isFalse();
    assertThat(minimal.quantity()).isSameAs(BigDecimal.ZERO);
    assertThat(minimal.tags()).isEmpty();
    assertThat(minimal.unitPrice()).isNull();
    CostLine viaConstructor =
        new CostLine(
            ACME,
            DAY,
            "NETWORK",
            null,
            null,
            null,
            null,
            Money.of("1", "USD"),
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null);
    assertThat(viaConstructor).isEqualTo(minimal);
  }

  @Test
  void namesTheMissingField() {
    refused(() -> line().accountId(null).build(), "accountId must not be null");
    refused(() -> line().day(null).build(), "day must not be null");
    refused(() -> line().service(" ").build(), "service must not be null or blank");
    refused(() -> line().cost(null).build(), "cost must not be null");
    Map<String, String> badTags = new HashMap<>();
    badTags.put("env", null);
    refused(() -> line().tags(badTags).build(), "tags must not contain null keys or values");
  }

  @Test
  void normalisesTextAndNumbers() {
    CostLine trimmed =
        line()
            .service(" COMPUTE ")
            .resourceId(" ocid1.instance.oc1..web1 ")
            .quantity(new BigDecimal("24.000"))
            .unitPrice(new BigDecimal("0.0250"))
            .build();
    assertThat(trimmed.service()).isEqualTo("COMPUTE"); // else " COMPUTE" would be another key
    assertThat(trimmed.resourceId()).isEqualTo("ocid1.instance.oc1..web1");
    assertThat(trimmed.hasResource()).isTrue();
    assertThat(trimmed.quantity()).isEqualTo(new BigDecimal("24"));
    assertThat(trimmed.unitPrice()).isEqualTo(new BigDecimal("0.025"));
    assertThat(trimmed.cost()).isEqualTo(Money.of("0.6", "USD"));
    assertThat(trimmed).isEqualTo(line().unitPrice(new BigDecimal("0.025")).build());
  }

  @Test
  void creditsAreNegativeLines() {
    CostLine credit = line().cost(Money.of("-12.50", "USD")).quantity(new BigDecimal("-1")).build();
    assertThat(credit.cost().isNegative()).isTrue();
  }

  @Test
  void theKeyIsEveryDimensionPlusTheDay() {
    CostLine base = line().build();
    // amounts, the derived path and the reported prices are not part of the key
    assertThat(
            line()
                .cost(Money.of("9", "USD"))
                .quantity(BigDecimal.ONE)
                .compartmentPath("root/renamed")
                .unitPrice(BigDecimal.TEN)
                .listRate(BigDecimal.TEN)
                .discount(BigDecimal.ONE)
                .build()
                .key())
        .isEqualTo(base.key());
    assertThat(line().day(DAY.plusDays(1)).build().key()).isNotEqualTo(base.key());
    assertThat(line().resourceId("").build().key()).isNotEqualTo(base.key());
    assertThat(line().skuPartNumber("B91962").build().key()).isNotEqualTo(base.key());
    assertThat(line().region("eu-frankfurt-1").build().key()).isNotEqualTo(base.key());
    assertThat(line().compartmentId("other").build().key()).isNotEqualTo(base.key());
    assertThat(line().unit("GB").build().key()).isNotEqualTo(base.key());
    assertThat(line().accountId(AccountId.of("other")).build().key()).isNotEqualTo(base.key());
  }

  @Test
  void toBuilderRoundTrips() {
    CostLine full = line().tags(Map.of("env", "prod")).listRate(new BigDecimal("0.03")).build();
    assertThat(full.toBuilder().build()).isEqualTo(full);
  }

  @Test
  void dimensionsReadTheirValue() {
    CostLine l = line().build();
    assertThat(CostDimension.DAY.valueOf(l)).isEqualTo("2026-10-05");
    assertThat(CostDimension.MONTH.valueOf(l)).isEqualTo("2026-10");
    assertThat(CostDimension.SERVICE.valueOf(l)).isEqualTo("COMPUTE");
    assertThat(CostDimension.SKU.valueOf(l)).isEqualTo("B97384");
    assertThat(CostDimension.REGION.valueOf(l)).isEqualTo("us-ashburn-1");
    assertThat(CostDimension.COMPARTMENT.valueOf(l)).isEqualTo("ocid1.compartment.oc1..prod");
    assertThat(CostDimension.RESOURCE.valueOf(l)).isEqualTo("ocid1.instance.oc1..web1");
    assertThat(CostDimension.RESOURCE.valueOf(line().resourceId(null).build())).isEmpty();
  }
}
