package app.cloudey.oci.simulator.internal;

import app.cloudey.model.ResourceType;
import app.cloudey.oci.simulator.CostDynamics;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The opt-in part of {@link TenancyGenerator} for {@link CostDynamics}: instances added during the
 * history, the elastic instances, the cost spikes. It runs after everything else and draws from
 * streams of its own (one per option), so a tenancy without dynamics is unchanged and each option
 * leaves the others' draws alone.
 */
final class DynamicsGenerator {
  /**
   * Share of around-the-clock instances and of autonomous databases (auto-scaling ECPUs) whose
   * usage follows the load factor.
   */
  static final double ELASTIC_SHARE = 0.5;

  private static final long ELASTIC_STREAM = 0xE1A5_71C0L;
  private static final long ADDED_STREAM = 0xADD3_D000L;
  private static final long SPIKE_STREAM = 0x5B1C_E000L;

  /** Distinguishes added instances' OCIDs from the generator's (same type, other hash input). */
  private static final int ADDED_ID = 1000;

  private static final int[] OCPUS = {1, 2, 2, 4, 4, 8};

  private final TenancyGenerator g;
  private final CostDynamics d;
  private final PriceList prices;
  private final List<Res> resources;

  DynamicsGenerator(TenancyGenerator generator, PriceList prices) {
    this.g = generator;
    this.d = generator.p.dynamics();
    this.prices = prices;
    this.resources = generator.resources;
  }

  /** Adds instances, marks elastic ones; returns the spikes (empty when not asked for). */
  List<Spike> generate() {
    if (d.newInstancesPerMonth() > 0) {
      addInstances();
    }
    if (d.elastic()) {
      markElastic();
    }
    return d.spikesPerMonth() > 0 ? spikes() : List.of();
  }

  private LocalDate historyStart() {
    return Tenancy.dayOfHour(g.startHour);
  }

  private List<YearMonth> historyMonths() {
    List<YearMonth> months = new ArrayList<>();
    YearMonth last = YearMonth.from(g.p.now().minusDays(1));
    for (YearMonth m = YearMonth.from(historyStart()); !m.isAfter(last); m = m.plusMonths(1)) {
      months.add(m);
    }
    return months;
  }

  /**
   * Each month: {@code max(1, round(share × instances))} RUNNING prod E4/E5 Flex instances, created
   * at a seeded hour of day 2 or later, each with its boot volume. Every draw is made even when the
   * day falls outside the history, so a month's instances do not depend on where the history
   * starts.
   */
  private void addInstances() {
    SplittableRandom rnd = new SplittableRandom(Rng.hash(g.seed, ADDED_STREAM));
    int perMonth = Math.max(1, (int) Math.round(d.newInstancesPerMonth() * g.p.instances()));
    LocalDate start = historyStart();
    int k = 0;
    for (YearMonth month : historyMonths()) {
      for (int j = 0; j < perMonth; j++) {
        LocalDate day = month.atDay(2 + rnd.nextInt(month.lengthOfMonth() - 1));
        int hour = rnd.nextInt(24);
        int region = rnd.nextInt(g.regions.size());
        int compartment = g.active.get(rnd.nextInt(g.active.size()));
        int ad = rnd.nextInt(g.regions.get(region).availabilityDomains());
        int shape = rnd.nextInt(2); // E4 or E5 Flex: both untiered
        int ocpus = OCPUS[rnd.nextInt(OCPUS.length)];
        int gbPerOcpu = rnd.nextBoolean() ? 8 : 16;
        Profile profile = rnd.nextDouble() < 0.3 ? Profile.BUSY : Profile.NORMAL;
        String app = TenancyGenerator.APPS[rnd.nextInt(TenancyGenerator.APPS.length)];
        String team = TenancyGenerator.TEAMS[rnd.nextInt(TenancyGenerator.TEAMS.length)];
        long bootGb = 47 + rnd.nextInt(4) * 50L;
        if (day.isBefore(start) || !day.isBefore(g.p.now())) {
          continue;
        }
        String regionKey = g.regions.get(region).lowerKey();
        Res r =
            new Res(
                ResourceType.INSTANCE,
                resources.size(),
                Ids.ocid(
                    "instance", regionKey, g.seed, ADDED_ID + ResourceType.INSTANCE.ordinal(), k),
                region);
        r.compartment = compartment;
        r.ad = ad;
        r.createdHour = Tenancy.epochHour(day) + hour;
        r.shape = shape;
        r.ocpus = ocpus;
        r.memoryGb = ocpus * gbPerOcpu;
        r.state = "RUNNING";
        r.profile = profile;
        r.name = app + "-prod-new-" + k;
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("env", "prod");
        tags.put("team", team);
        r.tags = tags;
        r.added = true;
        resources.add(r);
        Res boot =
            new Res(
                ResourceType.BOOT_VOLUME,
                resources.size(),
                Ids.ocid("bootvolume", regionKey, g.seed, ADDED_ID + 99, k),
                region);
        boot.state = "AVAILABLE";
        boot.sizeGb = bootGb;
        boot.vpusPerGb = 10;
        boot.compartment = compartment;
        boot.ad = ad;
        boot.createdHour = r.createdHour;
        boot.link = r.index;
        boot.name = r.name + " (Boot Volume)";
        boot.tags = r.tags;
        boot.added = true;
        r.bootVolume = boot.index;
        resources.add(boot);
        k++;
      }
    }
  }

