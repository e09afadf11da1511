package app.cloudey.oci.simulator.internal;

/**
 * Pure hash functions over (seed, ...) so that costs and metrics are computed on demand from (seed,
 * resource, hour) instead of being stored.
 */
final class Rng {
  private Rng() {}

  /** SplitMix64 finaliser: a well-mixed 64-bit value for any input. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  static long hash(long seed, long a) {
    return mix(seed * 0x9E3779B97F4A7C15L + mix(a));
  }

  static long hash(long seed, long a, long b) {
    return mix(hash(seed, a) + 0x632BE59BD9B4E019L * mix(b));
  }

  static long hash(long seed, long a, long b, long c) {
    return mix(hash(seed, a, b) + 0x8CB92BA72F3D8DD7L * mix(c));
  }

  /** A double in [0, 1) from a hash. */
  static double unit(long hash) {
    return (hash >>> 11) * 0x1.0p-53;
  }
}
