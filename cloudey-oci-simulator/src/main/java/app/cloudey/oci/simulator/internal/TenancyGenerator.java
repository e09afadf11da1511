package app.cloudey.oci.simulator.internal;

import app.cloudey.model.ResourceType;
import app.cloudey.oci.simulator.PlantedCase;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Builds a {@link Tenancy} from {@link GeneratorParams}, deterministically: one seeded random
 * sequence drives every choice, so the same parameters give the same tenancy byte for byte.
 *
 * <p>Counts scale from the number of instances. The first {@code 3 * pageSize + 1} items of every
 * type go to one busy scope (home region, first child compartment, first AD) so that each list API
 * has more than three pages there; the next item of each type goes to each region in turn, so every
 * type appears in every region. Volumes and backups come from {@link VolumeGenerator}, which shares
 * this generator's random stream and placement.
 */
final class TenancyGenerator {
  private static final String[] WORDS = {
    "prod", "shared", "dev", "network", "data", "apps", "security", "analytics", "test", "platform"
  };
  private static final String[] NON_PROD = {
    "dev", "test", "uat", "sandbox", "staging", "qa", "demo"
  };
  static final String[] APPS = {"web", "api", "etl", "batch", "erp", "crm", "search", "cache"};
  static final String[] TEAMS = {"payments", "identity", "growth", "platform", "finance"};

  // package-private where VolumeGenerator shares them (same stream, same placement)
  final GeneratorParams p;
  final SplittableRandom rnd;
  final long seed;
  final List<Region> regions;
  private final List<SimCompartment> compartments = new ArrayList<>();
  final List<Integer> active = new ArrayList<>();
  final List<Res> resources = new ArrayList<>();
  private final long nowHour;
  final long startHour;
  final int busy;
  final int busyCompartment;

  TenancyGenerator(GeneratorParams params) {
    this.p = params;
    this.seed = params.seed();
    this.rnd = new SplittableRandom(params.seed());
    this.regions = Region.ALL.subList(0, params.regions());
    this.nowHour = Tenancy.epochHour(params.now());
    this.startHour = nowHour - 24L * params.days();
    this.busy = params.busyCount();
    this.busyCompartment = 1;
  }

  Tenancy generate() {
    String tenancyId = "ocid1.tenancy.oc1..aaaaaaaa" + Ids.token(seed, 1, 52);
    String tenancyName = "cloudeysim" + Ids.token(seed, 2, 6);
    String userId = "ocid1.user.oc1..aaaaaaaa" + Ids.token(seed, 3, 52);
    String namespace = Ids.token(seed, 4, 12);
    String adPrefix = capital(Ids.token(seed, 5, 4));
    compartments(tenancyId, tenancyName);
    List<Res> instances = instances();
    UnambiguousCases.instances(instances, nowHour);
    plantInstanceCases(instances);
    VolumeGenerator volumes = new VolumeGenerator(this);
    volumes.generate(instances);
    buckets();
    simple(ResourceType.FILE_SYSTEM, p.instances() / 25);
    simple(ResourceType.DB_SYSTEM, p.instances() / 50);
    simple(ResourceType.AUTONOMOUS_DATABASE, p.instances() / 33);
    simple(ResourceType.LOAD_BALANCER, p.instances() / 25);
    UnambiguousCases.others(this);
    plantOtherCases();
    // last, on its own random stream: every value drawn above stays as it was before the moves
    volumes.moveSomeAttachedVolumes();
    PriceList prices = new PriceList(p.currency());
    // opt-in, after everything else and on streams of its own: without dynamics nothing changes
    List<Spike> spikes = new DynamicsGenerator(this, prices).generate();

    Map<String, Integer> compartmentById = new HashMap<>();
    compartments.forEach(c -> compartmentById.put(c.id(), c.index()));
    Map<String, Integer> resourceById = new HashMap<>();
    resources.forEach(r -> resourceById.put(r.id, r.index));
    return new Tenancy(
        p,
        tenancyId,
        tenancyName,
        userId,
        namespace,
        adPrefix,
        regions,
        compartments,
        compartmentById,
        resources,
        resourceById,
        scopes(),
        prices,
        spikes);
  }

