package app.cloudey.oci;

import app.cloudey.CloudeyConfigException;
import app.cloudey.spi.CloudeyListener;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * How {@link OciCloud} calls OCI: timeouts, bounded concurrency, client-side rate limits (one token
 * bucket per {@link OciService} plus one for the whole tenancy, each retry attempt taking a permit
 * from both), retries with exponential backoff and jitter, page and batch sizes, and a listener for
 * call and retry events.
 *
 * <p>Immutable and thread-safe. The limits apply per tenancy, which is how OCI throttles: every
 * connection to one tenancy made through the same {@link OciCloud} shares them. OCI publishes no
 * per-service limits except Monitoring's 10 requests per second, so the defaults are conservative;
 * raise them when your tenancy allows.
 *
 * <pre>{@code
 * OciOptions options = OciOptions.builder()
 *     .readTimeout(Duration.ofSeconds(30))
 *     .rateLimit(OciService.COMPUTE, 50)
 *     .retry(new OciOptions.RetryPolicy(8, Duration.ofMillis(200), Duration.ofSeconds(20), 2.0, 0.5))
 *     .build();
 * CloudProvider oci = OciCloud.create(options);
 * }</pre>
 */
public final class OciOptions {
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
  public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(60);

  /** Calls in flight per account at most. */
  public static final int DEFAULT_CONCURRENCY = 16;

  /** Requests per second per service (except Monitoring). */
  public static final double DEFAULT_SERVICE_RATE = 20;

  /** Monitoring's documented limit for SummarizeMetricsData: 10 requests per second per tenancy. */
  public static final double DEFAULT_MONITORING_RATE = 10;

  /** Requests per second across every service of one tenancy. */
  public static final double DEFAULT_TENANCY_RATE = 50;

  /** Retry on 429, 5xx, 409 IncorrectState and timeouts: 6 attempts, 250 ms doubling to 20 s. */
  public static final RetryPolicy DEFAULT_RETRY =
      new RetryPolicy(6, Duration.ofMillis(250), Duration.ofSeconds(20), 2.0, 0.5);

  /** Resources per Monitoring query (a {@code resourceId =~ "a|b|..."} batch). */
  public static final int DEFAULT_METRIC_BATCH_SIZE = 50;

  /** Threads carrying HTTP calls, shared by every connection of one {@link OciCloud}. */
  public static final int DEFAULT_HTTP_THREADS = 64;

  private static final OciOptions DEFAULTS = builder().build();

  private final Duration connectTimeout;
  private final Duration readTimeout;
  private final int concurrency;
  private final Map<OciService, Double> rateLimits;
  private final double tenancyRateLimit;
  private final RetryPolicy retry;
  private final int metricBatchSize;
  private final int httpThreads;
  private final @Nullable Integer pageLimit;
  private final CloudeyListener listener;
  private final OciConfig.@Nullable EndpointOverride endpoints;

  private OciOptions(Builder b) {
    this.connectTimeout = b.connectTimeout;
    this.readTimeout = b.readTimeout;
    this.concurrency = b.concurrency;
    this.rateLimits = Map.copyOf(b.rateLimits);
    this.tenancyRateLimit = b.tenancyRateLimit;
    this.retry = b.retry;
    this.metricBatchSize = b.metricBatchSize;
    this.httpThreads = b.httpThreads;
    this.pageLimit = b.pageLimit;
    this.listener = b.listener;
    this.endpoints = b.endpoints;
  }

  /** The defaults: every {@code DEFAULT_*} constant. */
  public static OciOptions ofDefaults() {
    return DEFAULTS;
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.connectTimeout = connectTimeout;
    b.readTimeout = readTimeout;
    b.concurrency = concurrency;
    b.rateLimits.putAll(rateLimits);
    b.tenancyRateLimit = tenancyRateLimit;
    b.retry = retry;
    b.metricBatchSize = metricBatchSize;
    b.httpThreads = httpThreads;
    b.pageLimit = pageLimit;
    b.listener = listener;
    b.endpoints = endpoints;
    return b;
  }

  public Duration connectTimeout() {
    return connectTimeout;
  }

