package app.cloudey.server.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.Map;

/** One bucket4j token bucket per API token: {@code perMinute} requests, refilled greedily. */
public final class RateLimiter {
  private final int perMinute;
  private final Cache<String, Bucket> buckets =
      Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(Duration.ofMinutes(10)).build();

  public RateLimiter(int perMinute) {
    this.perMinute = perMinute;
  }

  /**
   * Takes one request from the key's bucket.
   *
   * @throws ApiException 429 {@code rate_limited} with {@code Retry-After} when it is empty
   */
  public void acquire(String key) {
    Bucket bucket =
        buckets.get(
            key,
            k ->
                Bucket.builder()
                    .addLimit(
                        Bandwidth.builder()
                            .capacity(perMinute)
                            .refillGreedy(perMinute, Duration.ofMinutes(1))
                            .build())
                    .build());
    ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
    if (!probe.isConsumed()) {
      long seconds = Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds());
      throw new ApiException(
          429,
          "rate_limited",
          "more than "
              + perMinute
              + " requests a minute with this token; retry in "
              + seconds
              + " s",
          Map.of("Retry-After", String.valueOf(seconds)));
    }
  }
}
