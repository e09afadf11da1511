package app.cloudey.oci.internal;

import app.cloudey.advisor.OldGenerationShapeRule;
import app.cloudey.model.Money;
import app.cloudey.model.Resource;
import app.cloudey.oci.AccountPriceBook;
import app.cloudey.oci.AccountPricing;
import app.cloudey.oci.OciPriceBook;
import app.cloudey.oci.OciShapes;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Optional;

/**
 * OCI's old shape generations for {@link OldGenerationShapeRule}: the current shape from {@link
 * OciShapes#findCurrentGeneration}, and the price ratio of the same OCPUs and memory on both shapes
 * at list prices (a ratio, so it applies to what the tenancy pays in any currency). No replacement
 * when either shape cannot be priced or the instance reports no OCPUs.
 */
public final class OciGenerations implements OldGenerationShapeRule.ShapeGenerations {
  private final AccountPriceBook listPrices;

  public OciGenerations(OciPriceBook list) {
    this.listPrices = list.forAccount(AccountPricing.listPrices());
  }

  @Override
  public Optional<OldGenerationShapeRule.Replacement> replacement(Resource instance) {
    String shape = instance.spec().shape();
    BigDecimal ocpus = instance.spec().ocpus();
    if (shape == null || ocpus == null || ocpus.signum() <= 0) {
      return Optional.empty();
    }
    BigDecimal memory =
        instance.spec().memoryGb() == null ? BigDecimal.ZERO : instance.spec().memoryGb();
    return OciShapes.findCurrentGeneration(shape)
        .flatMap(
            target -> {
              Optional<Money> old = listPrices.estimateInstance(shape, ocpus, memory).amount();
              Optional<Money> now = listPrices.estimateInstance(target, ocpus, memory).amount();
              if (old.isEmpty() || now.isEmpty() || old.get().amount().signum() <= 0) {
                return Optional.empty();
              }
              return Optional.of(
                  new OldGenerationShapeRule.Replacement(
                      target,
                      now.get()
                          .amount()
                          .divide(old.get().amount(), MathContext.DECIMAL64)
                          .stripTrailingZeros()));
            });
  }
}
