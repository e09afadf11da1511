package app.cloudey.oci.simulator.internal;

import java.util.List;
import java.util.Locale;

/** An OCI region the simulator can subscribe a tenancy to. */
record Region(String name, String key, int availabilityDomains) {

  /** In subscription order: the first is the home region. */
  static final List<Region> ALL =
      List.of(
          new Region("us-ashburn-1", "IAD", 3),
          new Region("us-phoenix-1", "PHX", 3),
          new Region("eu-frankfurt-1", "FRA", 3),
          new Region("uk-london-1", "LHR", 3),
          new Region("ap-tokyo-1", "NRT", 1),
          new Region("eu-amsterdam-1", "AMS", 1),
          new Region("ca-toronto-1", "YYZ", 1),
          new Region("ap-sydney-1", "SYD", 1));

  String adName(String prefix, int ad) {
    return prefix + ":" + name.toUpperCase(Locale.ROOT) + "-AD-" + (ad + 1);
  }

  String lowerKey() {
    return key.toLowerCase(Locale.ROOT);
  }
}
