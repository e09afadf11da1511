package app.cloudey.oci.simulator.internal;

import app.cloudey.model.ResourceType;
import app.cloudey.oci.simulator.CostDynamics;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Daily cost lines computed on demand from (seed, resource, day) at list prices. A pure function
 * except for tenancy-wide free tiers, which are allocated in (day, resource) order within each
 * calendar month: a small per-(SKU, month) crossing point is computed once and cached.
 */
final class CostModel {
  static final String COMPUTE = "Compute";
  static final String BLOCK = "Block Storage";
  static final String OBJECT = "Object Storage";
  static final String FILE = "File Storage";
  static final String DATABASE = "Database";
  static final String LB = "Load Balancer";
  static final String NETWORK = "Networking";
  static final String SUPPORT = "Support";
  static final String CREDITS = "Credits";

  private final Tenancy t;
  private final PriceList prices;
  private final Sku blockStorage;
  private final Sku blockVpu;
  private final Sku objectStandard;
  private final Sku archive;
  private final Sku fileStorage;
  private final Sku dbOcpu;
  private final Sku dbStandardOcpu;
  private final Sku atp;
  private final Sku adw;
  private final Sku lbBase;
  private final Sku lbBandwidth;
  private final Sku egress;
  private final Sku support;
  private final Sku credit;
  private final Sku[] shapeOcpu;
  private final Sku[] shapeMemory;

  /** Consumers of each tiered SKU (resource indexes, egress as size() + region), in order. */
  private final Map<Integer, int[]> tierConsumers = new HashMap<>();

  private final Map<Long, long[]> tierPlans = new ConcurrentHashMap<>();

  /** Average days per month of the growth exponent (365.2425 / 12). */
  static final double DAYS_PER_MONTH = 30.436875;

  private static final long NOISE_STREAM = 0x9015_E000L;

  private final CostDynamics dynamics;
  private final long historyStartDay;

  CostModel(Tenancy tenancy) {
    this.t = tenancy;
    this.prices = tenancy.prices;
    this.dynamics = tenancy.params.dynamics();
    this.historyStartDay = tenancy.historyStart().toEpochDay();
    blockStorage = prices.sku("B91961");
    blockVpu = prices.sku("B91962");
    objectStandard = prices.sku("B91628");
    archive = prices.sku("B91633");
    fileStorage = prices.sku("B89057");
    dbOcpu = prices.sku("B90570");
    dbStandardOcpu = prices.sku("B90569");
    atp = prices.sku("B95702");
    adw = prices.sku("B95701");
    lbBase = prices.sku("B93030");
    lbBandwidth = prices.sku("B93031");
    egress = prices.sku("B88327");
    support = prices.sku(PriceList.SUPPORT);
    credit = prices.sku(PriceList.CREDIT);
    shapeOcpu = new Sku[Shape.ALL.size()];
    shapeMemory = new Sku[Shape.ALL.size()];
    for (int i = 0; i < Shape.ALL.size(); i++) {
      Shape s = Shape.ALL.get(i);
      shapeOcpu[i] = prices.sku(s.ocpuSku());
      shapeMemory[i] = s.memorySku() == null ? null : prices.sku(s.memorySku());
    }
    indexTierConsumers();
  }

  PriceList prices() {
    return prices;
  }

  /** Every line of one UTC day, in a fixed order: resources by index, then tenancy lines. */
  void forEachLine(long epochDay, Consumer<CostLine> sink) {
    CostLine line = new CostLine(support);
    line.epochDay = epochDay;
    long dayStart = epochDay * 24;
    for (Res r : t.resources) {
      resourceLines(r, dayStart, line, sink);
    }
    tenancyLines(epochDay, line, sink);
  }

  /** The lines of one resource for one day. */
  void forEachLine(Res r, long epochDay, Consumer<CostLine> sink) {
    CostLine line = new CostLine(support);
    line.epochDay = epochDay;
    resourceLines(r, epochDay * 24, line, sink);
  }

  /**
   * The lines of one resource for one day as they would be without its cost spike: the spike's
   * extra amount is the difference.
   */
  void forEachLineWithoutSpike(Res r, long epochDay, Consumer<CostLine> sink) {
    CostLine line = new CostLine(support);
    line.epochDay = epochDay;
    line.withoutSpike = true;
    resourceLines(r, epochDay * 24, line, sink);
  }

  /**
   * The day's factor on elastic usage (see {@link CostDynamics}): weekday × growth × noise; 1
   * without elastic dynamics. StrictMath, so every JVM computes the same quantities.
   */
  double loadFactor(long epochDay) {
    if (!dynamics.elastic()) {
      return 1;
    }
    int dow = (int) Math.floorMod(epochDay + 3, 7); // 0 = Monday (epoch day 0 was a Thursday)
    double weekday = dow >= 5 ? dynamics.weekendLoad() : 1;
    double growth =
        StrictMath.pow(
            1 + dynamics.growthPerMonth(), (epochDay - historyStartDay) / DAYS_PER_MONTH);
    double u = Rng.unit(Rng.hash(t.params.seed(), NOISE_STREAM, epochDay));
    return weekday * growth * (1 + dynamics.dailyNoise() * (2 * u - 1));
  }

