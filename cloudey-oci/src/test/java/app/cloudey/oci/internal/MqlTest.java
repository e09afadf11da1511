package app.cloudey.oci.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MqlTest {

  @Test
  void batchedQueryGroupsByResource() {
    assertThat(
            Mql.hourly(
                "CpuUtilization",
                List.of("ocid1.instance.oc1..a", "ocid1.instance.oc1..b"),
                "mean"))
        .isEqualTo(
            "CpuUtilization[1h]{resourceId =~ \"ocid1.instance.oc1..a|ocid1.instance.oc1..b\"}"
                + ".groupBy(resourceId).mean()");
    assertThatThrownBy(() -> Mql.hourly("CpuUtilization", List.of("a\"b"), "max"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void batchSizeKeepsResponsesUnderOciCaps() {
    // 14 days = 336 hourly points per stream: 100,000 / 336 = 297 resources; configured 50 wins
    assertThat(Mql.batchSize(50, 14 * 24)).isEqualTo(50);
    // 90 days = 2,160 points: 100,000 / 2,160 = 46 (46 x 2,160 = 99,360 <= 100,000)
    assertThat(Mql.batchSize(50, 90 * 24)).isEqualTo(46);
    // 1 day = 24 points: 100,000 / 24 = 4,166, capped by 2,000 streams, then by configured 500
    assertThat(Mql.batchSize(500, 24)).isEqualTo(500);
    assertThat(Mql.batchSize(5000, 24)).isEqualTo(2000);
  }

  @Test
  void batchesAreConsecutiveAndComplete() {
    List<Integer> items = IntStream.range(0, 105).boxed().toList();
    List<List<Integer>> batches = Mql.batches(items, 50);
    assertThat(batches).hasSize(3);
    assertThat(batches.get(0)).hasSize(50).startsWith(0).endsWith(49);
    assertThat(batches.get(2)).containsExactly(100, 101, 102, 103, 104);
  }
}
