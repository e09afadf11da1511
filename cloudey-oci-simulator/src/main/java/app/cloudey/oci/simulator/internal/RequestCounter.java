package app.cloudey.oci.simulator.internal;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Requests per OCI operation and per service (every routed request, answered or not). */
public final class RequestCounter {
  private final Map<String, LongAdder> byOperation = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> byService = new ConcurrentHashMap<>();

  void count(String service, String operation) {
    byOperation.computeIfAbsent(operation, k -> new LongAdder()).increment();
    byService.computeIfAbsent(service, k -> new LongAdder()).increment();
  }

  public Map<String, Long> byOperation() {
    return snapshot(byOperation);
  }

  public Map<String, Long> byService() {
    return snapshot(byService);
  }

  public long total() {
    return byOperation.values().stream().mapToLong(LongAdder::sum).sum();
  }

  public void reset() {
    byOperation.clear();
    byService.clear();
  }

  private static Map<String, Long> snapshot(Map<String, LongAdder> map) {
    Map<String, Long> copy = new TreeMap<>();
    map.forEach((k, v) -> copy.put(k, v.sum()));
    return copy;
  }
}