  public Duration readTimeout() {
    return readTimeout;
  }

  public int concurrency() {
    return concurrency;
  }

  /** Requests per second allowed to one service of one tenancy. */
  public double rateLimit(OciService service) {
    return rateLimits.get(service);
  }

  public double tenancyRateLimit() {
    return tenancyRateLimit;
  }

  public RetryPolicy retry() {
    return retry;
  }

  public int metricBatchSize() {
    return metricBatchSize;
  }

  public int httpThreads() {
    return httpThreads;
  }

  /** The {@code limit} sent with list calls; empty means the service's default page size. */
  public Optional<Integer> pageLimit() {
    return Optional.ofNullable(pageLimit);
  }

  public CloudeyListener listener() {
    return listener;
  }

  /**
   * Endpoint overrides for accounts whose {@link OciConfig} has none, e.g. a simulator shared by
   * every account. Needed when accounts come back from a store as {@link app.cloudey.Credentials},
   * which cannot carry code.
   */
  public Optional<OciConfig.EndpointOverride> endpoints() {
    return Optional.ofNullable(endpoints);
  }

  @Override
  public String toString() {
    return "OciOptions[connectTimeout="
        + connectTimeout
        + ", readTimeout="
        + readTimeout
        + ", concurrency="
        + concurrency
        + ", rateLimits="
        + new EnumMap<>(rateLimits)
        + ", tenancyRateLimit="
        + tenancyRateLimit
        + ", retry="
        + retry
        + ", metricBatchSize="
        + metricBatchSize
        + ", httpThreads="
        + httpThreads
        + ", pageLimit="
        + pageLimit
        + "]";
  }

  /**
   * Retries of failed calls (429, 5xx, 409 IncorrectState, timeouts and connection failures; never
   * 400/401/403/404): waits {@code initialBackoff × multiplier^(attempt-1)}, capped at {@code
   * maxBackoff}, randomised by ± {@code jitter} (a fraction).
   *
   * @param maxAttempts attempts in total, 1 = no retry
   * @param initialBackoff wait before the second attempt
   * @param maxBackoff longest wait between attempts
   * @param multiplier growth of the wait per attempt, at least 1
   * @param jitter randomisation factor, 0 to 1
   */
  public record RetryPolicy(
      int maxAttempts,
      Duration initialBackoff,
      Duration maxBackoff,
      double multiplier,
      double jitter) {
    public RetryPolicy {
      require(maxAttempts >= 1, "retry maxAttempts must be at least 1, was " + maxAttempts);
      positive(initialBackoff, "retry initialBackoff");
      positive(maxBackoff, "retry maxBackoff");
      require(
          maxBackoff.compareTo(initialBackoff) >= 0,
          "retry maxBackoff ("
              + maxBackoff
              + ") must be >= initialBackoff ("
              + initialBackoff
              + ")");
      require(multiplier >= 1.0, "retry multiplier must be >= 1, was " + multiplier);
      require(jitter >= 0 && jitter < 1, "retry jitter must be in [0, 1), was " + jitter);
    }

    /** A single attempt: failures surface at once. */
    public static RetryPolicy none() {
      return new RetryPolicy(1, Duration.ofMillis(1), Duration.ofMillis(1), 1.0, 0);
    }
  }

  /** Builder for {@link OciOptions}; every setter validates at once and names the bad value. */
  public static final class Builder {
    private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
    private Duration readTimeout = DEFAULT_READ_TIMEOUT;
    private int concurrency = DEFAULT_CONCURRENCY;
    private final Map<OciService, Double> rateLimits = new EnumMap<>(OciService.class);
    private double tenancyRateLimit = DEFAULT_TENANCY_RATE;
    private RetryPolicy retry = DEFAULT_RETRY;
    private int metricBatchSize = DEFAULT_METRIC_BATCH_SIZE;
    private int httpThreads = DEFAULT_HTTP_THREADS;
    private @Nullable Integer pageLimit;
    private CloudeyListener listener = CloudeyListener.NOOP;
    private OciConfig.@Nullable EndpointOverride endpoints;

