package app.cloudey.model;

/** What a recommendation's saving estimate was computed from. */
public enum SavingsBasis {
  /** The resource's actual billed cost from cost lines. */
  BILLED_COST,
  /** List prices from the price book, when no billed cost exists. */
  LIST_PRICE,
  /** An insight without a money estimate (trend, anomaly). */
  NONE
}
