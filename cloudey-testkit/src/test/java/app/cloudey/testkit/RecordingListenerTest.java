package app.cloudey.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import app.cloudey.model.AccountId;
import app.cloudey.model.FailedScope;
import app.cloudey.model.SyncKind;
import app.cloudey.spi.CacheKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class RecordingListenerTest {
  private static final String STORE = "store-1";

  private final AccountId id = AccountId.of("acme");

  @Test
  void recordsEveryEventInOrderWithCounts() {
    RecordingListener listener = new RecordingListener();
    CacheKey key = new CacheKey(STORE, id, 3, "q");
    listener.syncStarted(id, SyncKind.INVENTORY, "run-1");
    listener.cacheMiss(key);
    listener.cacheHit(key);
    listener.cacheHit(key);
    listener.scopeFailed(id, "run-1", new FailedScope(Fixtures.BUCKETS, "boom", null), 1, 5);
    listener.apiCall("fake", "ListInstances", 200, Duration.ofMillis(12));

    assertThat(listener.events())
        .containsExactly(
            new RecordingListener.SyncStarted(id, SyncKind.INVENTORY, "run-1"),
            new RecordingListener.CacheMiss(key),
            new RecordingListener.CacheHit(key),
            new RecordingListener.CacheHit(key),
            new RecordingListener.ScopeFailed(
                id, "run-1", new FailedScope(Fixtures.BUCKETS, "boom", null), 1, 5),
            new RecordingListener.ApiCall("fake", "ListInstances", 200, Duration.ofMillis(12)));
    assertThat(listener.cacheHits()).isEqualTo(2);
    assertThat(listener.cacheMisses()).isEqualTo(1);
    assertThat(listener.scopesFailed()).isEqualTo(1);
    assertThat(listener.apiCalls()).isEqualTo(1);
    listener.clear();
    assertThat(listener.events()).isEmpty();
  }

  @Test
  void isSafeUnderConcurrentCalls() {
    RecordingListener listener = new RecordingListener();
    CacheKey key = new CacheKey(STORE, id, 1, "q");
    List<CompletableFuture<Void>> writers = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      writers.add(
          CompletableFuture.runAsync(
              () -> {
                for (int i = 0; i < 1_000; i++) {
                  listener.cacheHit(key);
                }
              }));
    }
    writers.forEach(CompletableFuture::join);
    assertThat(listener.cacheHits()).isEqualTo(8_000);
  }
}