  /**
   * An instance's or autonomous database's quantity after its load factor (elastic ones) and its
   * spike, if any; unchanged without dynamics.
   */
  private long usage(Res r, long quantity, CostLine line) {
    long q = r.elastic ? Math.round(quantity * loadFactor(line.epochDay)) : quantity;
    if (!line.withoutSpike) {
      int percent = t.spikePercent(r, line.epochDay);
      if (percent > 0) {
        q = q * percent / 100;
      }
    }
    return q;
  }

  /** Quantities only (amounts left 0): used to settle the free tiers without recursion. */
  private void forEachRawLine(Res r, long epochDay, Consumer<CostLine> sink) {
    CostLine line = new CostLine(support);
    line.raw = true;
    line.epochDay = epochDay;
    resourceLines(r, epochDay * 24, line, sink);
  }

  private void resourceLines(Res r, long dayStart, CostLine line, Consumer<CostLine> sink) {
    int hours =
        r.type == ResourceType.INSTANCE
                || r.type == ResourceType.DB_SYSTEM
                || r.type == ResourceType.AUTONOMOUS_DATABASE
            ? r.billedHours(dayStart)
            : existingHours(r, dayStart);
    if (hours == 0) {
      return;
    }
    line.res = r;
    line.region = r.region;
    line.compartment = r.compartment;
    switch (r.type) {
      case INSTANCE -> {
        line.service = COMPUTE;
        emit(
            line,
            shapeOcpu[r.shape],
            usage(r, (long) r.ocpus * hours * Sku.QUANTITY_ONE, line),
            r.index,
            sink);
        Sku memory = shapeMemory[r.shape];
        if (memory != null) {
          emit(
              line,
              memory,
              usage(r, (long) r.memoryGb * hours * Sku.QUANTITY_ONE, line),
              r.index,
              sink);
        }
      }
      case BOOT_VOLUME, BLOCK_VOLUME -> {
        line.service = BLOCK;
        emit(line, blockStorage, gbMonths(r.sizeGb, hours), r.index, sink);
        if (r.vpusPerGb > 0) {
          emit(line, blockVpu, gbMonths(r.sizeGb * r.vpusPerGb, hours), r.index, sink);
        }
      }
      case VOLUME_BACKUP, BOOT_VOLUME_BACKUP -> {
        line.service = BLOCK;
        emit(line, objectStandard, gbMonths(r.sizeGb, hours), r.index, sink);
      }
      case BUCKET -> {
        line.service = OBJECT;
        emit(line, bucketSku(r), gbMonths(r.sizeGb, hours), r.index, sink);
      }
      case FILE_SYSTEM -> {
        line.service = FILE;
        emit(line, fileStorage, gbMonths(r.sizeGb, hours), r.index, sink);
      }
      case DB_SYSTEM -> {
        line.service = DATABASE;
        // Base Database Service bills per edition: Standard on B90569, Enterprise on B90570
        Sku sku = r.variant.equals("STANDARD_EDITION") ? dbStandardOcpu : dbOcpu;
        emit(line, sku, (long) r.ocpus * hours * Sku.QUANTITY_ONE, r.index, sink);
      }
      case AUTONOMOUS_DATABASE -> {
        line.service = DATABASE;
        Sku sku = r.variant.equals("DW") ? adw : atp;
        emit(line, sku, usage(r, (long) r.ocpus * hours * Sku.QUANTITY_ONE, line), r.index, sink);
      }
      case LOAD_BALANCER -> {
        line.service = LB;
        emit(line, lbBase, (long) hours * Sku.QUANTITY_ONE, r.index, sink);
        emit(line, lbBandwidth, (long) r.minMbps * hours * Sku.QUANTITY_ONE, r.index, sink);
      }
    }
  }

  private Sku bucketSku(Res r) {
    return r.variant.equals("Archive") ? archive : objectStandard;
  }

  private static int existingHours(Res r, long dayStart) {
    long from = Math.max(dayStart, r.createdHour);
    long to = Math.min(dayStart + 24, r.endHour);
    return (int) Math.max(0, to - from);
  }

  /** GB-months for a size held some hours of a day (OCI bills 744 hours a month). */
  private static long gbMonths(long gb, int hours) {
    return (gb * hours * Sku.QUANTITY_ONE * 2 + 744) / (744 * 2);
  }

