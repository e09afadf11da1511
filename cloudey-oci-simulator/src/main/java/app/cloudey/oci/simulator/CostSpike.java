package app.cloudey.oci.simulator;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One planted cost spike (see {@link CostDynamics#spikesPerMonth()}): on {@code day} the instance
 * or autonomous database billed {@code multiplier} × its usual compute quantity. Both the Usage API
 * and {@link Truth} include it, so an anomaly rule can be checked against this list.
 *
 * @param day the UTC day of the spike
 * @param service the Usage API service of the spiking lines ({@code Compute} for an instance,
 *     {@code Database} for an autonomous database)
 * @param resourceId the instance or autonomous database
 * @param region its region
 * @param compartmentId its compartment (where the cost is booked)
 * @param multiplier quantity multiplier of the day, e.g. {@code 7.35}
 * @param amount extra cost over what the instance would have billed that day without the spike, in
 *     the billing currency, exact
 */
public record CostSpike(
    LocalDate day,
    String service,
    String resourceId,
    String region,
    String compartmentId,
    BigDecimal multiplier,
    BigDecimal amount) {

  public CostSpike {
    Objects.requireNonNull(day, "day");
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(resourceId, "resourceId");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(compartmentId, "compartmentId");
    Objects.requireNonNull(multiplier, "multiplier");
    Objects.requireNonNull(amount, "amount");
  }
}
