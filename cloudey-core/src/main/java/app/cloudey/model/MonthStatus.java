package app.cloudey.model;

/**
 * Lifecycle of a billing month: the current month is {@code OPEN}; the previous one stays {@code
 * SETTLING} while the provider may still correct it; month close makes it {@code CLOSED} with
 * rollups computed from its lines.
 */
public enum MonthStatus {
  OPEN,
  SETTLING,
  CLOSED
}
