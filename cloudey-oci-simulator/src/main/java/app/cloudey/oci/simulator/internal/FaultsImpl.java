package app.cloudey.oci.simulator.internal;

import app.cloudey.oci.simulator.Faults;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/** The fault state the HTTP front consults on every verified request. */
public final class FaultsImpl implements Faults {
  static final Set<String> SERVICES =
      Set.of(
          "identity",
          "compute",
          "blockstorage",
          "objectstorage",
          "filestorage",
          "database",
          "loadbalancer",
          "usageapi",
          "monitoring");

  /** What to do with a request after faults were applied. */
  record Decision(@Nullable ApiException error, @Nullable Duration hang) {
    static final Decision PROCEED = new Decision(null, null);
  }

  private record Countdown(int status, int[] left) {}

  private record Random(double probability, int status) {}

  private final long seed;
  private final Map<String, Countdown> failNext = new ConcurrentHashMap<>();
  private final Map<String, Countdown> timeoutNext = new ConcurrentHashMap<>();
  private final Map<String, Duration> timeoutHang = new ConcurrentHashMap<>();
  private final Map<String, Random> randomFailures = new ConcurrentHashMap<>();
  private final Map<String, Integer> failingScopes = new ConcurrentHashMap<>();
  private final Map<String, Integer> failingOperations = new ConcurrentHashMap<>();
  private final Map<String, Duration> delays = new ConcurrentHashMap<>();
  private final Map<String, TokenBucket> serviceLimits = new ConcurrentHashMap<>();
  private volatile @Nullable TokenBucket tenancyLimit;
  private volatile Duration latency = Duration.ZERO;
  private SplittableRandom random;

  public FaultsImpl(long seed) {
    this.seed = seed;
    this.random = new SplittableRandom(seed);
  }

