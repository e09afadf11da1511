package app.cloudey.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A {@link Clock} that stands still until a test moves it: hand it to {@code
 * Cloudey.builder().clock(...)} (or to a store or cache) and then {@link #set set} or {@link
 * #advance advance} time to cross a month end or expire a TTL without sleeping.
 *
 * <p>Thread-safe: reads and moves are atomic. {@link #withZone} returns a view that shares this
 * clock's instant, so moving either moves both.
 *
 * <pre>{@code
 * MutableClock clock = MutableClock.at("2026-10-31T23:59:00Z");
 * clock.advance(Duration.ofMinutes(2)); // now 2026-11-01T00:01:00Z
 * }</pre>
 */
public final class MutableClock extends Clock {

  private final AtomicReference<Instant> now;
  private final ZoneId zone;

  private MutableClock(AtomicReference<Instant> now, ZoneId zone) {
    this.now = now;
    this.zone = zone;
  }

  /** A UTC clock standing at {@code instant}. */
  public static MutableClock at(Instant instant) {
    return new MutableClock(new AtomicReference<>(requireInstant(instant)), ZoneOffset.UTC);
  }

  /** A UTC clock standing at an ISO-8601 instant, e.g. {@code 2026-11-26T09:00:00Z}. */
  public static MutableClock at(String isoInstant) {
    return at(Instant.parse(isoInstant));
  }

  /** Moves the clock to {@code instant} (backwards too: tests may need that). */
  public MutableClock set(Instant instant) {
    now.set(requireInstant(instant));
    return this;
  }

  /** Moves the clock forward (or back, for a negative amount) and returns the new instant. */
  public Instant advance(Duration amount) {
    if (amount == null) {
      throw new IllegalArgumentException("amount must not be null");
    }
    return now.updateAndGet(instant -> instant.plus(amount));
  }

  @Override
  public Instant instant() {
    return now.get();
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId newZone) {
    return new MutableClock(now, newZone);
  }

  private static Instant requireInstant(Instant instant) {
    if (instant == null) {
      throw new IllegalArgumentException("instant must not be null");
    }
    return instant;
  }

  @Override
  public String toString() {
    return "MutableClock[" + now.get() + ", " + zone + "]";
  }
}
