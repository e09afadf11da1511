package app.cloudey.oci.simulator.internal;

import java.util.List;

/** Instance shapes the generator uses, with their SKUs (memory SKU null when bundled). */
record Shape(
    String name, boolean flex, String ocpuSku, String memorySku, int fixedOcpus, int gbPerOcpu) {

  static final List<Shape> ALL =
      List.of(
          new Shape("VM.Standard.E4.Flex", true, "B93113", "B93114", 0, 0),
          new Shape("VM.Standard.E5.Flex", true, "B97384", "B97385", 0, 0),
          new Shape("VM.Standard.A1.Flex", true, "B93297", "B93298", 0, 0),
          new Shape("VM.Standard2.1", false, "B88514", null, 1, 15),
          new Shape("VM.Standard2.2", false, "B88514", null, 2, 15),
          new Shape("VM.Standard2.4", false, "B88514", null, 4, 15),
          new Shape("VM.Standard2.8", false, "B88514", null, 8, 15));

  static final int E4 = 0;
}
