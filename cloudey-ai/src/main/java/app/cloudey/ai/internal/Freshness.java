package app.cloudey.ai.internal;

import app.cloudey.AccountView;
import app.cloudey.model.MonthStatus;
import app.cloudey.model.Period;
import app.cloudey.model.SyncKind;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The "Data: ..." line of a tool result: how fresh the data behind it is. */
final class Freshness {
  /** Data older than this is called stale. */
  static final Duration STALE_AFTER = Duration.ofDays(2);

  private static final DateTimeFormatter MINUTES =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private Freshness() {}

  static String when(Optional<Instant> at, Instant now) {
    if (at.isEmpty()) {
      return "never";
    }
    String text = MINUTES.format(at.get());
    return Duration.between(at.get(), now).compareTo(STALE_AFTER) > 0
        ? text + " (stale: more than " + STALE_AFTER.toDays() + " days ago)"
        : text;
  }

  static String costs(AccountView account, Period period) {
    Instant now = account.clock().instant();
    List<String> notes = new ArrayList<>();
    notes.add("costs last refreshed " + when(account.lastCostRefresh(), now));
    for (YearMonth month : period.months()) {
      MonthStatus status = account.monthStatus(month);
      if (status == MonthStatus.OPEN) {
        notes.add(month + " is the current month (to date, still changing)");
      } else if (status == MonthStatus.SETTLING) {
        notes.add(month + " is settling (the provider may still correct it)");
      }
    }
    if (period.end().isAfter(Period.today(account.clock()).plusDays(1))) {
      notes.add("days after today have no data yet");
    }
    return "Data: " + String.join("; ", notes) + ".";
  }

  static String inventory(AccountView account) {
    return "Data: inventory last synced "
        + when(account.lastSync(SyncKind.INVENTORY), account.clock().instant())
        + ".";
  }
}
