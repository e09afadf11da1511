package app.cloudey.oci.internal;

import static org.assertj.core.api.Assertions.assertThat;

import app.cloudey.CloudeyAuthException;
import app.cloudey.CloudeyException;
import app.cloudey.CloudeyNotFoundException;
import app.cloudey.CloudeyProviderException;
import app.cloudey.CloudeyRateLimitedException;
import com.oracle.bmc.model.BmcException;
import java.net.SocketTimeoutException;
import org.junit.jupiter.api.Test;

class OciErrorsTest {

  private static BmcException status(int status, String code) {
    return new BmcException(status, code, "message from OCI", "req-" + status);
  }

  @Test
  void retriesThrottlingServerErrorsAndTimeoutsOnly() {
    assertThat(OciErrors.isRetryable(status(429, "TooManyRequests"))).isTrue();
    assertThat(OciErrors.isRetryable(status(500, "InternalServerError"))).isTrue();
    assertThat(OciErrors.isRetryable(status(502, "BadGateway"))).isTrue();
    assertThat(OciErrors.isRetryable(status(503, "ServiceUnavailable"))).isTrue();
    assertThat(OciErrors.isRetryable(status(504, "GatewayTimeout"))).isTrue();
    assertThat(OciErrors.isRetryable(status(409, "IncorrectState"))).isTrue();
    assertThat(OciErrors.isRetryable(status(409, "Conflict"))).isFalse();
    assertThat(OciErrors.isRetryable(status(400, "InvalidParameter"))).isFalse();
    assertThat(OciErrors.isRetryable(status(401, "NotAuthenticated"))).isFalse();
    assertThat(OciErrors.isRetryable(status(403, "NotAllowed"))).isFalse();
    assertThat(OciErrors.isRetryable(status(404, "NotAuthorizedOrNotFound"))).isFalse();
    assertThat(
            OciErrors.isRetryable(
                new BmcException(true, "read timed out", new SocketTimeoutException(), "r")))
        .isTrue();
    assertThat(OciErrors.isRetryable(new IllegalStateException("our bug"))).isFalse();
  }

  @Test
  void translatesByStatusKeepingCauseAndRequestId() {
    CloudeyException auth =
        OciErrors.translate(status(401, "NotAuthenticated"), "ListInstances", "check the key", 1);
    assertThat(auth)
        .isInstanceOf(CloudeyAuthException.class)
        .hasMessageContaining("refused the request signature for ListInstances (401")
        .hasMessageContaining("check the key")
        .hasMessageContaining("request id req-401");
    assertThat(auth.requestId()).contains("req-401");
    assertThat(auth.getCause()).isInstanceOf(BmcException.class);

    assertThat(OciErrors.translate(status(403, "NotAllowed"), "GetBucket", "", 1))
        .isInstanceOf(CloudeyAuthException.class)
        .hasMessageContaining("IAM policy");
    assertThat(OciErrors.translate(status(404, "NotAuthorizedOrNotFound"), "GetBucket", "", 1))
        .isInstanceOf(CloudeyNotFoundException.class);
    CloudeyException limited =
        OciErrors.translate(status(429, "TooManyRequests"), "ListVolumes", "", 6);
    assertThat(limited)
        .isInstanceOf(CloudeyRateLimitedException.class)
        .hasMessageContaining("after 6 attempts");
    CloudeyException server =
        OciErrors.translate(status(503, "ServiceUnavailable"), "ListVolumes", "", 6);
    assertThat(server).isInstanceOf(CloudeyProviderException.class);
    assertThat(((CloudeyProviderException) server).status()).isEqualTo(503);
    CloudeyException timeout =
        OciErrors.translate(
            new BmcException(true, "Read timed out", new SocketTimeoutException(), "req-t"),
            "ListVolumes",
            "",
            3);
    assertThat(timeout).hasMessageContaining("timeout or connection failure");
    assertThat(((CloudeyProviderException) timeout).status()).isEqualTo(-1);
    assertThat(timeout.requestId()).contains("req-t");
  }
}
