package app.cloudey.oci.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.cloudey.CloudeyNotFoundException;
import app.cloudey.CloudeyRateLimitedException;
import app.cloudey.oci.OciOptions;
import app.cloudey.oci.OciService;
import app.cloudey.spi.CloudeyListener;
import com.oracle.bmc.model.BmcException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class OciCallsTest {
  private final List<String> events = new CopyOnWriteArrayList<>();
  private final CloudeyListener listener =
      new CloudeyListener() {
        @Override
        public void apiCall(String provider, String operation, int status, Duration latency) {
          events.add("call " + operation + " " + status);
        }

        @Override
        public void retry(String provider, String operation, int attempt, Throwable cause) {
          events.add("retry " + operation + " " + attempt);
        }
      };

  private OciCalls calls(int attempts) {
    return new OciCalls(
        OciOptions.builder()
            .listener(listener)
            .serviceRateLimit(1000)
            .tenancyRateLimit(1000)
            .retry(
                new OciOptions.RetryPolicy(
                    attempts, Duration.ofMillis(1), Duration.ofMillis(5), 2.0, 0.5))
            .build(),
        "hint");
  }

  @Test
  void retriesThrottlingUntilItSucceeds() {
    AtomicInteger n = new AtomicInteger();
    String result =
        calls(5)
            .call(
                OciService.COMPUTE,
                "ListInstances",
                () -> {
                  if (n.incrementAndGet() < 3) {
                    throw new BmcException(429, "TooManyRequests", "slow down", "r" + n.get());
                  }
                  return "ok";
                });
    assertThat(result).isEqualTo("ok");
    assertThat(events)
        .containsExactly(
            "call ListInstances 429",
            "retry ListInstances 1",
            "call ListInstances 429",
            "retry ListInstances 2",
            "call ListInstances 200");
  }

  @Test
  void givesUpAfterTheLastAttemptWithTheLastRequestId() {
    OciCalls calls = calls(3);
    AtomicInteger n = new AtomicInteger();
    assertThatThrownBy(
            () ->
                calls.call(
                    OciService.COMPUTE,
                    "ListInstances",
                    () -> {
                      throw new BmcException(
                          429, "TooManyRequests", "slow down", "r" + n.incrementAndGet());
                    }))
        .isInstanceOf(CloudeyRateLimitedException.class)
        .hasMessageContaining("after 3 attempts")
        .hasMessageContaining("request id r3");
    assertThat(calls.callCount()).isEqualTo(3);
  }

  @Test
  void doesNotRetryNotFound() {
    OciCalls calls = calls(5);
    assertThatThrownBy(
            () ->
                calls.call(
                    OciService.IDENTITY,
                    "GetTenancy",
                    () -> {
                      throw new BmcException(404, "NotAuthorizedOrNotFound", "no", "r");
                    }))
        .isInstanceOf(CloudeyNotFoundException.class);
    assertThat(calls.callCount()).isEqualTo(1);
  }

  @Test
  void everyAttemptWaitsForTheRateLimit() {
    // 20 requests/s with a burst of 2: 12 attempts need at least (12 - 2) / 20 s = 0.5 s
    OciCalls calls =
        new OciCalls(
            OciOptions.builder()
                .rateLimit(OciService.COMPUTE, 20)
                .tenancyRateLimit(1000)
                .retry(
                    new OciOptions.RetryPolicy(
                        4, Duration.ofMillis(1), Duration.ofMillis(1), 1.0, 0))
                .build(),
            "hint");
    AtomicInteger n = new AtomicInteger();
    long start = System.nanoTime();
    for (int i = 0; i < 4; i++) {
      calls.call(
          OciService.COMPUTE,
          "ListInstances",
          () -> {
            if (n.incrementAndGet() % 3 != 0) {
              throw new BmcException(500, "InternalServerError", "oops", "r");
            }
            return "ok";
          });
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    assertThat(calls.callCount()).isEqualTo(12);
    assertThat(seconds).isGreaterThanOrEqualTo(0.45);
  }

  @Test
  void threadsQueuedForASlotHoldNoTokensSoTheyDoNotBurst() throws Exception {
    // 10 requests/s (burst 1), 2 slots held for 0.6 s while 4 more calls queue: had the queued
    // calls taken their tokens while waiting, all 4 would start together when the slots free up;
    // taking the slot first spaces them by the rate, 0.1 s apart (0.3 s from first to last)
    OciCalls calls =
        new OciCalls(
            OciOptions.builder()
                .concurrency(2)
                .rateLimit(OciService.COMPUTE, 10)
                .tenancyRateLimit(1000)
                .retry(OciOptions.RetryPolicy.none())
                .build(),
            "hint");
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      CountDownLatch entered = new CountDownLatch(2);
      CountDownLatch release = new CountDownLatch(1);
      List<Future<?>> futures = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        futures.add(
            pool.submit(
                () ->
                    calls.call(
                        OciService.COMPUTE,
                        "Hold",
                        () -> {
                          entered.countDown();
                          try {
                            return release.await(5, TimeUnit.SECONDS);
                          } catch (InterruptedException e) {
                            throw new IllegalStateException(e);
                          }
                        })));
      }
      assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();
      List<Long> starts = new CopyOnWriteArrayList<>();
      for (int i = 0; i < 4; i++) {
        futures.add(
            pool.submit(
                () ->
                    calls.call(OciService.COMPUTE, "Queued", () -> starts.add(System.nanoTime()))));
      }
      Thread.sleep(600); // time for 6 tokens: enough for every queued call had it taken one
      release.countDown();
      for (Future<?> f : futures) {
        f.get(5, TimeUnit.SECONDS);
      }
      assertThat(starts).hasSize(4);
      long spread = Collections.max(starts) - Collections.min(starts);
      assertThat(spread / 1e9).isGreaterThanOrEqualTo(0.25);
    } finally {
      pool.shutdownNow();
    }
  }
}
