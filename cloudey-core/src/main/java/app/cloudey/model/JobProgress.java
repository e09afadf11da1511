package app.cloudey.model;

/**
 * How far a job got.
 *
 * @param done units finished (scopes of a sync, months of a refresh, batches of a metric sync)
 * @param total units planned, 0 while unknown
 * @param itemsSeen resources, cost lines or metric days seen so far
 */
public record JobProgress(long done, long total, long itemsSeen) {
  /** Nothing done, nothing planned yet. */
  public static final JobProgress NONE = new JobProgress(0, 0, 0);

  public JobProgress {
    Checks.require(done >= 0, "done must not be negative, was " + done);
    Checks.require(total >= 0, "total must not be negative, was " + total);
    Checks.require(itemsSeen >= 0, "itemsSeen must not be negative, was " + itemsSeen);
  }
}
