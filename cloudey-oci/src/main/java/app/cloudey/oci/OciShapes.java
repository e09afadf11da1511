package app.cloudey.oci;

import app.cloudey.CloudeyConfigException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What Cloudey knows about OCI compute shapes, for pricing and for the rules that need it: the SKUs
 * a shape bills on ({@link #findSkus}), whether it keeps billing while stopped ({@link
 * #billsWhileStopped}) and the current shape to move an old generation to ({@link
 * #findCurrentGeneration}).
 *
 * <p>Shape to SKU comes from OpenCost's {@code shape_part_numbers.json} (bundled, see {@link
 * OciPriceBook}), completed with the older fixed shapes it lacks (Standard1 / X5, B1, E2, see
 * {@link #EXTRA_SKUS}). Flex shapes resolve by family: {@code VM.Standard.E4.Flex} bills OCPU hours
 * on B93113 and memory GB hours on B93114, and a suffixed label such as {@code
 * VM.Standard.E3.Flex.2o.32g.1_1b} resolves to its family {@code VM.Standard.E3.Flex}. Fixed shapes
 * bundle memory into the OCPU price (no memory SKU); GPU shapes bill per GPU only.
 *
 * <p>Immutable and thread-safe; get it from {@link OciPriceBook#shapes()}.
 *
 * <pre>{@code
 * OciShapes shapes = OciPriceBook.bundled().shapes();
 * Map<String, BigDecimal> month = shapes.findSkus("VM.Standard.E4.Flex").orElseThrow()
 *     .usage(new BigDecimal("2"), new BigDecimal("16"), OciPriceBook.HOURS_PER_MONTH);
 * // {B93113=1440, B93114=11520}
 * }</pre>
 */
public final class OciShapes {

  /**
   * Fixed shapes missing from the OpenCost map, by name prefix, with their OCPU SKU in the bundled
   * price list: Standard1 (X5) B88317 / B88315, B1 B91120 / B91119, E2 B90425 (the E2 Micro of the
   * Always Free tier B91444, checked first).
   */
  static final Map<String, String> EXTRA_SKUS = extraSkus();

  /**
   * Old generations and the current shape to move to, by name prefix. Every general-purpose x86
   * generation before E4 goes to {@code VM.Standard.E4.Flex} (bare metal: {@code
   * BM.Standard.E4.128}), Dense I/O to {@code VM.DenseIO.E4.Flex} / {@code BM.DenseIO.E4.128}: E4
   * is the cheapest current x86 generation in the bundled list (0.025 per OCPU hour + 0.0015 per GB
   * hour, against 0.0638 per OCPU hour with memory bundled for Standard2 / X7), E5 costs more. E3
   * Flex costs the same as E4 (the move is for performance, not price). GPUs are left out: their
   * generations are different products, not cheaper equivalents.
   */
  static final Map<String, String> OLD_GENERATIONS = oldGenerations();

  private final Map<String, ShapeSkus> byShape;

  OciShapes(Map<String, ShapeSkus> byShape) {
    this.byShape = Map.copyOf(byShape);
  }

  /**
   * The SKUs a shape bills on: exact name first, then the older fixed shapes ({@link #EXTRA_SKUS}),
   * then a flex shape's family. Empty for a shape Cloudey cannot price (say so, do not guess).
   */
  public Optional<ShapeSkus> findSkus(String shape) {
    String name = shape.trim();
    ShapeSkus exact = byShape.get(name);
    if (exact != null) {
      return Optional.of(exact);
    }
    for (Map.Entry<String, String> e : EXTRA_SKUS.entrySet()) {
      if (name.startsWith(e.getKey())) {
        return Optional.of(new ShapeSkus(name, e.getValue(), "", "", "", 0));
      }
    }
    int flex = name.indexOf(".Flex.");
    if (flex > 0) {
      ShapeSkus family = byShape.get(name.substring(0, flex + ".Flex".length()));
      if (family != null) {
        return Optional.of(family.withShape(name));
      }
    }
    return Optional.empty();
  }

  /** Whether the shape is flexible (OCPUs and memory chosen per instance). */
  public static boolean isFlex(String shape) {
    return shape.endsWith(".Flex") || shape.contains(".Flex.");
  }

  /**
   * Whether a STOPPED instance of this shape still bills its compute: Dense I/O, GPU (except {@code
   * VM.GPU.A10.*}), HPC and bare-metal Optimized shapes keep billing while stopped; every other
   * shape stops billing compute (its boot and block volumes bill either way). Source: OCI docs,
   * "Resource billing for stopped instances"
   * (docs.oracle.com/en-us/iaas/Content/Compute/Tasks/resource-billing-stopped-instances.htm).
   */
  public static boolean billsWhileStopped(String shape) {
    return shape.contains("DenseIO")
        || (shape.contains("GPU") && !shape.startsWith("VM.GPU.A10"))
        || shape.contains("HPC")
        || shape.startsWith("BM.Optimized");
  }

  /**
   * The current shape to move an old-generation shape to (see {@link #OLD_GENERATIONS}), or empty
   * when the shape is current (or a GPU, or unknown). The target keeps the instance's OCPUs and
   * memory; a flex target takes them as its configuration.
   */
  public static Optional<String> findCurrentGeneration(String shape) {
    if (shape.equals("VM.Standard.E2.1.Micro")) {
      return Optional.empty(); // Always Free: nothing to save
    }
    for (Map.Entry<String, String> e : OLD_GENERATIONS.entrySet()) {
      if (shape.startsWith(e.getKey())) {
        return Optional.of(e.getValue());
      }
    }
    return Optional.empty();
  }

  /** Shapes with a known SKU mapping (exact names; prefixes and flex suffixes resolve as well). */
  public List<String> knownShapes() {
    return byShape.keySet().stream().sorted().toList();
  }

  /**
   * The SKUs one shape bills on. An empty string means none: fixed shapes have no memory SKU (it is
   * in the OCPU price), GPU shapes have neither OCPU nor memory SKU (both are in the GPU price).
   *
   * @param shape the shape name this was resolved for
   * @param ocpuSku OCPU-hour SKU, empty for GPU shapes
   * @param memorySku GB-hour SKU, empty when memory is bundled
   * @param gpuSku GPU-hour SKU, empty for non-GPU shapes
   * @param nvmeSku NVMe TB-hour SKU of Dense I/O E4/E5, empty otherwise (not priced by {@link
   *     #usage}: the instance spec carries no NVMe size)
   * @param gpus GPUs of a GPU shape (the last number of its name), 0 otherwise
   */
  public record ShapeSkus(
      String shape, String ocpuSku, String memorySku, String gpuSku, String nvmeSku, int gpus) {

    public ShapeSkus {
      if (ocpuSku.isEmpty() && gpuSku.isEmpty()) {
        throw new CloudeyConfigException("shape " + shape + " needs an OCPU or a GPU SKU");
      }
    }

    public Optional<String> findMemorySku() {
      return memorySku.isEmpty() ? Optional.empty() : Optional.of(memorySku);
    }

    /**
     * The quantities one instance bills for {@code hours}: {@code ocpus x hours} on the OCPU SKU,
     * {@code memoryGb x hours} on the memory SKU when memory is billed separately, {@code gpus x
     * hours} on the GPU SKU. SKU to quantity, in that order.
     */
    public Map<String, BigDecimal> usage(BigDecimal ocpus, BigDecimal memoryGb, BigDecimal hours) {
      Map<String, BigDecimal> usage = new LinkedHashMap<>();
      if (!gpuSku.isEmpty()) {
        usage.put(gpuSku, BigDecimal.valueOf(gpus).multiply(hours));
        return usage;
      }
      usage.put(ocpuSku, ocpus.multiply(hours));
      if (!memorySku.isEmpty()) {
        usage.put(memorySku, memoryGb.multiply(hours));
      }
      return usage;
    }

    ShapeSkus withShape(String name) {
      return new ShapeSkus(name, ocpuSku, memorySku, gpuSku, nvmeSku, gpus);
    }
  }

  private static Map<String, String> extraSkus() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("VM.Standard.E2.1.Micro", "B91444");
    m.put("VM.Standard.E2.", "B90425");
    m.put("BM.Standard.E2.", "B90425");
    m.put("VM.Standard1.", "B88317");
    m.put("BM.Standard1.", "B88315");
    m.put("VM.Standard.B1.", "B91120");
    m.put("BM.Standard.B1.", "B91119");
    m.put("VM.Standard2.", "B88514");
    m.put("BM.HPC.E5.", "B96531");
    return java.util.Collections.unmodifiableMap(m);
  }

  private static Map<String, String> oldGenerations() {
    Map<String, String> m = new LinkedHashMap<>();
    for (String vm :
        List.of(
            "VM.Standard1.",
            "VM.Standard2.",
            "VM.Standard.B1.",
            "VM.Standard.E2.",
            "VM.Standard.E3.Flex")) {
      m.put(vm, "VM.Standard.E4.Flex");
    }
    for (String bm :
        List.of(
            "BM.Standard1.",
            "BM.Standard2.",
            "BM.Standard.B1.",
            "BM.Standard.E2.",
            "BM.Standard.E3.")) {
      m.put(bm, "BM.Standard.E4.128");
    }
    m.put("VM.DenseIO1.", "VM.DenseIO.E4.Flex");
    m.put("VM.DenseIO2.", "VM.DenseIO.E4.Flex");
    m.put("BM.DenseIO1.", "BM.DenseIO.E4.128");
    m.put("BM.DenseIO2.", "BM.DenseIO.E4.128");
    return java.util.Collections.unmodifiableMap(m);
  }
}
