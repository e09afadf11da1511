package app.cloudey.oci.internal;

import app.cloudey.CloudeyException;
import app.cloudey.CloudeyProviderException;
import app.cloudey.oci.OciOptions;
import app.cloudey.oci.OciService;
import app.cloudey.spi.CloudeyListener;
import com.oracle.bmc.model.BmcException;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The one way this adapter calls OCI: every attempt takes a concurrency slot, then a permit from
 * the service's and the tenancy's token bucket (so threads queued for a slot hold no tokens that
 * they would later spend in one burst; a retry backoff never holds a slot); failures that are worth
 * it are retried by resilience4j with exponential backoff and jitter; the final failure is
 * translated into a {@link CloudeyException} carrying the OCI request id. Listener events: one
 * {@code apiCall} per attempt, one {@code retry} per retry. Thread-safe; one instance per connected
 * account, sharing its tenancy's {@link RateLimits} with other connections to the same tenancy.
 */
public final class OciCalls {
  private static final String PROVIDER = "oci";

  private final RateLimits rateLimits;
  private final Semaphore slots;
  private final Retry retry;
  private final int maxAttempts;
  private final CloudeyListener listener;
  private final String authHint;
  private final AtomicInteger calls = new AtomicInteger();

  /**
   * With rate limits of its own.
   *
   * @param authHint what to check when OCI answers 401 (names the user and key fingerprint)
   */
  public OciCalls(OciOptions options, String authHint) {
    this(options, new RateLimits(options), authHint);
  }

  /**
   * @param rateLimits the tenancy's limits, shared by every connection to it
   * @param authHint what to check when OCI answers 401 (names the user and key fingerprint)
   */
  public OciCalls(OciOptions options, RateLimits rateLimits, String authHint) {
    this.rateLimits = rateLimits;
    this.slots = new Semaphore(options.concurrency(), true);
    this.listener = options.listener();
    this.authHint = authHint;
    OciOptions.RetryPolicy policy = options.retry();
    this.maxAttempts = policy.maxAttempts();
    IntervalFunction backoff =
        policy.maxAttempts() == 1
            ? IntervalFunction.of(Duration.ofMillis(1))
            : IntervalFunction.ofExponentialRandomBackoff(
                policy.initialBackoff(), policy.multiplier(), policy.jitter(), policy.maxBackoff());
    this.retry =
        Retry.of(
            "oci",
            RetryConfig.custom()
                .maxAttempts(policy.maxAttempts())
                .intervalFunction(backoff)
                .retryOnException(OciErrors::isRetryable)
                .failAfterMaxAttempts(false)
                .writableStackTraceEnabled(false)
                .build());
  }

  /**
   * Calls OCI with retries, rate limits and bounded concurrency.
   *
   * @param operation OCI operation name for messages and events, e.g. {@code ListInstances}
   * @throws CloudeyException the call failed for good: {@link app.cloudey.CloudeyAuthException}
   *     (401/403), {@link app.cloudey.CloudeyNotFoundException} (404), {@link
   *     app.cloudey.CloudeyRateLimitedException} (429 after every retry), {@link
   *     CloudeyProviderException} (5xx, timeouts, other statuses)
   */
  public <T> T call(OciService service, String operation, Supplier<T> call) {
    AtomicInteger attempt = new AtomicInteger();
    Supplier<T> oneAttempt = () -> attempt(service, operation, call, attempt.incrementAndGet());
    try {
      return Retry.decorateSupplier(retry, oneAttempt).get();
    } catch (RuntimeException e) {
      throw OciErrors.translate(e, operation, authHint, attempt.get());
    }
  }

  /** Attempts made so far by this account's connection (every retry counts). */
  public int callCount() {
    return calls.get();
  }

  private <T> T attempt(OciService service, String operation, Supplier<T> call, int attempt) {
    // slot first, then token: a token taken while queueing for a slot would be spent later in a
    // burst with every other queued thread's token, defeating the rate limit's smoothing
    try {
      slots.acquire();
    } catch (InterruptedException e) {
      throw interrupted(operation, e);
    }
    try {
      rateLimits.acquire(service);
    } catch (InterruptedException e) {
      slots.release();
      throw interrupted(operation, e);
    }
    long start = System.nanoTime();
    calls.incrementAndGet();
    T result;
    try {
      result = call.get();
    } catch (RuntimeException e) {
      slots.release();
      int status = e instanceof BmcException b ? b.getStatusCode() : -1;
      event(operation, status, start);
      if (attempt < maxAttempts && OciErrors.isRetryable(e)) {
        safely(() -> listener.retry(PROVIDER, operation, attempt, e));
      }
      throw e;
    }
    slots.release();
    event(operation, 200, start);
    return result;
  }

  private static CloudeyProviderException interrupted(String operation, InterruptedException e) {
    Thread.currentThread().interrupt();
    return new CloudeyProviderException(
        "interrupted while waiting to call OCI " + operation, -1, e, null);
  }

  private void event(String operation, int status, long start) {
    Duration latency = Duration.ofNanos(System.nanoTime() - start);
    safely(() -> listener.apiCall(PROVIDER, operation, status, latency));
  }

  /** A listener's exception never fails a call. */
  private static void safely(Runnable event) {
    try {
      event.run();
    } catch (RuntimeException ignored) {
      // listeners are best effort by contract
    }
  }
}
