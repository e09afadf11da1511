package app.cloudey.scheduler;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits for a condition instead of sleeping a fixed time: generous limits, early exits. */
final class Await {
  private Await() {}

  static void until(
      Duration timeout, String what, BooleanSupplier condition, Supplier<Object> state) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "waited " + timeout + " for " + what + "; last state: " + state.get());
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting for " + what, e);
      }
    }
  }
}
