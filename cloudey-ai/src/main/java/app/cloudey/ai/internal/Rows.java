package app.cloudey.ai.internal;

import org.jspecify.annotations.Nullable;

/** Caps on the rows a tool lists. */
final class Rows {
  private Rows() {}

  /** What the model asked for, or the default, within 1 and the assistant's cap. */
  static int limit(@Nullable Integer asked, int otherwise, int cap) {
    int wanted = asked == null ? otherwise : asked;
    return Math.max(1, Math.min(wanted, cap));
  }
}
