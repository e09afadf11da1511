package app.cloudey.memory;

import app.cloudey.CloudeyConfigException;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** Argument checks of the in-memory implementations; every failure names the argument. */
final class Check {
  private Check() {}

  static <T> T notNull(@Nullable T value, String name) {
    if (value == null) {
      throw new CloudeyConfigException(name + " must not be null");
    }
    return value;
  }

  static Duration notNegative(@Nullable Duration value, String name) {
    notNull(value, name);
    if (value.isNegative()) {
      throw new CloudeyConfigException(name + " must not be negative, was " + value);
    }
    return value;
  }
}
