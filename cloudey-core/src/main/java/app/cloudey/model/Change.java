package app.cloudey.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.jspecify.annotations.Nullable;

/**
 * The change of a cost from a previous value to a latest one, in percent of the previous value.
 *
 * <p>{@code percent = (latest − previous) ÷ |previous| × 100}, rounded half up to one decimal; the
 * direction is {@link Direction#UP} above {@value #STABLE_PERCENT} %, {@link Direction#DOWN} below
 * −{@value #STABLE_PERCENT} %, else {@link Direction#STABLE} (the rounded percent is compared).
 * When the previous value is zero there is no percentage: {@code percent} is null and the direction
 * is the sign of the latest value (a cost that appears is UP, not "stable 0 %").
 *
 * @param percent change in percent of the previous value, one decimal; null when it was zero
 * @param direction UP, DOWN or STABLE
 */
public record Change(@Nullable BigDecimal percent, Direction direction) {
  /** Changes within ± this many percent are {@link Direction#STABLE}. */
  public static final int STABLE_PERCENT = 5;

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
  private static final BigDecimal THRESHOLD = BigDecimal.valueOf(STABLE_PERCENT);

  public Change {
    Checks.notNull(direction, "direction");
    percent = percent == null ? null : percent.setScale(1, RoundingMode.HALF_UP);
  }

  /** The change from {@code previous} to {@code latest} (same currency). */
  public static Change of(Money previous, Money latest) {
    latest.minus(previous); // refuses to compare two currencies
    return of(previous.amount(), latest.amount());
  }

  /** The change from {@code previous} to {@code latest}; see the class documentation. */
  public static Change of(BigDecimal previous, BigDecimal latest) {
    if (previous.signum() == 0) {
      return new Change(null, direction(latest.signum()));
    }
    BigDecimal percent =
        latest.subtract(previous).multiply(HUNDRED).divide(previous.abs(), 1, RoundingMode.HALF_UP);
    Direction direction =
        percent.compareTo(THRESHOLD) > 0
            ? Direction.UP
            : percent.compareTo(THRESHOLD.negate()) < 0 ? Direction.DOWN : Direction.STABLE;
    return new Change(percent, direction);
  }

  private static Direction direction(int signum) {
    return signum > 0 ? Direction.UP : signum < 0 ? Direction.DOWN : Direction.STABLE;
  }

  /**
   * {@code part} in percent of {@code whole}, rounded half up to one decimal; 0.0 when the whole is
   * zero.
   */
  public static BigDecimal share(Money part, Money whole) {
    part.minus(whole); // refuses two currencies
    if (whole.isZero()) {
      return BigDecimal.ZERO.setScale(1);
    }
    return part.amount().multiply(HUNDRED).divide(whole.amount(), 1, RoundingMode.HALF_UP);
  }
}