  private static int checkStatus(int status) {
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("status must be an HTTP error (400-599), was " + status);
    }
    return status;
  }

  private static String checkService(String service) {
    if (!SERVICES.contains(service)) {
      throw new IllegalArgumentException(
          "unknown service '" + service + "'; use one of " + SERVICES);
    }
    return service;
  }

  @Override
  public Faults failNext(String operation, int count, int status) {
    failNext.put(operation, new Countdown(checkStatus(status), new int[] {count}));
    return this;
  }

  @Override
  public Faults failRandomly(String operation, double probability, int status) {
    if (probability < 0 || probability > 1) {
      throw new IllegalArgumentException("probability must be 0-1, was " + probability);
    }
    randomFailures.put(operation, new Random(probability, checkStatus(status)));
    return this;
  }

  @Override
  public Faults failScope(String service, String compartmentId, int status) {
    failingScopes.put(checkService(service) + "|" + compartmentId, checkStatus(status));
    return this;
  }

  @Override
  public Faults failOperationIn(String operation, String compartmentId, int status) {
    failingOperations.put(operation + "|" + compartmentId, checkStatus(status));
    return this;
  }

  @Override
  public Faults latency(Duration latency) {
    this.latency = latency;
    return this;
  }

  @Override
  public Faults delay(String operation, Duration delay) {
    delays.put(operation, delay);
    return this;
  }

  @Override
  public Faults timeoutNext(String operation, int count, Duration hang) {
    timeoutNext.put(operation, new Countdown(0, new int[] {count}));
    timeoutHang.put(operation, hang);
    return this;
  }

  @Override
  public Faults rateLimit(String service, double requestsPerSecond) {
    serviceLimits.put(checkService(service), new TokenBucket(requestsPerSecond));
    return this;
  }

  @Override
  public Faults tenancyRateLimit(double requestsPerSecond) {
    tenancyLimit = new TokenBucket(requestsPerSecond);
    return this;
  }

  @Override
  public synchronized Faults clear() {
    failNext.clear();
    timeoutNext.clear();
    timeoutHang.clear();
    randomFailures.clear();
    failingScopes.clear();
    failingOperations.clear();
    delays.clear();
    serviceLimits.clear();
    tenancyLimit = null;
    latency = Duration.ZERO;
    random = new SplittableRandom(seed);
    return this;
  }

  /** Applies rate limits, latency and failures for one request; may sleep. */
  Decision apply(String operation, String service, @Nullable String compartmentId)
      throws InterruptedException {
    ApiException error = null;
    TokenBucket tenancy = tenancyLimit;
    TokenBucket serviceBucket = serviceLimits.get(service);
    if (tenancy != null && !tenancy.tryTake()) {
      error = new ApiException(429, "TooManyRequests", "Too many requests for the tenant");
    } else if (serviceBucket != null && !serviceBucket.tryTake()) {
      error =
          new ApiException(
              429, "TooManyRequests", "Too many requests for the user (" + service + ")");
    }
    Duration sleep = latency;
    Duration extra = delays.getOrDefault(operation, delays.get("*"));
    if (extra != null) {
      sleep = sleep.plus(extra);
    }
    if (!sleep.isZero()) {
      Thread.sleep(sleep.toMillis(), sleep.toNanosPart() % 1_000_000);
    }
    if (error != null) {
      return new Decision(error, null);
    }
    String timeoutKey = take(timeoutNext, operation);
    if (timeoutKey != null) {
      return new Decision(null, timeoutHang.get(timeoutKey));
    }
    if (compartmentId != null) {
      Integer status = failingScopes.get(service + "|" + compartmentId);
      if (status != null) {
        return new Decision(
            failure(status, "injected failure for " + service + " in " + compartmentId), null);
      }
      Integer operationStatus = failingOperations.get(operation + "|" + compartmentId);
      if (operationStatus != null) {
        return new Decision(
            failure(operationStatus, "injected failure for " + operation + " in " + compartmentId),
            null);
      }
    }
    String failKey = take(failNext, operation);
    if (failKey != null) {
      return new Decision(failure(failNext.get(failKey).status(), "injected failure"), null);
    }
    Random r = randomFailures.getOrDefault(operation, randomFailures.get("*"));
    if (r != null && draw() < r.probability()) {
      return new Decision(failure(r.status(), "injected random failure"), null);
    }
    return Decision.PROCEED;
  }

  private synchronized double draw() {
    return random.nextDouble();
  }

  /** Decrements the countdown for the operation (or "*"); returns the key used, or null. */
  private static @Nullable String take(Map<String, Countdown> map, String operation) {
    for (String key : new String[] {operation, "*"}) {
      Countdown c = map.get(key);
      if (c != null) {
        synchronized (c) {
          if (c.left()[0] > 0) {
            c.left()[0]--;
            return key;
          }
        }
      }
    }
    return null;
  }

  private static ApiException failure(int status, String why) {
    String code = ApiException.codeFor(status);
    String message =
        switch (status) {
          case 429 -> "Too many requests for the user (" + why + ")";
          case 503 -> "Service unavailable (" + why + ")";
          default -> "Internal server error (" + why + ")";
        };
    return new ApiException(status, code, message);
  }

  /** A token bucket refilled continuously, holding at most one second of requests. */
  static final class TokenBucket {
    private final double perNano;
    private final double capacity;
    private double tokens;
    private long last = System.nanoTime();

    TokenBucket(double perSecond) {
      if (perSecond <= 0) {
        throw new IllegalArgumentException("requestsPerSecond must be positive, was " + perSecond);
      }
      this.perNano = perSecond / 1e9;
      this.capacity = Math.max(1, perSecond);
      this.tokens = capacity;
    }

    synchronized boolean tryTake() {
      long now = System.nanoTime();
      tokens = Math.min(capacity, tokens + (now - last) * perNano);
      last = now;
      if (tokens >= 1) {
        tokens -= 1;
        return true;
      }
      return false;
    }
  }
}
