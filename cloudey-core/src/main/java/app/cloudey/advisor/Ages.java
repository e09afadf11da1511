package app.cloudey.advisor;

import app.cloudey.model.Resource;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** Dates the inventory knows about a resource. */
final class Ages {
  private Ages() {}

  /** When it was created, as the provider reports it or else as first seen by a sync. */
  static Optional<LocalDate> created(Resource r) {
    if (r.timeCreated() != null) {
      return Optional.of(LocalDate.ofInstant(r.timeCreated(), ZoneOffset.UTC));
    }
    return Optional.ofNullable(r.tracking())
        .map(t -> LocalDate.ofInstant(t.firstSeenAt(), ZoneOffset.UTC));
  }

  /** Whole days from {@code since} to {@code today}. */
  static long days(LocalDate since, LocalDate today) {
    return ChronoUnit.DAYS.between(since, today);
  }

  /** Whether the resource is known to exist for at least {@code days} days. */
  static boolean olderThan(Resource r, LocalDate today, int days) {
    return created(r).map(c -> days(c, today) >= days).orElse(false);
  }
}
