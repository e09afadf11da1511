package app.cloudey.advisor;

import app.cloudey.model.MetricName;
import app.cloudey.model.MetricSummary;
import app.cloudey.model.Money;
import app.cloudey.model.Recommendation;
import app.cloudey.model.Resource;
import app.cloudey.model.ResourceCost;
import app.cloudey.model.ResourceType;
import app.cloudey.model.Severity;
import app.cloudey.spi.AdvisorRule;
import app.cloudey.spi.RuleContext;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code non-prod-schedule}: a RUNNING dev/test instance that runs around the clock. Non-production
 * means a <em>whole word</em> of its name or of a tag value is one of {@code words} (words are
 * split at anything that is not a letter or digit: "web-dev-1" and "env=staging" match,
 * "latest-build", "device" and "aqua" do not). Running 24/7 means CPU measured in at least {@code
 * minCoverage} of the window's hours, or, without metrics, billed on every day of the trailing 30
 * (lower confidence).
 *
 * <p><b>Saving</b> = the instance's monthly billed cost × (1 − office-hours share), office hours
 * share = {@code officeHoursPerWeek} / 168 (default 50 h: 10 h × 5 days, so the saving is 118/168 ≈
 * 70.2 % of the cost).
 */
public final class NonProdScheduleRule implements AdvisorRule {
  public static final String ID = "non-prod-schedule";
  private static final BigDecimal HOURS_PER_WEEK = BigDecimal.valueOf(168);

  /**
   * @param words whole words marking non-production (default dev, test, uat, sandbox, staging, qa,
   *     demo)
   * @param officeHoursPerWeek hours a week it would run on a schedule (default 50)
   * @param minCoverage CPU coverage that shows it runs all hours (default 0.9)
   */
  public record Options(Set<String> words, int officeHoursPerWeek, double minCoverage) {
    public static final Options DEFAULTS =
        new Options(Set.of("dev", "test", "uat", "sandbox", "staging", "qa", "demo"), 50, 0.9);
  }

  /** What separates words: anything but a letter or a digit. Compiled once, not per instance. */
  private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

  private final Options options;

  public NonProdScheduleRule() {
    this(Options.DEFAULTS);
  }

  public NonProdScheduleRule(Options options) {
    this.options = options;
  }

  @Override
  public String id() {
    return ID;
  }

  /** The first non-production word of the text, matched as a whole word, case-insensitively. */
  Optional<String> nonProdWord(String text) {
    for (String word : NOT_WORD.split(text.toLowerCase(Locale.ROOT))) {
      if (options.words().contains(word)) {
        return Optional.of(word);
      }
    }
    return Optional.empty();
  }

  @Override
  public List<Recommendation> evaluate(RuleContext context) {
    List<Recommendation> out = new ArrayList<>();
    for (Resource instance : context.resources(ResourceType.INSTANCE)) {
      if (!"RUNNING".equals(instance.lifecycleState())) {
        continue;
      }
      Optional<String> matched =
          nonProdWord(instance.name()).map(w -> "name contains \"" + w + "\"");
      for (Map.Entry<String, String> tag : instance.tags().entrySet()) {
        if (matched.isPresent()) {
          break;
        }
        matched =
            nonProdWord(tag.getValue()).map(w -> "tag " + tag.getKey() + "=" + tag.getValue());
      }
      Optional<ResourceCost> cost = context.cost(instance.id());
      if (matched.isEmpty() || cost.isEmpty()) {
        continue;
      }
      Optional<MetricSummary> cpu = context.metric(instance.id(), MetricName.CPU_UTILIZATION);
      boolean measuredAllHours = cpu.isPresent() && cpu.get().coverage() >= options.minCoverage();
      boolean billedEveryDay = cost.get().days() >= context.costWindow().days();
      if (!measuredAllHours && !billedEveryDay) {
        continue;
      }
      BigDecimal offHours =
          HOURS_PER_WEEK
              .subtract(BigDecimal.valueOf(options.officeHoursPerWeek()))
              .divide(HOURS_PER_WEEK, MathContext.DECIMAL64);
      Money monthly = cost.get().monthly();
      Saving saving = Saving.billed(monthly.times(offHours));
      out.add(
          new Finding(ID, context)
              .resource(instance)
              .severity(Severity.MEDIUM)
              .title("Non-production instance " + instance.name() + " runs 24/7")
              .summary(
                  "Instance **"
                      + instance.name()
                      + "** looks non-production ("
                      + matched.get()
                      + ") and runs around the clock. Running it "
                      + options.officeHoursPerWeek()
                      + " hours a week instead of 168 saves the rest of its "
                      + monthly
                      + " monthly cost. "
                      + saving.describe())
              .saving(saving)
              .confidence(measuredAllHours ? 0.8 : 0.6)
              .columns("instance", "why non-prod", "monthly cost", "office hours / week")
              .row(
                  instance.name(),
                  matched.get(),
                  monthly.toString(),
                  String.valueOf(options.officeHoursPerWeek()))
              .action(
                  "Stop it outside office hours",
                  "Schedule stop at 19:00 and start at 09:00 on weekdays (OCI Resource Scheduler,"
                      + " or a function on a cron).")
              .build());
    }
    return out;
  }
}