  private static String capital(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  private void compartments(String tenancyId, String tenancyName) {
    compartments.add(
        new SimCompartment(
            0, tenancyId, tenancyName, -1, tenancyName, 0, true, startHour - 24 * 900));
    active.add(0);
    int deleted = Math.max(1, p.compartments() / 20);
    int total = p.compartments() + deleted;
    for (int i = 1; i <= total; i++) {
      int parent = 0;
      if (i > 3) {
        for (int attempt = 0; attempt < 8; attempt++) {
          int candidate = rnd.nextInt(i);
          SimCompartment c = compartments.get(candidate);
          if (c.active() && c.depth() < p.depth()) {
            parent = candidate;
            break;
          }
        }
      }
      SimCompartment parentC = compartments.get(parent);
      String name = WORDS[(i - 1) % WORDS.length] + "-" + i;
      boolean isActive = i <= p.compartments();
      String id = "ocid1.compartment.oc1..aaaaaaaa" + Ids.token(seed, 1000L + i, 52);
      compartments.add(
          new SimCompartment(
              i,
              id,
              name,
              parent,
              parentC.path() + "/" + name,
              parentC.depth() + 1,
              isActive,
              startHour - 24L * (100 + rnd.nextInt(600))));
      if (isActive) {
        active.add(i);
      }
    }
  }

  /** Region and compartment for the i-th item of a type (see the class comment). */
  private void place(Res r, int i) {
    if (i < busy) {
      r.compartment = busyCompartment;
      r.ad = 0;
      return;
    }
    if (i >= busy + regions.size()) {
      // skew: a third of everything lands in the first tenth of the compartments
      int n = active.size();
      int pick = rnd.nextDouble() < 0.35 ? rnd.nextInt(Math.max(1, n / 10)) : rnd.nextInt(n);
      r.compartment = active.get(pick);
    } else {
      r.compartment = active.get(rnd.nextInt(active.size()));
    }
    r.ad = rnd.nextInt(regions.get(r.region).availabilityDomains());
  }

  private int regionFor(int i) {
    if (i < busy) {
      return 0;
    }
    if (i < busy + regions.size()) {
      return i - busy;
    }
    return rnd.nextInt(regions.size());
  }

  Res add(ResourceType type, int i, String ocidType) {
    int region = regionFor(i);
    Res r =
        new Res(
            type,
            resources.size(),
            Ids.ocid(ocidType, regions.get(region).lowerKey(), seed, type.ordinal(), i),
            region);
    place(r, i);
    resources.add(r);
    return r;
  }

  List<Res> ofType(ResourceType type) {
    List<Res> list = new ArrayList<>();
    for (Res r : resources) {
      if (r.type == type) {
        list.add(r);
      }
    }
    return list;
  }

  long createdBefore(int minDays, int maxDays) {
    return nowHour - 24L * (minDays + rnd.nextInt(maxDays - minDays + 1)) - rnd.nextInt(24);
  }

  Map<String, String> tags(String env) {
    Map<String, String> tags = new LinkedHashMap<>();
    tags.put("env", env);
    tags.put("team", TEAMS[rnd.nextInt(TEAMS.length)]);
    return tags;
  }

  private List<Res> instances() {
    int count = Math.max(p.instances(), busy + regions.size());
    List<Res> list = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      Res r = add(ResourceType.INSTANCE, i, "instance");
      double shapeDraw = rnd.nextDouble();
      r.shape =
          shapeDraw < 0.4 ? 0 : shapeDraw < 0.6 ? 1 : shapeDraw < 0.75 ? 2 : 3 + rnd.nextInt(4);
      Shape shape = Shape.ALL.get(r.shape);
      if (shape.flex()) {
        int[] sizes = {1, 2, 2, 4, 4, 8, 16};
        r.ocpus = sizes[rnd.nextInt(sizes.length)];
        r.memoryGb = r.ocpus * (rnd.nextBoolean() ? 8 : 16);
      } else {
        r.ocpus = shape.fixedOcpus();
        r.memoryGb = r.ocpus * shape.gbPerOcpu();
      }
      boolean recent = rnd.nextDouble() < 0.2;
      r.createdHour =
          recent
              ? createdBefore(1, Math.max(1, p.days() - 1))
              : createdBefore(p.days() + 1, p.days() + 400);
      r.nonProd = rnd.nextDouble() < 0.3;
      String env = r.nonProd ? NON_PROD[rnd.nextInt(NON_PROD.length)] : "prod";
      r.name = APPS[rnd.nextInt(APPS.length)] + "-" + env + "-" + i;
      r.tags = tags(env);
      double stateDraw = rnd.nextDouble();
      boolean forceAlive = i < busy;
      if (stateDraw < 0.75 || (forceAlive && stateDraw >= 0.9)) {
        r.state = "RUNNING";
      } else if (stateDraw < 0.9) {
        r.state = "STOPPED";
        // seven in ten stopped a week or more ago (the stopped-instance case)
        long latest = rnd.nextDouble() < 0.7 ? nowHour - 24 * 8 : nowHour - 1;
        r.endHour = Math.max(r.createdHour + 24, latest - rnd.nextInt(24 * 20));
        r.endHour = Math.min(r.endHour, nowHour - 1);
        if (r.endHour <= r.createdHour) {
          r.createdHour = r.endHour - 24;
        }
      } else {
        r.state = "TERMINATED";
        long from = Math.max(r.createdHour + 1, startHour);
        r.endHour = from + (long) (rnd.nextDouble() * Math.max(1, nowHour - from - 1));
      }
      double profileDraw = rnd.nextDouble();
      r.profile =
          profileDraw < 0.15
              ? Profile.IDLE
              : profileDraw < 0.35
                  ? Profile.OVERSIZED
                  : profileDraw < 0.85 ? Profile.NORMAL : Profile.BUSY;
      if (r.profile == Profile.BUSY && i % 2 == 1) {
        // every other busy instance (by index: no random draw) leaves most of its memory unused,
        // the memory-only rightsizing case when flex (PlantedCase.OVERSIZED_INSTANCE)
        r.profile = Profile.LEAN_MEMORY;
      }
      r.monitoringAgent = rnd.nextDouble() < 0.9;
      r.officeHours = r.nonProd && r.state.equals("RUNNING") && rnd.nextBoolean();
      if (i == 0) {
        golden(r);
      }
      list.add(r);
    }
    return list;
  }

