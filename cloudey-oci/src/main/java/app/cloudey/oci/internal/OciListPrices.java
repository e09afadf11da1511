package app.cloudey.oci.internal;

import app.cloudey.advisor.ListPriceEstimator;
import app.cloudey.model.Money;
import app.cloudey.model.Resource;
import app.cloudey.model.ResourceCost;
import app.cloudey.model.ResourceSkuCost;
import app.cloudey.model.ResourceSpec;
import app.cloudey.oci.AccountPriceBook;
import app.cloudey.oci.AccountPricing;
import app.cloudey.oci.BilledUnitPrices;
import app.cloudey.oci.OciPriceBook;
import app.cloudey.spi.RuleContext;
import java.lang.ref.WeakReference;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * OCI's {@link ListPriceEstimator}: the monthly price of a resource as configured, for resources
 * without billed cost. Its configuration becomes monthly SKU usage (a month is {@link
 * OciPriceBook#HOURS_PER_MONTH} hours, the same 30 days as billed monthly figures):
 *
 * <ul>
 *   <li>instance: the shape's SKUs ({@link app.cloudey.oci.OciShapes#findSkus}, flex shapes by
 *       family): OCPUs × 720 OCPU hours, memory GB × 720 GB hours when memory bills apart, GPUs ×
 *       720 for GPU shapes;
 *   <li>block and boot volume: size GB on B91961 (GB-month) and size × VPUs/GB on B91962
 *       (performance unit per GB-month);
 *   <li>volume and boot-volume backup, and a Standard bucket: size GB on B91628 (Object Storage
 *       GB-month); Infrequent Access B93000, Archive B91633;
 *   <li>flexible load balancer: 720 hours on B93030 (base) and minimum Mbps × 720 on B93031
 *       (bandwidth).
 * </ul>
 *
 * Each SKU is priced by the account's {@link AccountPriceBook}: the tenancy's own billed unit price
 * (from every cost line of the run's snapshot, {@link BilledUnitPrices}) wins, then the pricing's
 * contract price, then the list price less its discount, tier-aware: the resource's usage {@code u}
 * comes on top of the tenancy's billed monthly usage {@code T} of the SKU and costs {@code costOf(T
 * + u) - costOf(T)}, so a free allowance the tenancy has used up is not counted again (a lone load
 * balancer inside the free tier costs 0; a second one pays the marginal tier). An account billed in
 * another currency than the list's (USD) gets no amount for a SKU it has not been billed for: the
 * estimate says so. Every estimate cites its prices (the list's source and date, the billed lines'
 * dates).
 *
 * <p>Thread-safe. The billed unit prices of the last snapshot seen are kept (by identity), so one
 * run derives them once (the snapshot is held weakly).
 */
public final class OciListPrices implements ListPriceEstimator {
  private final OciPriceBook list;
  private final AccountPricing pricing;
  private volatile @Nullable Cached last;

  /** The last snapshot's pricing; weakly held, so a finished run's snapshot can be collected. */
  private record Cached(WeakReference<RuleContext> context, AccountPricing pricing) {}

  public OciListPrices(OciPriceBook list, AccountPricing pricing) {
    this.list = list;
    this.pricing = pricing;
  }

  @Override
  public Estimate monthly(Resource resource, RuleContext context) {
    Optional<Map<String, BigDecimal>> usage = usage(resource);
    if (usage.isEmpty()) {
      return Estimate.none(
          "no billed cost, and Cloudey cannot price a "
              + resource.type().key()
              + (resource.spec().shape() == null ? "" : " of shape " + resource.spec().shape())
              + " from its configuration");
    }
    // the resource's lines are not among the billed ones: its usage comes on top of the tenancy's
    AccountPricing billed = pricing(context);
    AccountPricing.Builder withUsage = billed.toBuilder();
    usage
        .get()
        .forEach(
            (sku, quantity) ->
                withUsage.tenancyMonthlyQuantity(
                    sku,
                    billed
                        .tenancyMonthlyQuantities()
                        .getOrDefault(sku, BigDecimal.ZERO)
                        .add(quantity)));
    AccountPriceBook.Estimate estimate = list.forAccount(withUsage.build()).estimate(usage.get());
    Optional<Money> amount = estimate.amount();
    if (amount.isEmpty()) {
      return Estimate.none(estimate.reason());
    }
    return estimate.basis() == AccountPriceBook.Basis.BILLED
        ? Estimate.billedUnitPrices(amount.get(), estimate.source())
        : Estimate.listPrice(amount.get(), estimate.source());
  }

