package app.cloudey.oci.simulator.internal;

/** Deterministic OCID-shaped identifiers. */
final class Ids {
  private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();

  private Ids() {}

  static String ocid(String type, String regionKey, long seed, long a, long b) {
    StringBuilder id = new StringBuilder(100);
    id.append("ocid1.").append(type).append(".oc1.").append(regionKey).append(".aaaaaaaa");
    long h = Rng.hash(seed, type.hashCode(), a, b);
    for (int i = 0; i < 52; i++) {
      if (i % 12 == 0) {
        h = Rng.mix(h + i);
      }
      id.append(ALPHABET[(int) (h & 31)]);
      h >>>= 5;
    }
    return id.toString();
  }

  static String token(long seed, long a, int length) {
    StringBuilder s = new StringBuilder(length);
    long h = Rng.hash(seed, a);
    for (int i = 0; i < length; i++) {
      if (i % 12 == 0) {
        h = Rng.mix(h + i);
      }
      s.append(ALPHABET[(int) Math.floorMod(h, 26L)]);
      h >>>= 5;
    }
    return s.toString();
  }
}
