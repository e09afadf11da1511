package app.cloudey.advisor;

import app.cloudey.model.Money;
import app.cloudey.model.Recommendation;
import app.cloudey.model.Resource;
import app.cloudey.model.ResourceCost;
import app.cloudey.model.ResourceType;
import app.cloudey.model.Severity;
import app.cloudey.spi.AdvisorRule;
import app.cloudey.spi.RuleContext;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code old-generation-shape}: a RUNNING instance on a shape with a cheaper newer equivalent.
 * Which shapes are old and what replaces them is provider knowledge, given by a {@link
 * ShapeGenerations} (the OCI adapter supplies one from its price book; the default knows none, so
 * the rule finds nothing until one is given).
 *
 * <p><b>Saving</b> = the instance's monthly billed cost × (1 − new price / old price), the price
 * ratio of the same OCPUs and memory at list prices applied to what the tenancy pays.
 */
public final class OldGenerationShapeRule implements AdvisorRule {
  public static final String ID = "old-generation-shape";

  /** Provider knowledge of shape generations. */
  @FunctionalInterface
  public interface ShapeGenerations {
    ShapeGenerations NONE = instance -> Optional.empty();

    /** The newer shape for the instance's shape and its price ratio (new ÷ old), if any. */
    Optional<Replacement> replacement(Resource instance);
  }

  /**
   * @param shape the newer shape, e.g. {@code VM.Standard.E5.Flex}
   * @param priceRatio its price for the same OCPUs and memory ÷ the old one's (below 1)
   */
  public record Replacement(String shape, BigDecimal priceRatio) {}

  /**
   * @param generations the shape map (default none)
   */
  public record Options(ShapeGenerations generations) {
    public static final Options DEFAULTS = new Options(ShapeGenerations.NONE);
  }

  private final Options options;

  public OldGenerationShapeRule() {
    this(Options.DEFAULTS);
  }

  public OldGenerationShapeRule(Options options) {
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
      if (!"RUNNING".equals(instance.lifecycleState())) {
        continue;
      }
      Optional<Replacement> replacement = options.generations().replacement(instance);
      Optional<ResourceCost> cost = context.cost(instance.id());
      if (replacement.isEmpty()
          || replacement.get().priceRatio().compareTo(BigDecimal.ONE) >= 0
          || cost.isEmpty()) {
        continue;
      }
      Money monthly = cost.get().monthly();
      Saving s =
          Saving.billed(monthly.times(BigDecimal.ONE.subtract(replacement.get().priceRatio())));
      out.add(
          new Finding(ID, context)
              .resource(instance)
              .severity(Severity.LOW)
              .title("Move " + instance.name() + " to " + replacement.get().shape())
              .summary(
                  "Instance **"
                      + instance.name()
                      + "** runs on the older shape "
                      + instance.spec().shape()
                      + "; "
                      + replacement.get().shape()
                      + " costs "
                      + replacement
                          .get()
                          .priceRatio()
                          .movePointRight(2)
                          .stripTrailingZeros()
                          .toPlainString()
                      + " % as much. "
                      + s.describe())
              .saving(s)
              .confidence(0.7)
              .columns("instance", "shape", "newer shape", "monthly cost")
              .row(
                  instance.name(),
                  String.valueOf(instance.spec().shape()),
                  replacement.get().shape(),
                  monthly.toString())
              .action(
                  "Change the shape",
                  "Edit the instance and pick " + replacement.get().shape() + " (it reboots).")
              .build());
    }
    return out;
  }
}
