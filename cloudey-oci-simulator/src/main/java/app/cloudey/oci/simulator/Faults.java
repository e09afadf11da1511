package app.cloudey.oci.simulator;

import java.time.Duration;

/**
 * Fault injection, deterministic and on demand. Faults apply to requests whose signature verified;
 * operations are named as OCI names them ({@code ListInstances}, {@code RequestSummarizedUsages},
 * ...) and {@code "*"} matches every operation. Services are {@code identity, compute,
 * blockstorage, objectstorage, filestorage, database, loadbalancer, usageapi, monitoring}.
 *
 * <p>Errors are answered as OCI answers them ({@code 429 TooManyRequests}, {@code 500
 * InternalServerError}, {@code 503 ServiceUnavailable}, JSON {@code {code, message}}), so the SDK
 * raises the matching {@code BmcException}. Latency is slept on the server's worker thread; the
 * server has a large pool, so injected latency never serialises concurrent requests.
 *
 * <p>Thread-safe. Every method returns {@code this} for chaining.
 *
 * <pre>{@code
 * simulator.faults()
 *     .failNext("ListInstances", 2, 429)     // the next two ListInstances calls get 429
 *     .latency(Duration.ofMillis(20))        // every request
 *     .rateLimit("compute", 100)             // 100 requests/s to compute, 429 beyond
 *     .tenancyRateLimit(300);
 * }</pre>
 */
public interface Faults {

  /**
   * The next {@code count} calls of {@code operation} fail with {@code status} (429, 500 or 503).
   */
  Faults failNext(String operation, int count, int status);

  /**
   * Each call of {@code operation} fails with {@code status} with this probability; the draws come
   * from a generator seeded with the simulator's seed, so a run is repeatable.
   */
  Faults failRandomly(String operation, double probability, int status);

  /**
   * Every call of {@code service} for {@code compartmentId} (query or body) fails with {@code
   * status}.
   */
  Faults failScope(String service, String compartmentId, int status);

  /**
   * Every call of {@code operation} for {@code compartmentId} fails with {@code status}, while the
   * compartment's other calls answer: one permanently broken scope, e.g. {@code
   * failOperationIn("ListInstances", compartmentId, 500)}.
   */
  Faults failOperationIn(String operation, String compartmentId, int status);

  /** Sleep this long before answering every request (simulated network and service latency). */
  Faults latency(Duration latency);

  /** Sleep this long before answering each call of {@code operation} (slow responses). */
  Faults delay(String operation, Duration delay);

  /**
   * The next {@code count} calls of {@code operation} hang for {@code hang} and then get the
   * connection closed without an answer: a client with a shorter read timeout sees a timeout.
   */
  Faults timeoutNext(String operation, int count, Duration hang);

  /**
   * At most {@code requestsPerSecond} to {@code service}; beyond that, 429 (token bucket, burst 1
   * s).
   */
  Faults rateLimit(String service, double requestsPerSecond);

  /** At most {@code requestsPerSecond} over every service of the tenancy; beyond that, 429. */
  Faults tenancyRateLimit(double requestsPerSecond);

  /** Removes every fault, latency and rate limit. Request counts are kept. */
  Faults clear();
}