  private void tenancyLines(long epochDay, CostLine line, Consumer<CostLine> sink) {
    line.res = null;
    line.compartment = 0;
    for (int region = 0; region < t.regions.size(); region++) {
      line.region = region;
      line.service = NETWORK;
      emit(line, egress, egressQuantity(region, epochDay), t.resources.size() + region, sink);
    }
    line.region = 0;
    line.service = SUPPORT;
    emit(line, support, Sku.QUANTITY_ONE, -1, sink);
    if (LocalDate.ofEpochDay(epochDay).getDayOfMonth() == 1) {
      line.service = CREDITS;
      emit(line, credit, Sku.QUANTITY_ONE, -1, sink);
    }
  }

  private long egressGb(int region, long epochDay) {
    return 80 + Math.floorMod(Rng.hash(t.params.seed(), 0xE6E55, region, epochDay), 420);
  }

  /** A region's egress of a day in 1e-8 GB; traffic follows the load factor with dynamics. */
  private long egressQuantity(int region, long epochDay) {
    long quantity = egressGb(region, epochDay) * Sku.QUANTITY_ONE;
    return dynamics.elastic() ? Math.round(quantity * loadFactor(epochDay)) : quantity;
  }

  private void emit(CostLine line, Sku sku, long quantity, int consumer, Consumer<CostLine> sink) {
    line.sku = sku;
    line.quantity = quantity;
    if (line.raw) {
      line.amount = 0;
      sink.accept(line);
      return;
    }
    long billed = sku.tiered() ? billedQuantity(sku, consumer, line.epochDay, quantity) : quantity;
    line.amount = sku.amount(billed);
    sink.accept(line);
  }

  // ---- free tiers -------------------------------------------------------------------------

  private void indexTierConsumers() {
    Map<Integer, List<Integer>> lists = new HashMap<>();
    for (Res r : t.resources) {
      for (Sku sku : skusOf(r)) {
        if (sku.tiered()) {
          lists.computeIfAbsent(sku.index(), k -> new ArrayList<>()).add(r.index);
        }
      }
    }
    for (int region = 0; region < t.regions.size(); region++) {
      lists
          .computeIfAbsent(egress.index(), k -> new ArrayList<>())
          .add(t.resources.size() + region);
    }
    lists.forEach((sku, list) -> tierConsumers.put(sku, list.stream().mapToInt(i -> i).toArray()));
  }

  private List<Sku> skusOf(Res r) {
    return switch (r.type) {
      case INSTANCE ->
          shapeMemory[r.shape] == null
              ? List.of(shapeOcpu[r.shape])
              : List.of(shapeOcpu[r.shape], shapeMemory[r.shape]);
      case VOLUME_BACKUP, BOOT_VOLUME_BACKUP -> List.of(objectStandard);
      case BUCKET -> List.of(bucketSku(r));
      case LOAD_BALANCER -> List.of(lbBase, lbBandwidth);
      default -> List.of();
    };
  }

  /** The raw quantity a consumer uses of a tiered SKU on a day. */
  private long rawQuantity(Sku sku, int consumer, long epochDay) {
    if (consumer >= t.resources.size()) {
      return egressQuantity(consumer - t.resources.size(), epochDay);
    }
    long[] found = {0};
    forEachRawLine(
        t.resources.get(consumer),
        epochDay,
        l -> {
          if (l.sku == sku) {
            found[0] += l.quantity;
          }
        });
    return found[0];
  }

  private long billedQuantity(Sku sku, int consumer, long epochDay, long quantity) {
    YearMonth month = YearMonth.from(LocalDate.ofEpochDay(epochDay));
    long key = ((long) sku.index() << 32) | (month.getYear() * 12L + month.getMonthValue());
    long[] plan = tierPlans.computeIfAbsent(key, k -> plan(sku, month));
    long crossingDay = plan[0];
    if (epochDay < crossingDay) {
      return 0;
    }
    if (epochDay > crossingDay) {
      return quantity;
    }
    if (consumer < plan[1]) {
      return 0;
    }
    return consumer == plan[1] ? quantity - plan[2] : quantity;
  }

  /** {crossing day, crossing consumer, free units left for it}; day = MAX when never exhausted. */
  private long[] plan(Sku sku, YearMonth month) {
    int[] consumers = tierConsumers.getOrDefault(sku.index(), new int[0]);
    long used = 0;
    long first = month.atDay(1).toEpochDay();
    long last = month.atEndOfMonth().toEpochDay();
    for (long day = first; day <= last; day++) {
      long[] quantities = new long[consumers.length];
      long total = 0;
      for (int i = 0; i < consumers.length; i++) {
        quantities[i] = rawQuantity(sku, consumers[i], day);
        total += quantities[i];
      }
      if (used + total < sku.freeUnits()) {
        used += total;
        continue;
      }
      for (int i = 0; i < consumers.length; i++) {
        if (used + quantities[i] >= sku.freeUnits()) {
          return new long[] {day, consumers[i], sku.freeUnits() - used};
        }
        used += quantities[i];
      }
    }
    return new long[] {Long.MAX_VALUE, Integer.MAX_VALUE, 0};
  }
}