  /**
   * A seeded half of the around-the-clock instances (never the golden instance 0) and of the
   * autonomous databases.
   */
  private void markElastic() {
    for (Res r : resources) {
      boolean eligible =
          r.type == ResourceType.INSTANCE && r.index != 0 && !r.officeHours
              || r.type == ResourceType.AUTONOMOUS_DATABASE;
      if (eligible && Rng.unit(Rng.hash(g.seed, ELASTIC_STREAM, r.index)) < ELASTIC_SHARE) {
        r.elastic = true;
      }
    }
  }

  /**
   * Per month, {@code floor(rate)} spikes plus one more with probability {@code rate -
   * floor(rate)}, each on a seeded history day of that month, on an instance that bills the whole
   * day on untiered SKUs (so the extra amount does not move a free tier), 5× to 20× its quantity.
   */
  private List<Spike> spikes() {
    SplittableRandom rnd = new SplittableRandom(Rng.hash(g.seed, SPIKE_STREAM));
    List<Res> candidates = new ArrayList<>();
    for (Res r : resources) {
      boolean instance = r.type == ResourceType.INSTANCE && r.index != 0 && untiered(r);
      if (instance || r.type == ResourceType.AUTONOMOUS_DATABASE) { // ATP and ADW are untiered
        candidates.add(r);
      }
    }
    LocalDate start = historyStart();
    LocalDate end = g.p.now();
    double rate = d.spikesPerMonth();
    List<Spike> spikes = new ArrayList<>();
    Set<Long> taken = new HashSet<>();
    for (YearMonth month : historyMonths()) {
      LocalDate first = month.atDay(1).isBefore(start) ? start : month.atDay(1);
      LocalDate last = month.atEndOfMonth().isBefore(end) ? month.atEndOfMonth() : end.minusDays(1);
      int count = (int) Math.floor(rate) + (rnd.nextDouble() < rate - Math.floor(rate) ? 1 : 0);
      for (int j = 0; j < count; j++) {
        long day =
            first.toEpochDay() + rnd.nextInt((int) (last.toEpochDay() - first.toEpochDay()) + 1);
        int percent = 500 + rnd.nextInt(1501);
        for (int attempt = 0; attempt < 64 && !candidates.isEmpty(); attempt++) {
          Res r = candidates.get(rnd.nextInt(candidates.size()));
          if (r.billedHours(day * 24) == 24 && taken.add((day << 32) | r.index)) {
            spikes.add(new Spike(r.index, day, percent));
            break;
          }
        }
      }
    }
    return spikes;
  }

  private boolean untiered(Res r) {
    Shape shape = Shape.ALL.get(r.shape);
    return !prices.sku(shape.ocpuSku()).tiered()
        && (shape.memorySku() == null || !prices.sku(shape.memorySku()).tiered());
  }
}
