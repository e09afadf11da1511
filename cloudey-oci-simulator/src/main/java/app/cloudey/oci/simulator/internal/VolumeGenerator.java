package app.cloudey.oci.simulator.internal;

import app.cloudey.model.ResourceType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The volume part of {@link TenancyGenerator}: boot volumes, block volumes and their backups, drawn
 * from the generator's random stream in the generator's order; then, on a separate stream, the
 * attached volumes that live in another compartment than their instance.
 *
 * <p>In OCI an attachment belongs to the instance's compartment while the volume may sit in any
 * compartment of the same region; {@link #moveSomeAttachedVolumes} plants such volumes so a client
 * that looks for attachments in the volume's compartment misses them.
 */
final class VolumeGenerator {
  /** Share of attached block volumes moved to another compartment. */
  static final double BLOCK_MOVE_SHARE = 0.10;

  /** Share of attached boot volumes moved to another compartment. */
  static final double BOOT_MOVE_SHARE = 0.05;

  private final TenancyGenerator g;
  private final GeneratorParams p;
  private final SplittableRandom rnd;
  private final List<Region> regions;
  private final List<Res> resources;

  /** Resource indexes of the volumes that fill the busy scope's pages: they never move. */
  private final Set<Integer> busyQuota = new HashSet<>();

  VolumeGenerator(TenancyGenerator generator) {
    this.g = generator;
    this.p = generator.p;
    this.rnd = generator.rnd;
    this.regions = generator.regions;
    this.resources = generator.resources;
  }

  /** Boot volumes, block volumes, volume backups, boot-volume backups, in that order. */
  void generate(List<Res> instances) {
    bootVolumes(instances);
    List<Res> volumes = blockVolumes(instances);
    backups(ResourceType.VOLUME_BACKUP, volumes, p.instances() / 5);
    backups(
        ResourceType.BOOT_VOLUME_BACKUP, g.ofType(ResourceType.BOOT_VOLUME), p.instances() / 10);
  }

  private void bootVolumes(List<Res> instances) {
    int i = 0;
    for (Res inst : instances) {
      if (inst.state.equals("TERMINATED")) {
        continue;
      }
      Res b = bootVolume(i++, inst.region);
      b.compartment = inst.compartment;
      b.ad = inst.ad;
      b.createdHour = inst.createdHour;
      b.link = inst.index;
      b.name = inst.name + " (Boot Volume)";
      b.tags = inst.tags;
      inst.bootVolume = b.index;
      if (inst.index < g.busy) { // instances come first: index = i, placed in the busy scope
        busyQuota.add(b.index);
      }
    }
    int orphans = Math.max(regions.size(), p.instances() * 3 / 100);
    for (int k = 0; k < orphans; k++) {
      int region = k < regions.size() ? k : rnd.nextInt(regions.size());
      Res b = bootVolume(i++, region);
      b.compartment = g.active.get(rnd.nextInt(g.active.size()));
      b.ad = rnd.nextInt(regions.get(region).availabilityDomains());
      b.createdHour = g.createdBefore(p.days() / 2 + 8, p.days() + 300);
      b.name =
          "retired-"
              + TenancyGenerator.APPS[rnd.nextInt(TenancyGenerator.APPS.length)]
              + "-"
              + k
              + " (Boot Volume)";
      b.tags = g.tags("prod");
    }
  }

  private Res bootVolume(int i, int region) {
    Res b =
        new Res(
            ResourceType.BOOT_VOLUME,
            resources.size(),
            Ids.ocid("bootvolume", regions.get(region).lowerKey(), g.seed, 99, i),
            region);
    resources.add(b);
    b.state = "AVAILABLE";
    b.sizeGb = 47 + rnd.nextInt(4) * 50;
    b.vpusPerGb = 10;
    return b;
  }

  private List<Res> blockVolumes(List<Res> instances) {
    List<Res> alive = new ArrayList<>();
    List<Res> busyAlive = new ArrayList<>();
    for (Res inst : instances) {
      if (!inst.state.equals("TERMINATED")) {
        alive.add(inst);
        if (inBusyScope(inst)) {
          busyAlive.add(inst);
        }
      }
    }
    int count = Math.max(p.instances() * 3 / 10, g.busy + regions.size());
    List<Res> list = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Res v = g.add(ResourceType.BLOCK_VOLUME, i, "volume");
      if (i < g.busy) {
        busyQuota.add(v.index);
      }
      v.state = "AVAILABLE";
      int[] sizes = {50, 100, 256, 512, 1024, 2048};
      v.sizeGb = sizes[rnd.nextInt(sizes.length)];
      int[] vpus = {0, 10, 10, 10, 20};
      v.vpusPerGb = vpus[rnd.nextInt(vpus.length)];
      boolean attach = rnd.nextDouble() < 0.8;
      Res inst = null;
      if (attach && i < g.busy && !busyAlive.isEmpty()) {
        inst = busyAlive.get(i % busyAlive.size());
      } else if (attach && i >= g.busy) {
        inst = sameRegion(alive, v.region);
      }
      if (inst != null) {
        v.link = inst.index;
        v.compartment = inst.compartment;
        v.ad = inst.ad;
        v.createdHour = Math.max(inst.createdHour, g.createdBefore(1, p.days() + 200));
        v.name = inst.name + "-data-" + i;
        v.tags = inst.tags;
      } else {
        v.createdHour = g.createdBefore(10, p.days() + 200);
        v.name = "volume-" + i;
        v.tags = g.tags(rnd.nextBoolean() ? "prod" : "dev");
      }
      list.add(v);
    }
    return list;
  }

  /** Home region, busy compartment, first AD: the scope that must keep more than three pages. */
  private boolean inBusyScope(Res r) {
    return r.compartment == g.busyCompartment && r.region == 0 && r.ad == 0;
  }

  private Res sameRegion(List<Res> candidates, int region) {
    for (int attempt = 0; attempt < 16; attempt++) {
      Res c = candidates.get(rnd.nextInt(candidates.size()));
      if (c.region == region) {
        return c;
      }
    }
    return null;
  }

  private void backups(ResourceType type, List<Res> sources, int ratioCount) {
    String ocidType = type == ResourceType.VOLUME_BACKUP ? "volumebackup" : "bootvolumebackup";
    String sourceType = type == ResourceType.VOLUME_BACKUP ? "volume" : "bootvolume";
    int count = Math.max(ratioCount, g.busy + regions.size());
    List<Res> busySources = new ArrayList<>();
    for (Res s : sources) {
      if (s.compartment == g.busyCompartment && s.region == 0) {
        busySources.add(s);
      }
    }
    for (int i = 0; i < count; i++) {
      Res b = g.add(type, i, ocidType);
      b.state = "AVAILABLE";
      Res source;
      if (i < g.busy) {
        source = busySources.isEmpty() ? null : busySources.get(i % busySources.size());
      } else {
        source = sameRegion(sources, b.region);
      }
      if (source == null || rnd.nextDouble() < 0.15) {
        b.deletedSourceId =
            Ids.ocid(sourceType, regions.get(b.region).lowerKey(), g.seed, 777 + type.ordinal(), i);
        b.sizeGb = 50 + rnd.nextInt(500);
        b.name = "backup-of-deleted-" + i;
      } else {
        b.link = source.index;
        if (i >= g.busy) {
          b.compartment = source.compartment;
        }
        b.sizeGb = Math.max(1, source.sizeGb * (30 + rnd.nextInt(60)) / 100);
        b.name = source.name.replace(" (Boot Volume)", "") + "-backup-" + i;
      }
      b.ad = -1;
      b.createdHour = g.createdBefore(1, p.days() + 200);
      b.tags = g.tags("prod");
    }
  }

  /**
   * Moves about {@link #BLOCK_MOVE_SHARE} of the attached block volumes and {@link
   * #BOOT_MOVE_SHARE} of the attached boot volumes of each region to another ACTIVE compartment
   * (region and AD stay the instance's), at least one of each per region that has a volume to move.
   * The volumes that fill the busy scope (the first {@code busy} block volumes and the boot volumes
   * of the first {@code busy} instances) stay, so it keeps more than three pages.
   *
   * <p>Runs after everything else and draws from its own {@link Random} seeded from the tenancy
   * seed, so every other generated value (and so every cost and count) is what it was before
   * volumes moved. Backups keep the compartment they were generated in.
   */
  void moveSomeAttachedVolumes() {
    List<Integer> active = g.active;
    if (active.size() < 2) {
      return;
    }
    Random moves = new Random(g.seed * 31 + 7);
    for (int region = 0; region < regions.size(); region++) {
      move(ResourceType.BLOCK_VOLUME, region, BLOCK_MOVE_SHARE, moves);
      move(ResourceType.BOOT_VOLUME, region, BOOT_MOVE_SHARE, moves);
    }
  }

  private void move(ResourceType type, int region, double share, Random moves) {
    List<Res> candidates = new ArrayList<>();
    for (Res v : resources) {
      if (v.type == type && v.region == region && v.link >= 0 && !busyQuota.contains(v.index)) {
        candidates.add(v);
      }
    }
    boolean moved = false;
    for (Res v : candidates) {
      if (moves.nextDouble() < share) {
        moveToOtherCompartment(v, moves);
        moved = true;
      }
    }
    if (!moved && !candidates.isEmpty()) {
      moveToOtherCompartment(candidates.get(moves.nextInt(candidates.size())), moves);
    }
  }

  private void moveToOtherCompartment(Res v, Random moves) {
    List<Integer> active = g.active;
    int current = active.indexOf(v.compartment);
    // uniform over the other active compartments (the volume's own is ACTIVE: it was placed there)
    int pick = moves.nextInt(active.size() - 1);
    v.compartment = active.get(pick >= current ? pick + 1 : pick);
  }
}
