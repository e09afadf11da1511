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
 * {@code storage-tier}: a bucket on the Standard tier whose monthly billed cost is at least {@code
 * minMonthlyCost} (in the billing currency). Cloudey does not see access patterns, so this is a
 * candidate to check (confidence 0.4), not a certainty.
 *
 * <p><b>Saving</b> = the bucket's monthly billed cost × (1 − {@code infrequentAccessRatio}), the
 * Infrequent Access ÷ Standard list price ratio per GB-month (default 0.0100 / 0.0255 ≈ 0.392, OCI
 * list prices); retrieval fees are not included.
 */
public final class StorageTierRule implements AdvisorRule {
  public static final String ID = "storage-tier";

  /**
   * @param minMonthlyCost buckets costing at least this a month are reviewed (default 10)
   * @param infrequentAccessRatio Infrequent Access ÷ Standard price (default 0.0100 / 0.0255)
   */
  public record Options(BigDecimal minMonthlyCost, BigDecimal infrequentAccessRatio) {
    public static final Options DEFAULTS =
        new Options(
            BigDecimal.TEN,
            new BigDecimal("0.0100")
                .divide(new BigDecimal("0.0255"), java.math.MathContext.DECIMAL64));
  }

  private final Options options;

  public StorageTierRule() {
    this(Options.DEFAULTS);
  }

  public StorageTierRule(Options options) {
    this.options = options;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public List<Recommendation> evaluate(RuleContext context) {
    List<Recommendation> out = new ArrayList<>();
    for (Resource bucket : context.resources(ResourceType.BUCKET)) {
      String tier = bucket.spec().storageTier();
      Optional<ResourceCost> cost = context.cost(bucket.id());
      if (tier == null || !tier.equalsIgnoreCase("Standard") || cost.isEmpty()) {
        continue;
      }
      Money monthly = cost.get().monthly();
      if (monthly.amount().compareTo(options.minMonthlyCost()) < 0) {
        continue;
      }
      Saving s =
          Saving.billed(monthly.times(BigDecimal.ONE.subtract(options.infrequentAccessRatio())));
      out.add(
          new Finding(ID, context)
              .resource(bucket)
              .severity(Severity.LOW)
              .title("Consider Infrequent Access for bucket " + bucket.name())
              .summary(
                  "Bucket **"
                      + bucket.name()
                      + "** costs "
                      + monthly
                      + " a month on the Standard tier. If its objects are rarely read, the"
                      + " Infrequent Access tier or a lifecycle rule to Archive costs less. "
                      + s.describe())
              .saving(s)
              .confidence(0.4)
              .columns("bucket", "tier", "objects", "monthly cost")
              .row(
                  bucket.name(),
                  tier,
                  String.valueOf(bucket.spec().objectCount()),
                  monthly.toString())
              .action(
                  "Add a lifecycle rule or change the tier",
                  "Move objects older than N days to Infrequent Access or Archive with an object"
                      + " lifecycle policy; check read patterns first (retrieval is billed).")
              .build());
    }
    return out;
  }
}
