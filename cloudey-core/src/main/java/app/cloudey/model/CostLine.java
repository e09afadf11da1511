package app.cloudey.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One billed line: the cost of one SKU for one resource (or none) on one UTC day, as the provider's
 * usage API reports it.
 *
 * <p>The {@link #key() natural key} is every dimension plus the day, so re-ingesting a day replaces
 * its lines and never duplicates them. Lines without a resource (network egress, support, credits)
 * have an empty {@code resourceId}. Amounts may be negative (credits).
 *
 * @param accountId owning account
 * @param day usage day, UTC
 * @param service provider service name, e.g. {@code COMPUTE}
 * @param skuPartNumber SKU part number, e.g. {@code B97384}; empty when the provider gives none
 * @param skuName SKU name; empty when the provider gives none
 * @param unit unit of {@code quantity}, e.g. {@code OCPU Per Hour}; empty when unknown
 * @param quantity usage quantity in {@code unit}; zero when unknown
 * @param cost billed amount in the billing currency
 * @param region region of the usage; empty for global lines
 * @param compartmentId compartment id; empty when the provider gives none
 * @param compartmentPath compartment path; empty when the provider gives none
 * @param resourceId resource id; empty (never null) for lines without one
 * @param tags tags of the line when grouped by tag (usually empty)
 * @param unitPrice price per unit actually billed, when reported
 * @param listRate list price per unit, when reported
 * @param discount discount applied (fraction or amount as reported), when reported
 */
public record CostLine(
    AccountId accountId,
    LocalDate day,
    String service,
    String skuPartNumber,
    String skuName,
    String unit,
    BigDecimal quantity,
    Money cost,
    String region,
    String compartmentId,
    String compartmentPath,
    String resourceId,
    Map<String, String> tags,
    @Nullable BigDecimal unitPrice,
    @Nullable BigDecimal listRate,
    @Nullable BigDecimal discount) {

  public CostLine {
    Checks.notNull(accountId, "accountId");
    Checks.notNull(day, "day");
    service = Checks.notBlank(service, "service").trim();
    skuPartNumber = orEmpty(skuPartNumber);
    skuName = orEmpty(skuName);
    unit = orEmpty(unit);
    quantity = quantity == null ? BigDecimal.ZERO : Money.normalise(quantity);
    Checks.notNull(cost, "cost");
    region = orEmpty(region);
    compartmentId = orEmpty(compartmentId);
    compartmentPath = orEmpty(compartmentPath);
    resourceId = orEmpty(resourceId);
    tags = Checks.copy(tags, "tags");
    unitPrice = unitPrice == null ? null : Money.normalise(unitPrice);
    listRate = listRate == null ? null : Money.normalise(listRate);
    discount = discount == null ? null : Money.normalise(discount);
  }

  private static String orEmpty(@Nullable String value) {
    return value == null ? "" : value.trim();
  }

  /** The dimensions that identify this line; two lines with the same key are the same line. */
  public Key key() {
    return new Key(
        accountId, day, service, skuPartNumber, skuName, unit, region, compartmentId, resourceId);
  }

  public boolean hasResource() {
    return !resourceId.isEmpty();
  }

  /** Natural key of a {@link CostLine}. */
  public record Key(
      AccountId accountId,
      LocalDate day,
      String service,
      String skuPartNumber,
      String skuName,
      String unit,
      String region,
      String compartmentId,
      String resourceId) {}

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder()
        .accountId(accountId)
        .day(day)
        .service(service)
        .skuPartNumber(skuPartNumber)
        .skuName(skuName)
        .unit(unit)
        .quantity(quantity)
        .cost(cost)
        .region(region)
        .compartmentId(compartmentId)
        .compartmentPath(compartmentPath)
        .resourceId(resourceId)
        .tags(tags)
        .unitPrice(unitPrice)
        .listRate(listRate)
        .discount(discount);
  }

  /**
   * Builder for {@link CostLine}; text dimensions default to empty, validation in {@link #build()}.
   */
  public static final class Builder {
    private @Nullable AccountId accountId;
    private @Nullable LocalDate day;
    private @Nullable String service;
    private String skuPartNumber = "";
    private String skuName = "";
    private String unit = "";
    private BigDecimal quantity = BigDecimal.ZERO;
    private @Nullable Money cost;
    private String region = "";
    private String compartmentId = "";
    private String compartmentPath = "";
    private String resourceId = "";
    private Map<String, String> tags = Map.of();
    private @Nullable BigDecimal unitPrice;
    private @Nullable BigDecimal listRate;
    private @Nullable BigDecimal discount;

    private Builder() {}

    public Builder accountId(AccountId accountId) {
      this.accountId = accountId;
      return this;
    }

    public Builder day(LocalDate day) {
      this.day = day;
      return this;
    }

    public Builder service(String service) {
      this.service = service;
      return this;
    }

    public Builder skuPartNumber(@Nullable String skuPartNumber) {
      this.skuPartNumber = skuPartNumber == null ? "" : skuPartNumber;
      return this;
    }

    public Builder skuName(@Nullable String skuName) {
      this.skuName = skuName == null ? "" : skuName;
      return this;
    }

    public Builder unit(@Nullable String unit) {
      this.unit = unit == null ? "" : unit;
      return this;
    }

    public Builder quantity(@Nullable BigDecimal quantity) {
      this.quantity = quantity == null ? BigDecimal.ZERO : quantity;
      return this;
    }

    public Builder cost(Money cost) {
      this.cost = cost;
      return this;
    }

    public Builder region(@Nullable String region) {
      this.region = region == null ? "" : region;
      return this;
    }

    public Builder compartmentId(@Nullable String compartmentId) {
      this.compartmentId = compartmentId == null ? "" : compartmentId;
      return this;
    }

    public Builder compartmentPath(@Nullable String compartmentPath) {
      this.compartmentPath = compartmentPath == null ? "" : compartmentPath;
      return this;
    }

    public Builder resourceId(@Nullable String resourceId) {
      this.resourceId = resourceId == null ? "" : resourceId;
      return this;
    }

    public Builder tags(Map<String, String> tags) {
      this.tags = tags;
      return this;
    }

    public Builder unitPrice(@Nullable BigDecimal unitPrice) {
      this.unitPrice = unitPrice;
      return this;
    }

    public Builder listRate(@Nullable BigDecimal listRate) {
      this.listRate = listRate;
      return this;
    }

    public Builder discount(@Nullable BigDecimal discount) {
      this.discount = discount;
      return this;
    }

    @SuppressWarnings("NullAway") // the record constructor reports missing fields by name
    public CostLine build() {
      return new CostLine(
          accountId,
          day,
          service,
          skuPartNumber,
          skuName,
          unit,
          quantity,
          cost,
          region,
          compartmentId,
          compartmentPath,
          resourceId,
          tags,
          unitPrice,
          listRate,
          discount);
    }
  }
}
