package app.cloudey.oci.simulator;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.oracle.bmc.core.ComputeClient;
import com.oracle.bmc.core.requests.ListInstancesRequest;
import com.oracle.bmc.model.BmcException;
import com.oracle.bmc.usageapi.UsageapiClient;
import com.oracle.bmc.usageapi.requests.RequestSummarizedUsagesRequest;
import java.time.LocalDate;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** A well-formed page token with an offset beyond any int is a 400, not an overflow and a 500. */
class ForgedPageTokenTest {
  private static final LocalDate NOW = LocalDate.of(2026, 11, 26);

  /** The simulator's token format (offset * 7919 + 13 in base 36), here for a huge offset. */
  private static String token(long offset) {
    return "sim1-" + Long.toString(offset * 7919 + 13, 36);
  }

  private static void assertInvalidParameter(ThrowingCallable call) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            BmcException.class,
            e -> {
              org.assertj.core.api.Assertions.assertThat(e.getStatusCode()).isEqualTo(400);
              org.assertj.core.api.Assertions.assertThat(e.getServiceCode())
                  .isEqualTo("InvalidParameter");
            });
  }

  @Test
  void hugeOffsetsAreInvalidParameter() {
    try (OciSimulator sim =
            OciSimulator.builder()
                .seed(5)
                .now(NOW)
                .regions(1)
                .compartments(2)
                .instances(10)
                .days(5)
                .pageSize(2)
                .port(0)
                .start();
        ComputeClient compute = Sdk.compute(sim, sim.truth().homeRegion());
        UsageapiClient usage = Sdk.usage(sim)) {
      for (long offset : new long[] {3_000_000_000L, 1_000_000_000_000_000L}) {
        assertInvalidParameter(
            () ->
                compute.listInstances(
                    ListInstancesRequest.builder()
                        .compartmentId(sim.truth().tenancyId())
                        .page(token(offset))
                        .build()));
        assertInvalidParameter(
            () ->
                usage.requestSummarizedUsages(
                    RequestSummarizedUsagesRequest.builder()
                        .requestSummarizedUsagesDetails(
                            UsageIT.daily(sim.truth(), NOW.minusDays(2), NOW).build())
                        .page(token(offset))
                        .build()));
      }
    }
  }
}
