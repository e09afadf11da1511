package app.cloudey.testkit;

import app.cloudey.CloudeyProviderException;
import app.cloudey.model.Scope;
import app.cloudey.testkit.FakeCloudProvider.Operation;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** The fake provider's call counters, latency and scripted failures. Thread-safe. */
final class CallScript {
  private final Duration latency;
  private final Map<Operation, AtomicLong> calls = new EnumMap<>(Operation.class);
  private final Set<Scope> failingScopes = ConcurrentHashMap.newKeySet();
  private final Set<LocalDate> failingCostDays = ConcurrentHashMap.newKeySet();
  private final Map<Operation, Integer> failNext = new EnumMap<>(Operation.class);
  private int failNextAny;
  private final AtomicLong requestIds = new AtomicLong();
  private final Map<Operation, FakeCloudProvider.Pause> pauses = new ConcurrentHashMap<>();

  CallScript(Duration latency) {
    this.latency = latency;
    for (Operation op : Operation.values()) {
      calls.put(op, new AtomicLong());
    }
  }

  /** Counts a call, waits the configured latency, and throws if it was scripted to fail. */
  void beforeCall(Operation operation, String what) {
    calls.get(operation).incrementAndGet();
    FakeCloudProvider.Pause pause = pauses.remove(operation);
    if (pause != null) {
      pause.holdCaller(what);
    }
    if (!latency.isZero()) {
      try {
        Thread.sleep(latency.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CloudeyProviderException("fake: interrupted during " + what, -1, e, null);
      }
    }
    if (consumeFailure(operation)) {
      throw failure(operation + " (" + what + ")");
    }
  }

  private synchronized boolean consumeFailure(Operation operation) {
    if (failNextAny > 0) {
      failNextAny--;
      return true;
    }
    int left = failNext.getOrDefault(operation, 0);
    if (left > 0) {
      failNext.put(operation, left - 1);
      return true;
    }
    return false;
  }

  CloudeyProviderException failure(String what) {
    return new CloudeyProviderException(
        "fake: scripted failure of " + what, 500, null, "fake-" + requestIds.incrementAndGet());
  }

  void failScope(Scope scope) {
    failingScopes.add(scope);
  }

  boolean isFailing(Scope scope) {
    return failingScopes.contains(scope);
  }

  void failCostsOn(LocalDate day) {
    failingCostDays.add(day);
  }

  Set<LocalDate> failingCostDays() {
    return Set.copyOf(failingCostDays);
  }

  FakeCloudProvider.Pause pauseNext(Operation operation) {
    FakeCloudProvider.Pause pause = new FakeCloudProvider.Pause(operation);
    pauses.put(operation, pause);
    return pause;
  }

  synchronized void failNext(Operation operation, int n) {
    failNext.put(operation, n);
  }

  synchronized void failNextCalls(int n) {
    failNextAny = n;
  }

  synchronized void clear() {
    pauses.values().forEach(FakeCloudProvider.Pause::release);
    pauses.clear();
    failingScopes.clear();
    failingCostDays.clear();
    failNext.clear();
    failNextAny = 0;
  }

  long calls(Operation operation) {
    return calls.get(operation).get();
  }

  long totalCalls() {
    return calls.values().stream().mapToLong(AtomicLong::get).sum();
  }

  void resetCalls() {
    calls.values().forEach(c -> c.set(0));
  }
}
