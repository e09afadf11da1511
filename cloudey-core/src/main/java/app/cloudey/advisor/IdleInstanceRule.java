package app.cloudey.advisor;

import app.cloudey.model.MetricName;
import app.cloudey.model.MetricSummary;
import app.cloudey.model.Recommendation;
import app.cloudey.model.Resource;
import app.cloudey.model.ResourceType;
import app.cloudey.model.Severity;
import app.cloudey.spi.AdvisorRule;
import app.cloudey.spi.RuleContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code idle-instance}: a RUNNING instance doing nothing. Test: P95 CPU below {@code
 * cpuP95Percent} and (with {@code requireMemory}) max memory below {@code memoryMaxPercent} over
 * the metric window, each metric with at least {@code minCoverage} of its hours measured, and the
 * instance at least {@code minAgeDays} old. Missing metrics are never idle: an instance without
 * enough data is not flagged.
 *
 * <p><b>Saving</b> = the instance's monthly cost: its billed cost over the trailing 30 days × 30 /
 * days with cost (list price from the {@link ListPriceEstimator} when nothing is billed). Its boot
 * volume is a separate resource and is not counted.
 */
public final class IdleInstanceRule implements AdvisorRule {
  public static final String ID = "idle-instance";

  /**
   * @param cpuP95Percent P95 CPU below this is idle (default 5)
   * @param memoryMaxPercent max memory below this is idle (default 10)
   * @param requireMemory whether the memory test is required (default true: an instance without the
   *     monitoring agent's memory metric is not judged)
   * @param minCoverage share of the window's hours that must have data, per metric (default 0.8)
   * @param minAgeDays instances younger than this are not judged (default 14)
   * @param estimator list prices where nothing is billed (default none)
   */
  public record Options(
      double cpuP95Percent,
      double memoryMaxPercent,
      boolean requireMemory,
      double minCoverage,
      int minAgeDays,
      ListPriceEstimator estimator) {
    public static final Options DEFAULTS =
        new Options(5, 10, true, 0.8, 14, ListPriceEstimator.NONE);

    public Options withEstimator(ListPriceEstimator value) {
      return new Options(
          cpuP95Percent, memoryMaxPercent, requireMemory, minCoverage, minAgeDays, value);
    }
  }

  private final Options options;

  public IdleInstanceRule() {
    this(Options.DEFAULTS);
  }

  public IdleInstanceRule(Options options) {
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
      if (!"RUNNING".equals(instance.lifecycleState())
          || !Ages.olderThan(instance, context.today(), options.minAgeDays())) {
        continue;
      }
      Optional<MetricSummary> cpu =
          covered(context.metric(instance.id(), MetricName.CPU_UTILIZATION));
      Optional<MetricSummary> memory =
          covered(context.metric(instance.id(), MetricName.MEMORY_UTILIZATION));
      if (cpu.isEmpty() || Finding.high(cpu.get().p95()) >= options.cpuP95Percent()) {
        continue;
      }
      if (memory.isPresent() && Finding.high(memory.get().max()) >= options.memoryMaxPercent()) {
        continue;
      }
      if (memory.isEmpty() && options.requireMemory()) {
        continue;
      }
      out.add(finding(context, instance, cpu.get(), memory));
    }
    return out;
  }

  private Optional<MetricSummary> covered(Optional<MetricSummary> summary) {
    return summary.filter(s -> s.coverage() >= options.minCoverage() && s.p95() != null);
  }

  private Recommendation finding(
      RuleContext context, Resource instance, MetricSummary cpu, Optional<MetricSummary> memory) {
    Saving saving = Costing.whole(context, instance, options.estimator());
    Finding f =
        new Finding(ID, context)
            .resource(instance)
            .severity(Severity.HIGH)
            .title("Idle instance " + instance.name())
            .summary(
                "Instance **"
                    + instance.name()
                    + "** ("
                    + instance.spec().shape()
                    + ") has had P95 CPU of "
                    + Finding.number(Finding.high(cpu.p95()))
                    + " %"
                    + memory
                        .map(
                            m ->
                                " and max memory of "
                                    + Finding.number(Finding.high(m.max()))
                                    + " %")
                        .orElse(" (no memory metric)")
                    + " over "
                    + cpu.window().days()
                    + " days. "
                    + saving.describe())
            .saving(saving)
            .confidence(
                memory.isPresent() ? Math.min(cpu.coverage(), memory.get().coverage()) : 0.6)
            .columns("metric", "statistic", "value %", "coverage %")
            .row(
                "CPU",
                "P95",
                Finding.number(Finding.high(cpu.p95())),
                Finding.number(cpu.coverage() * 100));
    memory.ifPresent(
        m ->
            f.row(
                "memory",
                "max",
                Finding.number(Finding.high(m.max())),
                Finding.number(m.coverage() * 100)));
    return f.action(
            "Stop or terminate the instance",
            "If nothing needs it, terminate it (keep a boot volume backup first); if it is needed"
                + " only at times, stop it when idle.")
        .build();
  }
}
