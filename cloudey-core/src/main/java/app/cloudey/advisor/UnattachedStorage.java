package app.cloudey.advisor;

import app.cloudey.model.Recommendation;
import app.cloudey.model.Resource;
import app.cloudey.model.ResourceType;
import app.cloudey.model.Severity;
import app.cloudey.spi.RuleContext;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Shared test of {@link UnattachedVolumeRule} and {@link OrphanedBootVolumeRule}: judged from the
 * attachment (never from the lifecycle state: AVAILABLE is also the state of attached volumes), for
 * at least {@code minDays} since a sync first saw it without one.
 */
final class UnattachedStorage {
  private UnattachedStorage() {}

  static List<Recommendation> evaluate(
      RuleContext context,
      String ruleId,
      ResourceType type,
      int minDays,
      ListPriceEstimator estimator,
      String what) {
    List<Recommendation> out = new ArrayList<>();
    for (Resource volume : context.resources(type)) {
      if (volume.spec().attachedTo() != null || !"AVAILABLE".equals(volume.lifecycleState())) {
        continue;
      }
      Optional<LocalDate> since =
          Optional.ofNullable(volume.tracking())
              .map(t -> t.unattachedSince())
              .map(at -> LocalDate.ofInstant(at, ZoneOffset.UTC));
      if (since.isEmpty() || Ages.days(since.get(), context.today()) < minDays) {
        continue;
      }
      long days = Ages.days(since.get(), context.today());
      Saving saving = Costing.whole(context, volume, estimator);
      String size = volume.spec().sizeGb() == null ? "?" : volume.spec().sizeGb().toPlainString();
      out.add(
          new Finding(ruleId, context)
              .resource(volume)
              .severity(Severity.MEDIUM)
              .title(what + " " + volume.name() + " is attached to nothing")
              .summary(
                  what
                      + " **"
                      + volume.name()
                      + "** ("
                      + size
                      + " GB) has had no attachment for "
                      + days
                      + " days (since "
                      + since.get()
                      + ") and is still billed. "
                      + saving.describe())
              .saving(saving)
              .confidence(0.95)
              .columns("volume", "size GB", "unattached since", "monthly cost")
              .row(
                  volume.name(),
                  size,
                  since.get().toString(),
                  saving.amount() == null ? "unknown" : saving.amount().toString())
              .action(
                  "Delete it, or attach it where it is needed",
                  "Take a backup first if its data may be needed later; backups cost less than"
                      + " volumes.")
              .build());
    }
    return out;
  }
}
