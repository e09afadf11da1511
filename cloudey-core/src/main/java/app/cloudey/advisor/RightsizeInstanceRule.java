package app.cloudey.advisor;

import app.cloudey.model.MetricName;
import app.cloudey.model.MetricSummary;
import app.cloudey.model.Money;
import app.cloudey.model.Recommendation;
import app.cloudey.model.Resource;
import app.cloudey.model.ResourceCost;
import app.cloudey.model.ResourceSkuCost;
import app.cloudey.model.ResourceSpec;
import app.cloudey.model.ResourceType;
import app.cloudey.model.Severity;
import app.cloudey.spi.AdvisorRule;
import app.cloudey.spi.RuleContext;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * {@code rightsize-instance}: an over-provisioned RUNNING flexible-shape instance (shape ending in
 * {@code .Flex}). Test: <b>CPU or memory is low</b>: P95 CPU below {@code cpuP95Percent} with the
 * CPU metric covering at least {@code minCoverage} of the window's hours, or P95 memory below
 * {@code memoryP95Percent} with the memory metric covering at least {@code minCoverage} of them. A
 * missing or partly covered metric never makes a finding: an instance with neither metric covered
 * is not judged, and one whose CPU is not covered can only have its memory sized (its OCPUs are
 * kept, and the finding's confidence is lower, see below). The target configuration sizes OCPUs and
 * memory separately (flex shapes price them apart), each from its own P95 with headroom:
 *
 * <ul>
 *   <li><b>OCPUs</b>, only when CPU is low: the smallest whole count that keeps the projected P95
 *       CPU at or below {@code targetP95Percent}: {@code cpuTarget = max(1, ceil(ocpus × P95 CPU /
 *       targetP95Percent))}. When only memory is low, or CPU is not measured, {@code cpuTarget =
 *       ocpus}: the OCPUs are kept.
 *   <li><b>Memory</b>: the smallest whole number of GB that keeps the projected P95 memory at or
 *       below {@code targetMemoryP95Percent}: {@code memoryNeed = ceil(GB × P95 memory /
 *       targetMemoryP95Percent)}, never more than the current GB (the rule never grows memory).
 *       Memory is sized whenever its metric is covered, also when only CPU is low (the resize
 *       reboots the instance anyway). Memory is <b>kept as it is</b> when the instance has no
 *       memory metric (OCI: no Oracle Cloud Agent), when the metric covers less than {@code
 *       minCoverage} of the window's hours, or when the inventory does not know its size: missing
 *       data is never oversized, and the finding's summary and evidence say why memory was not
 *       sized.
 *   <li><b>Shape limits</b> (OCI's standard flex shapes E3, E4, E5 and A1 allow 1 to 64 GB per
 *       OCPU; {@code minMemoryGbPerOcpu} and {@code maxMemoryGbPerOcpu}): {@code target OCPUs =
 *       min(ocpus, max(cpuTarget, ceil(target GB / maxMemoryGbPerOcpu)))}, so memory that is kept
 *       (or needed) never leaves too few OCPUs to carry it; {@code target GB = min(GB,
 *       max(memoryNeed, target OCPUs × minMemoryGbPerOcpu))}. OCI flex shapes have no other minimum
 *       than 1 GB per OCPU. So a memory-only finding always keeps its OCPUs, and its memory shrinks
 *       no further than {@code ocpus × minMemoryGbPerOcpu}.
 * </ul>
 *
 * A finding is made when the target has fewer OCPUs or less memory than now (so a 1-OCPU instance
 * can still have its memory sized). Its title, summary and evidence say which resource is
 * over-provisioned (CPU, memory or both: the tests above that hold) and why.
 *
 * <p><b>Saving</b> = the current configuration's monthly cost minus the target's at the tenancy's
 * own unit prices: {@code OCPU SKUs' monthly billed cost × (ocpus − target OCPUs) / ocpus + memory
 * SKUs' monthly billed cost × (GB − target GB) / GB}. OCPU SKUs are the instance's billed SKUs
 * whose unit or name contains "OCPU"; memory SKUs those whose name contains "Memory" or whose unit
 * is a GB (or gigabyte) per hour, e.g. {@code Gigabyte Per Hour} (OCI bills flex memory per GB
 * hour, e.g. B93114 "Compute - Standard - E4 - Memory"). The memory term is 0 when memory is kept,
 * the OCPU term 0 when the OCPUs are kept (a memory-only finding). Monthly billed cost is the
 * trailing 30 days' cost × 30 / days of data. An instance without billed OCPU cost (new, or billed
 * under no OCPU SKU), or whose memory shrinks but has no billed memory SKU, is priced by the {@code
 * estimator} instead: the current configuration's monthly price minus the target's (target OCPUs
 * and GB), both from the provider's price book (OCI: the shape's per-OCPU and per-GB SKUs, the
 * tenancy's own billed unit prices first, then contract, then list prices at the tenancy's marginal
 * tier), citing its source and date. Without a price (no estimator, or an account billed in another
 * currency than the only prices known) the finding says so and has no amount.
 *
 * <p>Evidence: one row for the current and one for the target configuration, with OCPUs, P95 CPU
 * ({@code not measured} without covered CPU data), memory GB, P95 memory and the monthly cost, and
 * an {@code over-provisioned} row whose P95 cells give each test's result (e.g. {@code yes: 20 <
 * 40}, {@code no: 70 ≥ 40}, {@code not judged}).
 *
 * <p>Confidence: the lower of 0.85 and each judged metric's coverage; without covered CPU data at
 * most {@value #UNMEASURED_CPU_CONFIDENCE}, as nothing shows that the instance could not use its
 * memory in the hours its CPU went unmeasured. (On OCI both metrics come from the same Compute
 * Instance Monitoring agent, so memory without CPU is rare: an agent that reported only part of the
 * window, or a CPU metric that failed to sync.)
 */
public final class RightsizeInstanceRule implements AdvisorRule {
  public static final String ID = "rightsize-instance";

  /** The highest confidence of a finding made without covered CPU data (memory only). */
  public static final double UNMEASURED_CPU_CONFIDENCE = 0.6;

  /** Default {@link Options#cpuP95Percent()}: P95 CPU below 40 % is over-provisioned. */
  public static final double DEFAULT_CPU_P95_PERCENT = 40;

  /**
   * Default {@link Options#memoryP95Percent()}: P95 memory below 40 % is over-provisioned, as for
   * CPU (at the 60 % target such memory needs under two thirds of its GB, before rounding up).
   */
  public static final double DEFAULT_MEMORY_P95_PERCENT = 40;

  /** Default {@link Options#targetP95Percent()}: the target's projected P95 CPU at most 60 %. */
  public static final double DEFAULT_TARGET_P95_PERCENT = 60;

  /** Default {@link Options#minCoverage()}: 80 % of the window's hours have data. */
  public static final double DEFAULT_MIN_COVERAGE = 0.8;

  /**
   * Default {@link Options#targetMemoryP95Percent()}: the target's projected P95 memory at most 60
   * % (DESIGN.md §6: the smallest OCPU count and memory keeping projected P95 at most 60 %; 40 %
   * headroom, more than AWS Compute Optimizer's 20 %, as running out of memory is worse than
   * running short of CPU).
   */
  public static final double DEFAULT_TARGET_MEMORY_P95_PERCENT = 60;

  /** Default {@link Options#minMemoryGbPerOcpu()}: OCI flex shapes need 1 GB per OCPU or more. */
  public static final BigDecimal DEFAULT_MIN_MEMORY_GB_PER_OCPU = BigDecimal.ONE;

  /** Default {@link Options#maxMemoryGbPerOcpu()}: OCI flex shapes allow 64 GB per OCPU at most. */
  public static final BigDecimal DEFAULT_MAX_MEMORY_GB_PER_OCPU = BigDecimal.valueOf(64);

  static final Predicate<ResourceSkuCost> OCPU_SKU =
      s ->
          s.unit().toUpperCase(Locale.ROOT).contains("OCPU")
              || s.skuName().toUpperCase(Locale.ROOT).contains("OCPU");

  /**
   * Memory SKUs of an instance: not an OCPU SKU, and a name containing "MEMORY" or a unit of GB (or
   * gigabytes) per hour (OCI: {@code Gigabyte Per Hour}, the simulator's {@code GB Hours}); storage
   * is billed per GB month and is not matched.
   */
  static final Predicate<ResourceSkuCost> MEMORY_SKU =
      s -> {
        if (OCPU_SKU.test(s)) {
          return false;
        }
        String unit = s.unit().toUpperCase(Locale.ROOT);
        return s.skuName().toUpperCase(Locale.ROOT).contains("MEMORY")
            || ((unit.contains("GB") || unit.contains("GIGABYTE")) && unit.contains("HOUR"));
      };

  /**
   * @param cpuP95Percent P95 CPU below this is over-provisioned (default {@value
   *     #DEFAULT_CPU_P95_PERCENT})
   * @param targetP95Percent projected P95 CPU after the change at most this (default {@value
   *     #DEFAULT_TARGET_P95_PERCENT})
   * @param minCoverage share of the window's hours that must have data, for CPU (to judge at all)
   *     and for memory (to test and size memory) (default {@value #DEFAULT_MIN_COVERAGE})
   * @param memoryP95Percent P95 memory below this is over-provisioned, with {@code minCoverage} of
   *     the hours measured (default {@value #DEFAULT_MEMORY_P95_PERCENT}; 0 turns the memory test
   *     off)
   * @param targetMemoryP95Percent projected P95 memory after the change at most this (default
   *     {@value #DEFAULT_TARGET_MEMORY_P95_PERCENT})
   * @param minMemoryGbPerOcpu the target keeps at least this many GB per target OCPU (default 1,
   *     {@link #DEFAULT_MIN_MEMORY_GB_PER_OCPU})
   * @param maxMemoryGbPerOcpu the target has at most this many GB per target OCPU, adding OCPUs if
   *     needed (default 64, {@link #DEFAULT_MAX_MEMORY_GB_PER_OCPU})
   * @param estimator prices both configurations where no OCPU cost (or, when memory shrinks, no
   *     memory cost) is billed (default none)
   */
  public record Options(
      double cpuP95Percent,
      double targetP95Percent,
      double minCoverage,
      double memoryP95Percent,
      double targetMemoryP95Percent,
      BigDecimal minMemoryGbPerOcpu,
      BigDecimal maxMemoryGbPerOcpu,
      ListPriceEstimator estimator) {
    public static final Options DEFAULTS =
        new Options(
            DEFAULT_CPU_P95_PERCENT,
            DEFAULT_TARGET_P95_PERCENT,
            DEFAULT_MIN_COVERAGE,
            DEFAULT_MEMORY_P95_PERCENT,
            DEFAULT_TARGET_MEMORY_P95_PERCENT,
            DEFAULT_MIN_MEMORY_GB_PER_OCPU,
            DEFAULT_MAX_MEMORY_GB_PER_OCPU,
            ListPriceEstimator.NONE);

    /**
     * @throws IllegalArgumentException when a target percentage is not above 0, {@code
     *     memoryP95Percent} is negative (or not a number), or the GB per OCPU range is empty or not
     *     positive
     */
    public Options {
      Objects.requireNonNull(minMemoryGbPerOcpu, "minMemoryGbPerOcpu");
      Objects.requireNonNull(maxMemoryGbPerOcpu, "maxMemoryGbPerOcpu");
      Objects.requireNonNull(estimator, "estimator");
      if (!(memoryP95Percent >= 0)) {
        throw new IllegalArgumentException(
            "memoryP95Percent must be 0 or more, was " + memoryP95Percent);
      }
      if (!(targetP95Percent > 0) || !(targetMemoryP95Percent > 0)) {
        throw new IllegalArgumentException(
            "targetP95Percent and targetMemoryP95Percent must be above 0, were "
                + targetP95Percent
                + " and "
                + targetMemoryP95Percent);
      }
      if (minMemoryGbPerOcpu.signum() <= 0
          || maxMemoryGbPerOcpu.compareTo(minMemoryGbPerOcpu) < 0) {
        throw new IllegalArgumentException(
            "memory GB per OCPU must be a range above 0, was "
                + minMemoryGbPerOcpu
                + " to "
                + maxMemoryGbPerOcpu);
      }
    }

    /** The CPU settings, memory settings at their defaults. */
    public Options(
        double cpuP95Percent,
        double targetP95Percent,
        double minCoverage,
        ListPriceEstimator estimator) {
      this(
          cpuP95Percent,
          targetP95Percent,
          minCoverage,
          DEFAULT_MEMORY_P95_PERCENT,
          DEFAULT_TARGET_MEMORY_P95_PERCENT,
          DEFAULT_MIN_MEMORY_GB_PER_OCPU,
          DEFAULT_MAX_MEMORY_GB_PER_OCPU,
          estimator);
    }

    /** Without an estimator: instances without billed OCPU cost get no amount. */
    public Options(double cpuP95Percent, double targetP95Percent, double minCoverage) {
      this(cpuP95Percent, targetP95Percent, minCoverage, ListPriceEstimator.NONE);
    }

    public Options withEstimator(ListPriceEstimator value) {
      return new Options(
          cpuP95Percent,
          targetP95Percent,
          minCoverage,
          memoryP95Percent,
          targetMemoryP95Percent,
          minMemoryGbPerOcpu,
          maxMemoryGbPerOcpu,
          value);
    }

    /** These options with another memory target and GB per OCPU range. */
    public Options withMemory(
        double targetMemoryP95, BigDecimal minGbPerOcpu, BigDecimal maxGbPerOcpu) {
      return new Options(
          cpuP95Percent,
          targetP95Percent,
          minCoverage,
          memoryP95Percent,
          targetMemoryP95,
          minGbPerOcpu,
          maxGbPerOcpu,
          estimator);
    }

    /** These options with another memory test: P95 memory below {@code value} (0: no test). */
    public Options withMemoryP95Percent(double value) {
      return new Options(
          cpuP95Percent,
          targetP95Percent,
          minCoverage,
          value,
          targetMemoryP95Percent,
          minMemoryGbPerOcpu,
          maxMemoryGbPerOcpu,
          estimator);
    }
  }

  private final Options options;

  public RightsizeInstanceRule() {
    this(Options.DEFAULTS);
  }

  public RightsizeInstanceRule(Options options) {
    this.options = options;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public List<Recommendation> evaluate(RuleContext context) {
    List<Recommendation> out = new ArrayList<>();
    for (Resource instance : context.resources(ResourceType.INSTANCE)) {
      String shape = instance.spec().shape();
      BigDecimal ocpus = instance.spec().ocpus();
      if (!"RUNNING".equals(instance.lifecycleState())
          || shape == null
          || !shape.endsWith(".Flex")
          || ocpus == null
          || ocpus.signum() <= 0) {
        continue;
      }
      Optional<MetricSummary> cpu =
          context
              .metric(instance.id(), MetricName.CPU_UTILIZATION)
              .filter(s -> s.coverage() >= options.minCoverage());
      // NaN without covered CPU data: then no CPU test holds and the OCPUs are kept
      double p95 = cpu.map(c -> Finding.high(c.p95())).orElse(Double.NaN);
      boolean cpuLow = p95 < options.cpuP95Percent();
      Memory memory = memory(context, instance);
      // memory() sizes memory only from a covered metric: missing data never triggers
      boolean memoryLow = memory.p95() != null && memory.p95() < options.memoryP95Percent();
      if (!cpuLow && !memoryLow) {
        continue;
      }
      // OCPUs move only when CPU data says they are too many; memory alone keeps them
      BigDecimal cpuTarget =
          cpuLow
              ? BigDecimal.valueOf(ocpus.doubleValue() * p95 / options.targetP95Percent())
                  .setScale(0, RoundingMode.CEILING)
                  .max(BigDecimal.ONE)
              : ocpus;
      BigDecimal target = cpuTarget;
      BigDecimal targetGb = null;
      if (memory.gb() != null) {
        BigDecimal need = memory.need() == null ? memory.gb() : memory.need();
        target =
            target
                .max(need.divide(options.maxMemoryGbPerOcpu(), 0, RoundingMode.CEILING))
                .min(ocpus);
        targetGb = memory.gb().min(need.max(target.multiply(options.minMemoryGbPerOcpu())));
      } else {
        target = target.min(ocpus);
      }
      Target t =
          new Target(
              target,
              targetGb,
              target.compareTo(ocpus) < 0,
              targetGb != null && targetGb.compareTo(memory.gb()) < 0,
              cpuLow,
              memoryLow);
      if (!t.fewerOcpus() && !t.lessMemory()) {
        continue;
      }
      out.add(finding(context, instance, cpu.orElse(null), memory, t));
    }
    return out;
  }

  /**
   * The target configuration, computed once by {@link #evaluate} and described by {@link #finding}.
   *
   * @param ocpus target OCPUs
   * @param gb target GB, null when the inventory does not know the memory size
   * @param fewerOcpus the target has fewer OCPUs than now
   * @param lessMemory the target has less memory than now
   * @param cpuLow P95 CPU is below {@code cpuP95Percent}
   * @param memoryLow P95 memory (covered) is below {@code memoryP95Percent}
   */
  private record Target(
      BigDecimal ocpus,
      @Nullable BigDecimal gb,
      boolean fewerOcpus,
      boolean lessMemory,
      boolean cpuLow,
      boolean memoryLow) {

    /** Which resource is over-provisioned, for the title and summary. */
    String overProvisioned() {
      return cpuLow && memoryLow ? "CPU and memory" : cpuLow ? "CPU" : "memory";
    }
  }

  /**
   * The instance's memory and, when it can be sized, its P95 and the GB it needs.
   *
   * @param gb current GB, null when the inventory does not know it
   * @param p95 P95 memory %, null when memory is not sized
   * @param coverage the memory metric's coverage, null without metric
   * @param need {@code ceil(GB × P95 / targetMemoryP95Percent)} capped at GB, null when not sized
   * @param keptBecause why memory is not sized, null when it is
   */
  private record Memory(
      @Nullable BigDecimal gb,
      @Nullable Double p95,
      @Nullable Double coverage,
      @Nullable BigDecimal need,
      @Nullable String keptBecause) {}

  private Memory memory(RuleContext context, Resource instance) {
    BigDecimal gb = instance.spec().memoryGb();
    if (gb == null || gb.signum() <= 0) {
      return new Memory(null, null, null, null, "the inventory does not give its memory size");
    }
    Optional<MetricSummary> metric = context.metric(instance.id(), MetricName.MEMORY_UTILIZATION);
    if (metric.isEmpty()) {
      return new Memory(
          gb,
          null,
          null,
          null,
          "it has no memory metric (on OCI, memory needs the Oracle Cloud Agent), and missing"
              + " data is never oversized");
    }
    MetricSummary m = metric.get();
    if (m.coverage() < options.minCoverage() || m.p95() == null) {
      return new Memory(
          gb,
          null,
          m.coverage(),
          null,
          "its memory metric covers "
              + Finding.number(m.coverage() * 100)
              + " % of the window's hours, below the "
              + Finding.number(options.minCoverage() * 100)
              + " % needed, and missing data is never oversized");
    }
    double p95 = m.p95();
    BigDecimal need =
        BigDecimal.valueOf(gb.doubleValue() * p95 / options.targetMemoryP95Percent())
            .setScale(0, RoundingMode.CEILING)
            .max(BigDecimal.ONE)
            .min(gb);
    return new Memory(gb, p95, m.coverage(), need, null);
  }

  /**
   * @param cpu the covered CPU summary, null when CPU is not measured enough (then only memory was
   *     sized)
   */
  private Recommendation finding(
      RuleContext context,
      Resource instance,
      @Nullable MetricSummary cpu,
      Memory memory,
      Target t) {
    String shape = instance.spec().shape();
    BigDecimal ocpus = Objects.requireNonNull(instance.spec().ocpus());
    BigDecimal target = t.ocpus();
    BigDecimal targetGb = t.gb();
    boolean fewerOcpus = t.fewerOcpus();
    boolean lessMemory = t.lessMemory();
    String p95Now = "not measured";
    String p95Target = "not measured";
    String cpuTest = "not judged";
    if (cpu != null) {
      double p95 = Finding.high(cpu.p95());
      p95Now = Finding.number(p95);
      p95Target = Finding.number(p95 * ocpus.doubleValue() / target.doubleValue());
      cpuTest = test(p95, options.cpuP95Percent());
    }
    BigDecimal gb = memory.gb();
    Optional<ResourceCost> cost =
        context
            .cost(instance.id())
            .filter(c -> c.has(OCPU_SKU))
            .filter(c -> !lessMemory || c.has(MEMORY_SKU));
    String costColumn;
    String currentCost;
    String targetCost;
    Saving s;
    if (cost.isPresent()) {
      Money ocpuMonthly = cost.get().monthly(OCPU_SKU);
      Money memoryMonthly = cost.get().monthly(MEMORY_SKU);
      Money saving = ocpuMonthly.times(ocpus.subtract(target).divide(ocpus, MathContext.DECIMAL64));
      if (lessMemory) {
        saving =
            saving.plus(
                memoryMonthly.times(gb.subtract(targetGb).divide(gb, MathContext.DECIMAL64)));
      }
      s = Saving.billed(saving);
      costColumn = "OCPU + memory monthly cost";
      Money now = ocpuMonthly.plus(memoryMonthly);
      currentCost = now.toString();
      targetCost = now.minus(saving).toString();
    } else {
      ResourceSpec.Builder smaller = instance.spec().toBuilder().ocpus(target);
      if (targetGb != null) {
        smaller.memoryGb(targetGb);
      }
      Resource after = instance.toBuilder().spec(smaller.build()).build();
      ListPriceEstimator.Estimate nowPrice = options.estimator().monthly(instance, context);
      ListPriceEstimator.Estimate afterPrice = options.estimator().monthly(after, context);
      s = Costing.difference(context, nowPrice, afterPrice);
      costColumn = "monthly price as configured";
      currentCost = s.amount() == null ? "not priced" : String.valueOf(nowPrice.amount());
      targetCost = s.amount() == null ? "not priced" : String.valueOf(afterPrice.amount());
    }
    String gbNow = gb == null ? "unknown" : gb.toPlainString();
    String gbTarget = targetGb == null ? gbNow : targetGb.toPlainString();
    String memoryP95Now = memory.p95() == null ? "not sized" : Finding.number(memory.p95());
    String memoryP95Target =
        memory.p95() == null || targetGb == null
            ? "not sized"
            : Finding.number(memory.p95() * gb.doubleValue() / targetGb.doubleValue());
    String change =
        fewerOcpus && lessMemory
            ? ocpuCount(target) + " and " + gbTarget + " GB"
            : fewerOcpus ? ocpuCount(target) : gbTarget + " GB memory";
    String memoryTest =
        memory.p95() == null ? "not judged" : test(memory.p95(), options.memoryP95Percent());
    StringBuilder summary =
        new StringBuilder("Instance **")
            .append(instance.name())
            .append("** (")
            .append(shape)
            .append(", ")
            .append(ocpuCount(ocpus))
            .append(", ")
            .append(gb == null ? "memory unknown" : gbNow + " GB")
            .append(") has more ")
            .append(t.overProvisioned())
            .append(" than it uses: ");
    if (t.cpuLow() && t.memoryLow()) {
      summary
          .append("P95 CPU ")
          .append(p95Now)
          .append(" % is below ")
          .append(Finding.number(options.cpuP95Percent()))
          .append(" % and P95 memory ")
          .append(memoryP95Now)
          .append(" % below ")
          .append(Finding.number(options.memoryP95Percent()))
          .append(" %. ");
    } else if (t.cpuLow()) {
      summary
          .append("P95 CPU ")
          .append(p95Now)
          .append(" % is below ")
          .append(Finding.number(options.cpuP95Percent()))
          .append(" %");
      if (memory.p95() != null) {
        summary
            .append(" (P95 memory ")
            .append(memoryP95Now)
            .append(" % is not below ")
            .append(Finding.number(options.memoryP95Percent()))
            .append(" %)");
      }
      summary.append(". ");
    } else if (cpu == null) {
      summary
          .append("P95 memory ")
          .append(memoryP95Now)
          .append(" % is below ")
          .append(Finding.number(options.memoryP95Percent()))
          .append(" %, while its CPU is not measured: ")
          .append(unmeasuredCpu(context, instance))
          .append(". ");
    } else {
      summary
          .append("P95 memory ")
          .append(memoryP95Now)
          .append(" % is below ")
          .append(Finding.number(options.memoryP95Percent()))
          .append(" %, while P95 CPU ")
          .append(p95Now)
          .append(" % is not below ")
          .append(Finding.number(options.cpuP95Percent()))
          .append(" %. ");
    }
    if (fewerOcpus) {
      summary
          .append("With ")
          .append(ocpuCount(target))
          .append(" its P95 CPU would be about ")
          .append(p95Target)
          .append(" %. ");
    } else if (t.cpuLow()) {
      summary.append("Its OCPU count stays ").append(ocpus.toPlainString()).append(". ");
    } else if (cpu == null) {
      summary
          .append("Its OCPU count stays ")
          .append(ocpus.toPlainString())
          .append(": without CPU data the OCPUs are not judged. ");
    } else {
      summary
          .append("Its OCPU count stays ")
          .append(ocpus.toPlainString())
          .append(": its CPU is not over-provisioned. ");
    }
    if (memory.keptBecause() != null) {
      summary
          .append("Memory is kept as it is")
          .append(gb == null ? "" : " (" + gbNow + " GB)")
          .append(": ")
          .append(memory.keptBecause())
          .append(". ");
    } else if (lessMemory) {
      summary
          .append("Memory peaks at P95 ")
          .append(memoryP95Now)
          .append(" % of ")
          .append(gbNow)
          .append(" GB; with ")
          .append(gbTarget)
          .append(" GB it would be about ")
          .append(memoryP95Target)
          .append(" %. ");
    } else {
      summary
          .append("Memory (P95 ")
          .append(memoryP95Now)
          .append(" % of ")
          .append(gbNow)
          .append(" GB) is kept: no smaller size keeps P95 at most ")
          .append(Finding.number(options.targetMemoryP95Percent()))
          .append(" % within the shape's GB per OCPU. ");
    }
    summary.append(s.describe());
    double confidence = cpu == null ? UNMEASURED_CPU_CONFIDENCE : Math.min(0.85, cpu.coverage());
    if (memory.coverage() != null && memory.p95() != null) {
      confidence = Math.min(confidence, memory.coverage());
    }
    return new Finding(ID, context)
        .resource(instance)
        .severity(Severity.MEDIUM)
        .title(
            "Rightsize "
                + instance.name()
                + " to "
                + change
                + " ("
                + t.overProvisioned()
                + " over-provisioned)")
        .summary(summary.toString())
        .saving(s)
        .confidence(confidence)
        .columns("", "OCPUs", "P95 CPU %", "memory GB", "P95 memory %", costColumn)
        .row("current", ocpus.toPlainString(), p95Now, gbNow, memoryP95Now, currentCost)
        .row("target", target.toPlainString(), p95Target, gbTarget, memoryP95Target, targetCost)
        .row("over-provisioned", "", cpuTest, "", memoryTest, "")
        .action(
            "Change the shape configuration",
            "Edit the instance's shape configuration to "
                + ocpuCount(target)
                + " and "
                + (gb == null ? "its current memory" : gbTarget + " GB of memory")
                + " (it reboots).")
        .build();
  }

  /** {@code 1 OCPU}, {@code 2 OCPUs}, {@code 0.5 OCPUs}. */
  private static String ocpuCount(BigDecimal n) {
    return n.toPlainString() + (n.compareTo(BigDecimal.ONE) == 0 ? " OCPU" : " OCPUs");
  }

  /** Why CPU is not judged: no CPU metric, or one that covers too little of the window. */
  private String unmeasuredCpu(RuleContext context, Resource instance) {
    return context
        .metric(instance.id(), MetricName.CPU_UTILIZATION)
        .map(
            m ->
                "its CPU metric covers "
                    + Finding.number(m.coverage() * 100)
                    + " % of the window's hours, below the "
                    + Finding.number(options.minCoverage() * 100)
                    + " % needed")
        .orElse("it has no CPU metric");
  }

  /** An evidence cell for a "P95 below the threshold" test, e.g. {@code yes: 20 < 40}. */
  private static String test(double p95, double threshold) {
    return p95 < threshold
        ? "yes: " + Finding.number(p95) + " < " + Finding.number(threshold)
        : "no: " + Finding.number(p95) + " ≥ " + Finding.number(threshold);
  }
}
