package app.cloudey.scheduler.internal;

import app.cloudey.DueWork;
import app.cloudey.WorkKind;
import java.time.Instant;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What one account's task remembers between executions, per kind of work: when it is planned next
 * (scheduler time), how its last attempt ended, and its retry back-off. Stored as the execution's
 * task data in a small line format that stays readable in {@code psql}; data it cannot read is
 * treated as empty (the schedule itself lives in the store, so nothing is lost but the status).
 */
public final class TaskState {
  private static final String HEADER = "cloudey-scheduler/1";
  private static final String NONE = "-";
  private static final int MAX_ERROR_LENGTH = 1_000;

  /**
   * One kind's state.
   *
   * @param plannedAt when it is next due, in scheduler time; null when not planned (metric sync
   *     before the first inventory sync)
   * @param lastStarted start of the last attempt
   * @param lastFinished end of the last attempt
   * @param lastMonth month of the last month close attempt
   * @param lastError why the last attempt failed; null when it succeeded
   * @param consecutiveFailures failed attempts since the last success
   * @param retryAt no new attempt before this, after a failure
   */
  public record KindState(
      @Nullable Instant plannedAt,
      @Nullable Instant lastStarted,
      @Nullable Instant lastFinished,
      @Nullable YearMonth lastMonth,
      @Nullable String lastError,
      int consecutiveFailures,
      @Nullable Instant retryAt) {
    static final KindState EMPTY = new KindState(null, null, null, null, null, 0, null);

    KindState withPlannedAt(@Nullable Instant at) {
      return new KindState(
          at, lastStarted, lastFinished, lastMonth, lastError, consecutiveFailures, retryAt);
    }
  }

  private final boolean known;
  private final Map<WorkKind, KindState> kinds = new EnumMap<>(WorkKind.class);

  private TaskState(boolean known) {
    this.known = known;
  }

  /** Parses task data; null, foreign or damaged data gives an empty state. */
  public static TaskState decode(@Nullable String data) {
    if (data == null || !data.startsWith(HEADER + "\n")) {
      return new TaskState(false);
    }
    TaskState state = new TaskState(true);
    for (String line : data.substring(HEADER.length() + 1).split("\n")) {
      String[] f = line.split("\t", -1);
      if (f.length != 8) {
        continue;
      }
      try {
        state.kinds.put(
            WorkKind.valueOf(f[0]),
            new KindState(
                instant(f[1]),
                instant(f[2]),
                instant(f[3]),
                NONE.equals(f[4]) ? null : YearMonth.parse(f[4]),
                NONE.equals(f[7]) ? null : f[7],
                Integer.parseInt(f[5]),
                instant(f[6])));
      } catch (RuntimeException unreadable) {
        // a line written by another version: that kind starts afresh
      }
    }
    return state;
  }

  public String encode() {
    StringBuilder out = new StringBuilder(HEADER).append('\n');
    kinds.forEach(
        (kind, s) ->
            out.append(kind.name())
                .append('\t')
                .append(text(s.plannedAt()))
                .append('\t')
                .append(text(s.lastStarted()))
                .append('\t')
                .append(text(s.lastFinished()))
                .append('\t')
                .append(s.lastMonth() == null ? NONE : s.lastMonth().toString())
                .append('\t')
                .append(s.consecutiveFailures())
                .append('\t')
                .append(text(s.retryAt()))
                .append('\t')
                .append(s.lastError() == null ? NONE : s.lastError())
                .append('\n'));
    return out.toString();
  }

  /** False before the account's first execution (no plan is known yet). */
  public boolean isKnown() {
    return known;
  }

  public KindState get(WorkKind kind) {
    return kinds.getOrDefault(kind, KindState.EMPTY);
  }

  /** The work ended without an exception: back-off cleared. */
  public void succeeded(DueWork work, Instant started, Instant finished) {
    kinds.put(
        work.kind(),
        new KindState(
            get(work.kind()).plannedAt(), started, finished, work.month(), null, 0, null));
  }

  /** The work threw: one more consecutive failure, no new attempt before {@code retryAt}. */
  public void failed(
      DueWork work, Instant started, Instant finished, String error, Instant retryAt) {
    KindState before = get(work.kind());
    kinds.put(
        work.kind(),
        new KindState(
            before.plannedAt(),
            started,
            finished,
            work.month(),
            clean(error),
            before.consecutiveFailures() + 1,
            retryAt));
  }

  /** Replaces every kind's planned time; kinds absent from {@code planned} are not planned. */
  public void plan(Map<WorkKind, Instant> planned) {
    for (WorkKind kind : WorkKind.values()) {
      KindState s = get(kind).withPlannedAt(planned.get(kind));
      if (!s.equals(KindState.EMPTY)) {
        kinds.put(kind, s);
      }
    }
  }

  private static String clean(String error) {
    String oneLine = error.replaceAll("[\\t\\r\\n]+", " ").strip();
    String text = oneLine.isEmpty() ? "failed without a message" : oneLine;
    return text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH) + "…";
  }

  private static String text(@Nullable Instant instant) {
    return instant == null ? NONE : instant.toString();
  }

  private static @Nullable Instant instant(String text) {
    return NONE.equals(text) ? null : Instant.parse(text);
  }
}
