package app.cloudey.oci.internal;

import app.cloudey.oci.OciOptions;
import app.cloudey.oci.OciService;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * One account's client-side rate limits: a token bucket per service and one for the whole tenancy.
 * Every attempt of every call takes a token from both, so retries never exceed the limits.
 * Thread-safe.
 *
 * <p>Buckets refill smoothly (one token every {@code 1/rate} seconds) and hold at most a tenth of a
 * second's worth, so bursts stay small: servers that count requests per second never see more than
 * about 1.1 × the rate.
 */
public final class RateLimits {
  private final Map<OciService, Bucket> services = new EnumMap<>(OciService.class);
  private final Bucket tenancy;

  public RateLimits(OciOptions options) {
    for (OciService service : OciService.values()) {
      services.put(service, bucket(options.rateLimit(service)));
    }
    this.tenancy = bucket(options.tenancyRateLimit());
  }

  private static Bucket bucket(double perSecond) {
    long burst = Math.max(1, (long) Math.floor(perSecond / 10));
    long nanosPerToken = Math.max(1, Math.round(1_000_000_000d / perSecond));
    return Bucket.builder()
        .addLimit(
            Bandwidth.builder()
                .capacity(burst)
                .refillGreedy(1, Duration.ofNanos(nanosPerToken))
                .initialTokens(burst)
                .build())
        .build();
  }

  /** Blocks until both the service and the tenancy allow one more request. */
  public void acquire(OciService service) throws InterruptedException {
    services.get(service).asBlocking().consume(1);
    tenancy.asBlocking().consume(1);
  }
}
