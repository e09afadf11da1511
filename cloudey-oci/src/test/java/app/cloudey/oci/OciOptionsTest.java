package app.cloudey.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.cloudey.CloudeyConfigException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class OciOptionsTest {

  @Test
  void defaultsArePublished() {
    OciOptions o = OciOptions.ofDefaults();
    assertThat(o.connectTimeout()).isEqualTo(OciOptions.DEFAULT_CONNECT_TIMEOUT);
    assertThat(o.readTimeout()).isEqualTo(OciOptions.DEFAULT_READ_TIMEOUT);
    assertThat(o.concurrency()).isEqualTo(OciOptions.DEFAULT_CONCURRENCY);
    assertThat(o.rateLimit(OciService.COMPUTE)).isEqualTo(OciOptions.DEFAULT_SERVICE_RATE);
    assertThat(o.rateLimit(OciService.MONITORING)).isEqualTo(10.0);
    assertThat(o.tenancyRateLimit()).isEqualTo(OciOptions.DEFAULT_TENANCY_RATE);
    assertThat(o.retry()).isEqualTo(OciOptions.DEFAULT_RETRY);
    assertThat(o.pageLimit()).isEmpty();
    assertThat(o.endpoints()).isEmpty();
    assertThat(o.httpThreads()).isEqualTo(OciOptions.DEFAULT_HTTP_THREADS);
  }

  @Test
  void builderSetsAndCopies() {
    OciOptions o =
        OciOptions.builder()
            .serviceRateLimit(100)
            .rateLimit(OciService.MONITORING, 5)
            .tenancyRateLimit(300)
            .concurrency(4)
            .pageLimit(50)
            .httpThreads(8)
            .readTimeout(Duration.ofMillis(500))
            .build();
    OciOptions copy = o.toBuilder().concurrency(2).build();
    assertThat(copy.rateLimit(OciService.BLOCK_STORAGE)).isEqualTo(100.0);
    assertThat(copy.rateLimit(OciService.MONITORING)).isEqualTo(5.0);
    assertThat(copy.tenancyRateLimit()).isEqualTo(300.0);
    assertThat(copy.concurrency()).isEqualTo(2);
    assertThat(copy.pageLimit()).contains(50);
    assertThat(copy.httpThreads()).isEqualTo(8);
    assertThat(copy.readTimeout()).isEqualTo(Duration.ofMillis(500));
    assertThat(o.concurrency()).isEqualTo(4);
  }

  @Test
  void rejectsNonsense() {
    assertThatThrownBy(() -> OciOptions.builder().concurrency(0))
        .isInstanceOf(CloudeyConfigException.class)
        .hasMessageContaining("concurrency must be at least 1, was 0");
    assertThatThrownBy(() -> OciOptions.builder().rateLimit(OciService.COMPUTE, 0))
        .hasMessageContaining("rateLimit(COMPUTE) must be a positive number");
    assertThatThrownBy(() -> OciOptions.builder().readTimeout(Duration.ZERO))
        .hasMessageContaining("readTimeout must be positive");
    assertThatThrownBy(() -> OciOptions.builder().pageLimit(0)).hasMessageContaining("pageLimit");
    assertThatThrownBy(() -> OciOptions.builder().httpThreads(0))
        .hasMessageContaining("httpThreads must be at least 1, was 0");
    assertThatThrownBy(
            () ->
                new OciOptions.RetryPolicy(3, Duration.ofSeconds(2), Duration.ofSeconds(1), 2, 0.5))
        .hasMessageContaining("maxBackoff (PT1S) must be >= initialBackoff (PT2S)");
    assertThatThrownBy(
            () ->
                new OciOptions.RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(1), 2, 1.0))
        .hasMessageContaining("jitter");
  }
}