  /**
   * The first instance is the golden case: VM.Standard.E4.Flex, 2 OCPUs, 16 GB, running 24/7 since
   * before the history, so every history day costs 2 x 0.025 x 24 + 16 x 0.0015 x 24 = 1.776 USD
   * for compute.
   */
  private void golden(Res r) {
    r.shape = Shape.E4;
    r.ocpus = 2;
    r.memoryGb = 16;
    r.state = "RUNNING";
    r.endHour = Long.MAX_VALUE;
    r.createdHour = startHour - 24 * 30;
    r.officeHours = false;
    r.nonProd = false;
    r.profile = Profile.NORMAL;
    r.monitoringAgent = true;
    r.name = "golden-e4-flex-0";
    r.tags = tags("prod");
  }

  /**
   * Every {@link PlantedCase} about instances gets at least one instance even when the random draws
   * gave it none (small tenancies): instance 1 becomes idle, 2 oversized, 3 stopped, 4 non-prod
   * 24/7, each only if its case is still empty. Instances 1-4 always exist (there are at least
   * {@code busy + regions} of them, busy >= 4) and the golden instance 0 is never touched. No
   * random draws are used, so tenancies that already have every case are unchanged.
   */
  private void plantInstanceCases(List<Res> instances) {
    PlantedCase[] cases = {
      PlantedCase.IDLE_INSTANCE,
      PlantedCase.OVERSIZED_INSTANCE,
      PlantedCase.STOPPED_INSTANCE,
      PlantedCase.NON_PROD_24_7
    };
    // each fix touches only its own instance, so a case once fixed stays fixed: this converges
    for (int round = 0; round <= cases.length; round++) {
      Map<PlantedCase, List<String>> found = PlantedCases.find(instances, nowHour, startHour);
      boolean changed = false;
      for (int k = 0; k < cases.length; k++) {
        if (found.get(cases[k]).isEmpty()) {
          plantInstance(instances.get(k + 1), cases[k]);
          changed = true;
        }
      }
      if (!changed) {
        return;
      }
    }
  }