    private Builder() {
      for (OciService service : OciService.values()) {
        rateLimits.put(
            service,
            service == OciService.MONITORING ? DEFAULT_MONITORING_RATE : DEFAULT_SERVICE_RATE);
      }
    }

    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = positive(connectTimeout, "connectTimeout");
      return this;
    }

    public Builder readTimeout(Duration readTimeout) {
      this.readTimeout = positive(readTimeout, "readTimeout");
      return this;
    }

    /** Calls in flight per account at most (retry waits do not hold a slot). */
    public Builder concurrency(int concurrency) {
      require(concurrency >= 1, "concurrency must be at least 1, was " + concurrency);
      this.concurrency = concurrency;
      return this;
    }

    /** Requests per second to one service, e.g. {@code rateLimit(MONITORING, 10)}. */
    public Builder rateLimit(OciService service, double requestsPerSecond) {
      require(service != null, "rateLimit service must not be null");
      this.rateLimits.put(service, rate(requestsPerSecond, "rateLimit(" + service + ")"));
      return this;
    }

    /** The same limit for every service except Monitoring. */
    public Builder serviceRateLimit(double requestsPerSecond) {
      double rate = rate(requestsPerSecond, "serviceRateLimit");
      for (OciService service : OciService.values()) {
        if (service != OciService.MONITORING) {
          rateLimits.put(service, rate);
        }
      }
      return this;
    }

    /** Requests per second across all services of the tenancy. */
    public Builder tenancyRateLimit(double requestsPerSecond) {
      this.tenancyRateLimit = rate(requestsPerSecond, "tenancyRateLimit");
      return this;
    }

    public Builder retry(RetryPolicy retry) {
      require(retry != null, "retry must not be null; use RetryPolicy.none() for no retries");
      this.retry = retry;
      return this;
    }

    /** Resources per Monitoring query, 1 to 500. */
    public Builder metricBatchSize(int metricBatchSize) {
      require(
          metricBatchSize >= 1 && metricBatchSize <= 500,
          "metricBatchSize must be 1-500, was " + metricBatchSize);
      this.metricBatchSize = metricBatchSize;
      return this;
    }

    /**
     * Threads that carry HTTP calls (the SDK runs each call on one), shared by every connection of
     * the {@link OciCloud} built with these options, so the thread count does not grow with the
     * accounts; calls beyond them wait for a free thread. Idle threads end after half a minute.
     * Give at least {@link #concurrency} per account expected to sync at once.
     */
    public Builder httpThreads(int httpThreads) {
      require(httpThreads >= 1, "httpThreads must be at least 1, was " + httpThreads);
      this.httpThreads = httpThreads;
      return this;
    }

    /** The {@code limit} sent with list calls (1-1000); null for the service default. */
    public Builder pageLimit(@Nullable Integer pageLimit) {
      require(
          pageLimit == null || (pageLimit >= 1 && pageLimit <= 1000),
          "pageLimit must be 1-1000 or null, was " + pageLimit);
      this.pageLimit = pageLimit;
      return this;
    }

    /**
     * Receives {@code apiCall} and {@code retry} events; must be thread-safe and quick. Listeners
     * given to {@code Cloudey.builder()} receive them too without being set here; this one is for
     * connections made outside Cloudey.
     */
    public Builder listener(CloudeyListener listener) {
      require(listener != null, "listener must not be null; use CloudeyListener.NOOP");
      this.listener = listener;
      return this;
    }

    /** Endpoint overrides for every account without its own ({@link OciConfig#endpoints()}). */
    public Builder endpoints(OciConfig.@Nullable EndpointOverride endpoints) {
      this.endpoints = endpoints;
      return this;
    }

    public OciOptions build() {
      return new OciOptions(this);
    }
  }

  private static Duration positive(@Nullable Duration value, String field) {
    require(value != null, field + " must not be null");
    require(!value.isNegative() && !value.isZero(), field + " must be positive, was " + value);
    return value;
  }

  private static double rate(double value, String field) {
    require(
        Double.isFinite(value) && value > 0,
        field + " must be a positive number of requests per second, was " + value);
    return value;
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new CloudeyConfigException(message);
    }
  }
}
