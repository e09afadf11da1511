package app.cloudey.server.internal;

import app.cloudey.model.JobRecord;
import app.cloudey.spi.JobListener;
import java.io.PrintStream;

/** A one-line console progress bar following a job. */
public final class ProgressBar implements JobListener {
  private static final int WIDTH = 30;
  private final PrintStream out;
  private final String label;
  private final String unit;
  private long lastDone = -1;
  private long lastDrawn;

  public ProgressBar(PrintStream out, String label, String unit) {
    this.out = out;
    this.label = label;
    this.unit = unit;
  }

  @Override
  public void progress(JobRecord job) {
    draw(job, false);
  }

  @Override
  public void finished(JobRecord job) {
    draw(job, true);
  }

  private synchronized void draw(JobRecord job, boolean end) {
    long done = job.progress().done();
    long total = job.progress().total();
    long now = System.currentTimeMillis();
    // listeners run on several threads: skip stale updates, and redraw at most 4 times a second
    if (!end && (done < lastDone || now - lastDrawn < 250)) {
      return;
    }
    lastDone = done;
    lastDrawn = now;
    String bar;
    if (total == 0 && !end) {
      // no total known (e.g. metric batches): a marker that moves with each unit done
      int at = (int) (done % (WIDTH - 2));
      bar = ".".repeat(at) + "<=>" + ".".repeat(WIDTH - 3 - at);
    } else {
      int filled = end ? WIDTH : (int) Math.min(WIDTH, done * WIDTH / Math.max(total, done));
      bar = "#".repeat(filled) + ".".repeat(WIDTH - filled);
    }
    String line =
        String.format(
            "%-10s [%s] %d%s %s, %d seen%s",
            label,
            bar,
            done,
            total > 0 ? "/" + total : "",
            unit,
            job.progress().itemsSeen(),
            end ? " " + job.state() : "");
    out.print("\r" + line + (end ? System.lineSeparator() : ""));
    out.flush();
  }
}