  private void plantInstance(Res r, PlantedCase c) {
    r.officeHours = false;
    if (c == PlantedCase.STOPPED_INSTANCE) {
      r.state = "STOPPED";
      r.endHour = nowHour - 24 * 10;
      r.createdHour = Math.min(r.createdHour, r.endHour - 24 * 30);
      return;
    }
    r.state = "RUNNING";
    r.endHour = Long.MAX_VALUE;
    r.createdHour = Math.min(r.createdHour, nowHour - 24L * UnambiguousCases.MIN_AGE_DAYS);
    switch (c) {
      case IDLE_INSTANCE -> {
        r.profile = Profile.IDLE;
        r.monitoringAgent = true;
      }
      case OVERSIZED_INSTANCE -> {
        r.profile = Profile.OVERSIZED;
        r.monitoringAgent = true;
        if (!Shape.ALL.get(r.shape).flex() || r.ocpus < 2) {
          r.shape = Shape.E4;
          r.ocpus = 4;
          r.memoryGb = 32;
        }
        if (r.nonProd) { // rightsizing and scheduling never overlap (UnambiguousCases)
          UnambiguousCases.rename(r, "prod");
        }
      }
      default -> {
        if (r.profile == Profile.IDLE || r.profile == Profile.OVERSIZED) {
          r.profile = Profile.NORMAL; // idle would win; oversized would overlap
        }
        UnambiguousCases.rename(r, "dev");
      }
    }
  }

  /**
   * Every other {@link PlantedCase} gets at least one resource (orphaned boot volumes always exist,
   * see {@link VolumeGenerator}): the last block volume is detached, the last volume backup loses
   * its source, the last load balancer at least 15 days old (else the last one, made that old)
   * becomes idle, each only if its case is empty.
   */
  private void plantOtherCases() {
    Map<PlantedCase, List<String>> found = PlantedCases.find(resources, nowHour, startHour);
    if (found.get(PlantedCase.UNATTACHED_VOLUME).isEmpty()) {
      List<Res> volumes = ofType(ResourceType.BLOCK_VOLUME);
      int i = volumes.size() - 1;
      Res v = volumes.get(i);
      v.link = -1;
      v.createdHour = Math.min(v.createdHour, nowHour - 24 * 10);
      v.name = "volume-" + i;
    }
    if (found.get(PlantedCase.OLD_BACKUP).isEmpty()) {
      List<Res> backups = ofType(ResourceType.VOLUME_BACKUP);
      int i = backups.size() - 1;
      Res b = backups.get(i);
      b.link = -1;
      b.deletedSourceId =
          Ids.ocid(
              "volume",
              regions.get(b.region).lowerKey(),
              seed,
              777 + ResourceType.VOLUME_BACKUP.ordinal(),
              i);
      b.name = "backup-of-deleted-" + i;
    }
    if (found.get(PlantedCase.IDLE_LOAD_BALANCER).isEmpty()) {
      // the last one old enough for its quiet week to be judged; else the last one, made so
      List<Res> lbs = ofType(ResourceType.LOAD_BALANCER);
      Res lb = lbs.get(lbs.size() - 1);
      for (Res candidate : lbs) {
        if (candidate.createdHour <= nowHour - 24L * UnambiguousCases.MIN_AGE_DAYS) {
          lb = candidate;
        }
      }
      lb.profile = Profile.IDLE;
      lb.createdHour = Math.min(lb.createdHour, nowHour - 24L * UnambiguousCases.MIN_AGE_DAYS);
    }
  }

