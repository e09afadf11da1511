package app.cloudey.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class MutableClockTest {
  @Test
  void standsStillUntilMoved() {
    MutableClock clock = MutableClock.at("2026-10-31T23:59:00Z");
    assertThat(clock.instant()).isEqualTo(Instant.parse("2026-10-31T23:59:00Z"));
    assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
    assertThat(clock.advance(Duration.ofMinutes(2)))
        .isEqualTo(Instant.parse("2026-11-01T00:01:00Z"));
    clock.set(Instant.parse("2026-01-01T00:00:00Z"));
    assertThat(clock.millis()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z").toEpochMilli());
  }

  @Test
  void aZonedViewSharesTheInstant() {
    MutableClock clock = MutableClock.at("2026-11-26T09:00:00Z");
    Clock paris = clock.withZone(ZoneId.of("Europe/Paris"));
    clock.advance(Duration.ofHours(1));
    assertThat(paris.instant()).isEqualTo(Instant.parse("2026-11-26T10:00:00Z"));
    assertThat(paris.getZone()).isEqualTo(ZoneId.of("Europe/Paris"));
  }
}
