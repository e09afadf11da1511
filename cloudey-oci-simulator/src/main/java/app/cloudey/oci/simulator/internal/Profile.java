package app.cloudey.oci.simulator.internal;

/** Load profile of a resource: drives its metrics (CPU percent bands etc.). */
enum Profile {
  /** Under 5 % CPU at every hour, memory under 10 %. */
  IDLE(1.0, 2.5, 4.0, 6.0),
  /** Low CPU: 8-25 %, the rightsizing candidate when the shape is large. */
  OVERSIZED(10.0, 18.0, 28.0, 35.0),
  NORMAL(22.0, 45.0, 60.0, 55.0),
  BUSY(55.0, 80.0, 95.0, 75.0),
  /**
   * Busy CPU (as {@link #BUSY}) but memory mostly unused (hourly mean 20-23 %): the memory-only
   * rightsizing candidate when the shape is flex.
   */
  LEAN_MEMORY(55.0, 80.0, 95.0, 22.0);

  final double low;
  final double high;
  final double peakCap;
  final double memory;

  Profile(double low, double high, double peakCap, double memory) {
    this.low = low;
    this.high = high;
    this.peakCap = peakCap;
    this.memory = memory;
  }
}
