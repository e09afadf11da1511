package app.cloudey.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Samples the used heap (garbage included) every 5 ms while {@link #measuring(boolean) measuring}
 * and keeps the maximum: the heap figure of the benchmarks that report one.
 */
public final class HeapSampler extends Thread {
  private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
  private final AtomicLong peak = new AtomicLong();
  private volatile boolean running = true;
  private volatile boolean measuring;

  public HeapSampler() {
    super("heap-sampler");
    setDaemon(true);
  }

  /** Turns sampling on or off; the maximum is kept across measuring spells. */
  public void measuring(boolean on) {
    measuring = on;
  }

  @Override
  public void run() {
    while (running) {
      if (measuring) {
        peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** Stops the thread and waits for it. */
  public void stopSampling() throws InterruptedException {
    running = false;
    join();
  }

  /** The largest used heap seen, in bytes. */
  public long peakBytes() {
    return peak.get();
  }

  /** The largest used heap seen, in MiB rounded up. */
  public long peakMb() {
    return (peak.get() + (1 << 20) - 1) >> 20;
  }
}
