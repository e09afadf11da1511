package app.cloudey.model;

/** How urgently a recommendation deserves attention, most urgent first. */
public enum Severity {
  CRITICAL,
  HIGH,
  MEDIUM,
  LOW,
  INFO
}