  private void buckets() {
    int count = Math.max(p.instances() / 12, busy + regions.size());
    for (int i = 0; i < count; i++) {
      Res b = add(ResourceType.BUCKET, i, "bucket");
      b.ad = -1;
      b.state = "ACTIVE";
      b.name = APPS[rnd.nextInt(APPS.length)] + "-bucket-" + i;
      b.variant = rnd.nextDouble() < 0.85 ? "Standard" : "Archive";
      b.sizeGb = 1 + (long) Math.pow(2, rnd.nextDouble() * 11);
      b.createdHour = createdBefore(1, p.days() + 300);
      b.tags = tags("prod");
    }
  }

  private void simple(ResourceType type, int ratioCount) {
    int count = Math.max(ratioCount, busy + regions.size());
    String ocidType =
        switch (type) {
          case FILE_SYSTEM -> "filesystem";
          case DB_SYSTEM -> "dbsystem";
          case AUTONOMOUS_DATABASE -> "autonomousdatabase";
          default -> "loadbalancer";
        };
    for (int i = 0; i < count; i++) {
      Res r = add(type, i, ocidType);
      r.createdHour = createdBefore(1, p.days() + 300);
      boolean nonProd = rnd.nextDouble() < 0.3;
      String env = nonProd ? NON_PROD[rnd.nextInt(NON_PROD.length)] : "prod";
      r.nonProd = nonProd;
      r.tags = tags(env);
      switch (type) {
        case FILE_SYSTEM -> {
          r.state = "ACTIVE";
          r.name = "fs-" + env + "-" + i;
          r.sizeGb = 10 + rnd.nextInt(2000);
        }
        case DB_SYSTEM -> {
          r.name = "db-" + env + "-" + i;
          r.shape = Shape.E4;
          r.ocpus = 1 << rnd.nextInt(4);
          r.sizeGb = 256L << rnd.nextInt(3);
          r.state = "AVAILABLE"; // DB systems have no STOPPED state in OCI
          r.variant = rnd.nextBoolean() ? "ENTERPRISE_EDITION" : "STANDARD_EDITION";
          r.profile = profile();
        }
        case AUTONOMOUS_DATABASE -> {
          r.ad = -1;
          r.name = "adb" + env + i;
          r.ocpus = 2 << rnd.nextInt(3);
          r.sizeGb = 1024;
          r.variant = rnd.nextDouble() < 0.7 ? "OLTP" : "DW";
          r.state = rnd.nextDouble() < 0.8 ? "AVAILABLE" : "STOPPED";
          stopIfStopped(r);
          r.profile = profile();
        }
        default -> {
          r.ad = -1;
          r.name = "lb-" + env + "-" + i;
          r.state = "ACTIVE";
          int[] max = {10, 100, 400, 1000};
          r.minMbps = 10;
          r.maxMbps = max[rnd.nextInt(max.length)];
          r.backends = rnd.nextDouble() < 0.1 ? 0 : 1 + rnd.nextInt(4);
          r.profile = r.backends == 0 || rnd.nextDouble() < 0.1 ? Profile.IDLE : profile();
        }
      }
    }
  }

  private void stopIfStopped(Res r) {
    if (r.state.equals("STOPPED")) {
      r.endHour = Math.max(r.createdHour + 24, nowHour - 24L * (1 + rnd.nextInt(40)));
    }
  }

  private Profile profile() {
    double d = rnd.nextDouble();
    return d < 0.2
        ? Profile.IDLE
        : d < 0.4 ? Profile.OVERSIZED : d < 0.85 ? Profile.NORMAL : Profile.BUSY;
  }

  private Map<Long, int[]> scopes() {
    Map<Long, List<Res>> grouped = new HashMap<>();
    for (Res r : resources) {
      grouped
          .computeIfAbsent(
              Tenancy.scopeKey(r.type, r.region, r.compartment), k -> new ArrayList<>())
          .add(r);
    }
    Map<Long, int[]> scopes = new HashMap<>();
    grouped.forEach(
        (key, list) -> {
          list.sort(Tenancy.LIST_ORDER);
          scopes.put(key, list.stream().mapToInt(r -> r.index).toArray());
        });
    return scopes;
  }
}
