package app.cloudey.model;

/** Dimensions cost lines can be grouped and filtered by. */
public enum CostDimension {
  DAY,
  MONTH,
  SERVICE,
  SKU,
  REGION,
  COMPARTMENT,
  RESOURCE;

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
    };
  }
}
