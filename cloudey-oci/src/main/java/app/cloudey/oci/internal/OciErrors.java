package app.cloudey.oci.internal;

import app.cloudey.CloudeyAuthException;
import app.cloudey.CloudeyException;
import app.cloudey.CloudeyNotFoundException;
import app.cloudey.CloudeyProviderException;
import app.cloudey.CloudeyRateLimitedException;
import com.oracle.bmc.model.BmcException;
import java.io.IOException;

/**
 * Which OCI failures are worth retrying, and the translation of {@link BmcException} into Cloudey's
 * exception family at the adapter boundary (the cause and the {@code opc-request-id} kept).
 */
public final class OciErrors {
  private OciErrors() {}

  /**
   * Retry on throttling (429), server errors (500, 502, 503, 504), 409 IncorrectState and on
   * timeouts or connection failures (status -1); never on 400, 401, 403, 404 or our own bugs.
   */
  public static boolean isRetryable(Throwable error) {
    if (!(error instanceof BmcException e)) {
      return false;
    }
    int status = e.getStatusCode();
    if (status == 429 || status == 500 || status == 502 || status == 503 || status == 504) {
      return true;
    }
    if (status == 409) {
      return "IncorrectState".equals(e.getServiceCode());
    }
    return status == -1 && (e.isTimeout() || hasIoCause(e));
  }

  private static boolean hasIoCause(Throwable e) {
    for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
      if (t instanceof IOException || t.getClass().getName().endsWith("ProcessingException")) {
        return true;
      }
    }
    return false;
  }

  /**
   * Translates a failure of {@code operation}.
   *
   * @param authHint what to check when OCI refuses the signature, e.g. naming the user and
   *     fingerprint
   * @param attempts attempts made, mentioned when retries ran out
   */
  public static CloudeyException translate(
      Throwable error, String operation, String authHint, int attempts) {
    if (error instanceof CloudeyException ce) {
      return ce;
    }
    if (!(error instanceof BmcException e)) {
      return new CloudeyProviderException(
          "OCI " + operation + " failed: " + describe(error), -1, error, null);
    }
    String requestId = e.getOpcRequestId();
    int status = e.getStatusCode();
    String what =
        "OCI "
            + operation
            + " failed with "
            + (status == -1 ? "no response" : status + " " + nullToEmpty(e.getServiceCode()))
            + ": "
            + nullToEmpty(e.getUnmodifiedMessage());
    String tries = attempts > 1 ? " after " + attempts + " attempts" : "";
    return switch (status) {
      case 401 ->
          new CloudeyAuthException(
              "OCI refused the request signature for "
                  + operation
                  + " (401 NotAuthenticated): "
                  + authHint,
              e,
              requestId);
      case 403 ->
          new CloudeyAuthException(
              what
                  + " — the user is not allowed to do this: add an IAM policy such as 'Allow"
                  + " group <group> to inspect all-resources in tenancy'",
              e,
              requestId);
      case 404 ->
          new CloudeyNotFoundException(
              what
                  + " — the object does not exist or the user may not read it (check the OCID"
                  + " and the IAM policies)",
              e,
              requestId);
      case 429 ->
          new CloudeyRateLimitedException(
              what
                  + " — OCI throttled the tenancy"
                  + tries
                  + "; retry later or lower the rate"
                  + " limits in OciOptions",
              null,
              e,
              requestId);
      default ->
          new CloudeyProviderException(
              (status == -1 && e.isTimeout() ? what + " (timeout or connection failure)" : what)
                  + tries,
              status,
              e,
              requestId);
    };
  }

  private static String describe(Throwable error) {
    return error.getClass().getSimpleName()
        + (error.getMessage() == null ? "" : ": " + error.getMessage());
  }

  private static String nullToEmpty(@org.jspecify.annotations.Nullable String text) {
    return text == null ? "" : text;
  }
}
