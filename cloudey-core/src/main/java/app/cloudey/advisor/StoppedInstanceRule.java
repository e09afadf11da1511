package app.cloudey.advisor;

import app.cloudey.model.MetricName;
import app.cloudey.model.MetricSummary;
import app.cloudey.model.Money;
import app.cloudey.model.Recommendation;
import app.cloudey.model.Resource;
import app.cloudey.model.ResourceType;
import app.cloudey.model.SavingsBasis;
import app.cloudey.model.Severity;
import app.cloudey.spi.AdvisorRule;
import app.cloudey.spi.RuleContext;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * {@code stopped-instance}: a STOPPED instance (not TERMINATED) that still costs money, stopped for
 * at least {@code minStoppedDays}. OCI reports no stop time, so the stop day is the latest evidence
 * of running: the last day its compute was billed, the last day with a CPU datapoint, or (when
 * neither exists) the day a sync first saw it stopped.
 *
 * <p><b>Saving</b> = the monthly cost of its attached boot and block volumes (billed × 30 / days,
 * list price otherwise) + its own compute monthly cost when its shape bills while stopped ({@code
 * billsWhileStopped}: Dense I/O, HPC, bare metal and GPU shapes on OCI; provider knowledge supplied
 * by the OCI adapter). Standard shapes: storage only.
 *
 * <p>A part with neither billed cost nor a price (a volume the estimator cannot price, compute of a
 * shape without known SKUs, or a list price in another currency than the bills) is left out of the
 * amount, which is then what is priced (at least the saving); the summary names each such part and
 * why, and the evidence table marks its row "not priced" with basis {@code NONE} and the reason.
 * With no part priced there is no amount (basis {@code NONE}).
 */
public final class StoppedInstanceRule implements AdvisorRule {
  public static final String ID = "stopped-instance";

  /**
   * @param minStoppedDays stopped at least this long (default 7)
   * @param billsWhileStopped shapes whose compute bills while stopped (default: none)
   * @param estimator list prices where nothing is billed (default none)
   */
  public record Options(
      int minStoppedDays, Predicate<String> billsWhileStopped, ListPriceEstimator estimator) {
    public static final Options DEFAULTS = new Options(7, shape -> false, ListPriceEstimator.NONE);

    public Options withBillsWhileStopped(Predicate<String> value) {
      return new Options(minStoppedDays, value, estimator);
    }

    public Options withEstimator(ListPriceEstimator value) {
      return new Options(minStoppedDays, billsWhileStopped, value);
    }
  }

  private final Options options;

  public StoppedInstanceRule() {
    this(Options.DEFAULTS);
  }

  public StoppedInstanceRule(Options options) {
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
      if (!"STOPPED".equals(instance.lifecycleState())) {
        continue;
      }
      boolean computeBills =
          instance.spec().shape() != null
              && options.billsWhileStopped().test(instance.spec().shape());
      Optional<LocalDate> stoppedOn = stoppedOn(context, instance, computeBills);
      if (stoppedOn.isEmpty()
          || Ages.days(stoppedOn.get(), context.today()) < options.minStoppedDays()) {
        continue;
      }
      out.add(finding(context, instance, stoppedOn.get(), computeBills));
    }
    return out;
  }

  /**
   * The day after the latest evidence of running, or the day a sync first saw it stopped. Billing
   * is no evidence for a shape that bills while stopped.
   */
  private static Optional<LocalDate> stoppedOn(
      RuleContext context, Resource instance, boolean computeBills) {
    LocalDate lastRun = null;
    Optional<LocalDate> billed =
        computeBills ? Optional.empty() : context.cost(instance.id()).map(c -> c.lastDay());
    Optional<LocalDate> measured =
        context
            .metric(instance.id(), MetricName.CPU_UTILIZATION)
            .map(MetricSummary::lastDayWithData);
    for (Optional<LocalDate> day : List.of(billed, measured)) {
      if (day.isPresent() && (lastRun == null || day.get().isAfter(lastRun))) {
        lastRun = day.get();
      }
    }
    if (lastRun != null) {
      return Optional.of(lastRun.plusDays(1));
    }
    return Optional.ofNullable(instance.tracking())
        .map(t -> LocalDate.ofInstant(t.stateSince(), ZoneOffset.UTC));
  }

  private Recommendation finding(
      RuleContext context, Resource instance, LocalDate stoppedOn, boolean computeBills) {
    Finding f =
        new Finding(ID, context)
            .resource(instance)
            .severity(Severity.HIGH)
            .columns("resource", "kind", "monthly cost", "basis");
    Money total = null;
    SavingsBasis basis = SavingsBasis.BILLED_COST;
    List<String> unpriced = new ArrayList<>();
    if (computeBills) {
      Saving compute = Costing.whole(context, instance, options.estimator());
      part(f, instance.name(), "compute (bills while stopped)", compute);
      if (compute.amount() == null) {
        unpriced.add("compute of " + instance.name() + " (" + compute.source() + ")");
      } else {
        total = compute.amount();
        basis = compute.basis();
      }
    }
    for (Resource volume : context.attachedTo(instance.id())) {
      if (volume.type() == ResourceType.BOOT_VOLUME || volume.type() == ResourceType.BLOCK_VOLUME) {
        Saving storage = Costing.whole(context, volume, options.estimator());
        f.resource(volume);
        part(f, volume.name(), volume.type().key(), storage);
        if (storage.amount() == null) {
          unpriced.add(
              (volume.type() == ResourceType.BOOT_VOLUME ? "boot volume" : "block volume")
                  + " "
                  + volume.name()
                  + " ("
                  + storage.source()
                  + ")");
          continue;
        }
        total = total == null ? storage.amount() : total.plus(storage.amount());
        if (storage.basis() == SavingsBasis.LIST_PRICE) {
          basis = SavingsBasis.LIST_PRICE; // any list-price part makes the whole an estimate
        }
      }
    }
    Saving saving =
        total == null
            ? unpriced.isEmpty()
                ? Saving.NONE
                : Saving.none(
                    "no part it is billed for has a price: " + String.join("; ", unpriced))
            : (basis == SavingsBasis.BILLED_COST
                    ? Saving.billed(total)
                    : Saving.listPrice(total, context.priceBook().source()))
                .withUnpriced(unpriced);
    return f.title("Stopped instance " + instance.name() + " still costs money")
        .summary(
            "Instance **"
                + instance.name()
                + "** has been stopped since about "
                + stoppedOn
                + " ("
                + Ages.days(stoppedOn, context.today())
                + " days) but its "
                + (computeBills ? "shape bills while stopped, and its " : "")
                + "volumes are still billed. "
                + saving.describe())
        .saving(saving)
        .confidence(0.9)
        .action(
            "Terminate it if it is no longer needed",
            "Back up the boot volume (or create a custom image) first, then terminate the instance"
                + " and delete its volumes.")
        .build();
  }

  /** One evidence row: the part's monthly cost and basis, or "not priced" and why. */
  private static void part(Finding f, String name, String kind, Saving s) {
    if (s.amount() == null) {
      f.row(name, kind, "not priced", "NONE: " + s.source());
    } else {
      f.row(name, kind, s.amount().toString(), s.basis().name());
    }
  }
}
