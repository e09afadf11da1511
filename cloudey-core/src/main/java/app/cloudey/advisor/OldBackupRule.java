package app.cloudey.advisor;

import app.cloudey.model.Recommendation;
import app.cloudey.model.Resource;
import app.cloudey.model.ResourceType;
import app.cloudey.model.Severity;
import app.cloudey.spi.AdvisorRule;
import app.cloudey.spi.RuleContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code old-backup}: a boot-volume or volume backup whose source volume is gone (no live volume
 * has its source id), or that is older than {@code retentionDays}.
 *
 * <p><b>Saving</b> = the backup's monthly storage cost: billed over the trailing 30 days × 30 /
 * days with cost, list price otherwise.
 */
public final class OldBackupRule implements AdvisorRule {
  public static final String ID = "old-backup";

  /**
   * @param retentionDays backups older than this are flagged (default 90)
   * @param estimator list prices where nothing is billed (default none)
   */
  public record Options(int retentionDays, ListPriceEstimator estimator) {
    public static final Options DEFAULTS = new Options(90, ListPriceEstimator.NONE);
  }

  private final Options options;

  public OldBackupRule() {
    this(Options.DEFAULTS);
  }

  public OldBackupRule(Options options) {
    this.options = options;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public List<Recommendation> evaluate(RuleContext context) {
    Set<String> liveVolumes = new HashSet<>();
    for (Resource r : context.resources()) {
      if (r.type() == ResourceType.BOOT_VOLUME || r.type() == ResourceType.BLOCK_VOLUME) {
        liveVolumes.add(r.id());
      }
    }
    List<Recommendation> out = new ArrayList<>();
    for (Resource backup : context.resources()) {
      if (backup.type() != ResourceType.BOOT_VOLUME_BACKUP
          && backup.type() != ResourceType.VOLUME_BACKUP) {
        continue;
      }
      String source = backup.spec().sourceId();
      boolean sourceGone = source != null && !liveVolumes.contains(source);
      Optional<LocalDate> created = Ages.created(backup);
      long age = created.map(c -> Ages.days(c, context.today())).orElse(-1L);
      boolean old = age > options.retentionDays();
      if (!sourceGone && !old) {
        continue;
      }
      Saving saving = Costing.whole(context, backup, options.estimator());
      String why =
          sourceGone
              ? "its source volume no longer exists"
              : "it is "
                  + age
                  + " days old, beyond the "
                  + options.retentionDays()
                  + "-day retention";
      out.add(
          new Finding(ID, context)
              .resource(backup)
              .severity(Severity.LOW)
              .title("Old backup " + backup.name())
              .summary(
                  "Backup **"
                      + backup.name()
                      + "** is kept although "
                      + why
                      + ". "
                      + saving.describe())
              .saving(saving)
              .confidence(sourceGone ? 0.8 : 0.7)
              .columns("backup", "created", "age days", "source", "source exists")
              .row(
                  backup.name(),
                  created.map(LocalDate::toString).orElse("unknown"),
                  age < 0 ? "unknown" : String.valueOf(age),
                  source == null ? "unknown" : source,
                  source == null ? "unknown" : String.valueOf(!sourceGone))
              .action(
                  "Delete it or give it a retention policy",
                  "Check that no restore needs it, then delete it; set a backup policy with"
                      + " retention so backups expire on their own.")
              .build());
    }
    return out;
  }
}