  /** The monthly SKU usage of a resource's configuration, if Cloudey knows how to price it. */
  Optional<Map<String, BigDecimal>> usage(Resource resource) {
    ResourceSpec spec = resource.spec();
    Map<String, BigDecimal> usage = new LinkedHashMap<>();
    BigDecimal month = OciPriceBook.HOURS_PER_MONTH;
    switch (resource.type()) {
      case INSTANCE -> {
        if (spec.shape() == null || spec.ocpus() == null) {
          return Optional.empty();
        }
        BigDecimal memory = spec.memoryGb() == null ? BigDecimal.ZERO : spec.memoryGb();
        return list.shapes()
            .findSkus(spec.shape())
            .map(skus -> skus.usage(spec.ocpus(), memory, month));
      }
      case BLOCK_VOLUME, BOOT_VOLUME -> {
        if (spec.sizeGb() == null) {
          return Optional.empty();
        }
        usage.put(BLOCK_STORAGE, spec.sizeGb());
        int vpus = spec.vpusPerGb() == null ? 0 : spec.vpusPerGb();
        if (vpus > 0) {
          usage.put(BLOCK_PERFORMANCE, spec.sizeGb().multiply(BigDecimal.valueOf(vpus)));
        }
      }
      case VOLUME_BACKUP, BOOT_VOLUME_BACKUP -> {
        if (spec.sizeGb() == null) {
          return Optional.empty();
        }
        usage.put(OBJECT_STANDARD, spec.sizeGb());
      }
      case BUCKET -> {
        if (spec.sizeGb() == null) {
          return Optional.empty();
        }
        String tier = spec.storageTier() == null ? "" : spec.storageTier().toUpperCase(Locale.ROOT);
        usage.put(
            tier.startsWith("ARCHIVE")
                ? OBJECT_ARCHIVE
                : tier.startsWith("INFREQUENT") ? OBJECT_INFREQUENT : OBJECT_STANDARD,
            spec.sizeGb());
      }
      case LOAD_BALANCER -> {
        if (spec.bandwidthMinMbps() == null) {
          return Optional.empty(); // a fixed (legacy) shape: not in the bundled list by size
        }
        usage.put(LB_BASE, month);
        usage.put(LB_BANDWIDTH, BigDecimal.valueOf(spec.bandwidthMinMbps()).multiply(month));
      }
      default -> {
        return Optional.empty();
      }
    }
    return Optional.of(usage);
  }

  static final String BLOCK_STORAGE = "B91961";
  static final String BLOCK_PERFORMANCE = "B91962";
  static final String OBJECT_STANDARD = "B91628";
  static final String OBJECT_INFREQUENT = "B93000";
  static final String OBJECT_ARCHIVE = "B91633";
  static final String LB_BASE = "B93030";
  static final String LB_BANDWIDTH = "B93031";

  /** The account's pricing for one snapshot: its billed unit prices over this pricing. */
  AccountPricing pricing(RuleContext context) {
    Cached cached = last;
    if (cached != null && cached.context().get() == context) {
      return cached.pricing();
    }
    AccountPricing billed = withBilled(context);
    last = new Cached(new WeakReference<>(context), billed);
    return billed;
  }

  /**
   * This pricing with the billed unit prices of every resource cost in the snapshot's window (in
   * the account's billing currency; rows in another currency are left out).
   */
  private AccountPricing withBilled(RuleContext context) {
    Optional<Currency> currency = context.billingCurrency();
    if (currency.isEmpty()) {
      return pricing;
    }
    if (!pricing.billed().isEmpty()
        || (!pricing.currency().equals(currency.get())
            && !pricing.currency().equals(AccountPricing.DEFAULT_CURRENCY))) {
      return pricing; // prices given explicitly win, and a currency set on purpose is kept
    }
    BilledUnitPrices.Builder billed =
        BilledUnitPrices.builder().days((int) context.costWindow().days());
    for (Resource r : context.resources()) {
      Optional<ResourceCost> cost = context.cost(r.id());
      if (cost.isEmpty()) {
        continue;
      }
      for (ResourceSkuCost sku : cost.get().skus()) {
        if (sku.currency().equals(currency.get())) {
          billed.add(sku.skuPartNumber(), sku.cost(), sku.quantity());
        }
      }
    }
    AccountPricing.Builder b = pricing.toBuilder().billed(billed.build());
    b.currency(currency.get().getCurrencyCode());
    return b.build();
  }
}
