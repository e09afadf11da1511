package app.cloudey.model;

/**
 * Dimensions cost lines can be grouped and filtered by. Tags are not a dimension of a line alone
 * (they come from the line's resource in the inventory): group by them with {@link
 * CostQuery#groupByTags} and filter with {@link CostQuery#tag}.
 */
public enum CostDimension {
  DAY,
  MONTH,
  SERVICE,
  SKU,
  REGION,
  COMPARTMENT,
  RESOURCE,
  /** The SKU name; group by {@code SKU, SKU_NAME} for rows keyed by part number and name. */
  SKU_NAME;

  /** The value of this dimension on a line, as it appears in a {@link CostRow} key. */
  public String valueOf(CostLine line) {
    return switch (this) {
      case DAY -> line.day().toString();
      case MONTH -> java.time.YearMonth.from(line.day()).toString();
      case SERVICE -> line.service();
      case SKU -> line.skuPartNumber();
      case REGION -> line.region();
      case COMPARTMENT -> line.compartmentId();
      case RESOURCE -> line.resourceId();
      case SKU_NAME -> line.skuName();
    };
  }
}
