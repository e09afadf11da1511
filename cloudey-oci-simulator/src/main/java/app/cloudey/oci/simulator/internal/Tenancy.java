package app.cloudey.oci.simulator.internal;

import app.cloudey.model.ResourceType;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A generated tenancy: compartments, resources and the indexes the APIs read. Immutable once built
 * (see {@link TenancyGenerator}); safe to read from any thread.
 */
final class Tenancy {
  /** The order every list API serves: newest first, then by id. */
  static final Comparator<Res> LIST_ORDER =
      Comparator.comparingLong((Res r) -> r.createdHour).reversed().thenComparing(r -> r.id);

  final GeneratorParams params;
  final String tenancyId;
  final String tenancyName;
  final String userId;
  final String namespace;
  final String adPrefix;
  final List<Region> regions;
  final List<SimCompartment> compartments;
  final Map<String, Integer> compartmentById;
  final List<Res> resources;
  final Map<String, Integer> resourceById;

  /** (type, region, compartment) -> resource indexes in list order (newest first). */
  final Map<Long, int[]> scopes;

  final PriceList prices;

  /** Planted cost spikes (cost dynamics), in generation order; empty without them. */
  final List<Spike> spikes;

  /** (epoch day, resource index) of each spike -> its quantity multiplier in percent. */
  private final Map<Long, Integer> spikePercents;

  final long nowHour;
  final long historyStartHour;

  Tenancy(
      GeneratorParams params,
      String tenancyId,
      String tenancyName,
      String userId,
      String namespace,
      String adPrefix,
      List<Region> regions,
      List<SimCompartment> compartments,
      Map<String, Integer> compartmentById,
      List<Res> resources,
      Map<String, Integer> resourceById,
      Map<Long, int[]> scopes,
      PriceList prices,
      List<Spike> spikes) {
    this.params = params;
    this.tenancyId = tenancyId;
    this.tenancyName = tenancyName;
    this.userId = userId;
    this.namespace = namespace;
    this.adPrefix = adPrefix;
    this.regions = List.copyOf(regions);
    this.compartments = List.copyOf(compartments);
    this.compartmentById = Map.copyOf(compartmentById);
    this.resources = List.copyOf(resources);
    this.resourceById = Map.copyOf(resourceById);
    this.scopes = Map.copyOf(scopes);
    this.prices = prices;
    this.spikes = List.copyOf(spikes);
    Map<Long, Integer> percents = new java.util.HashMap<>();
    spikes.forEach(s -> percents.put(spikeKey(s.resource(), s.epochDay()), s.percent()));
    this.spikePercents = Map.copyOf(percents);
    this.nowHour = epochHour(params.now());
    this.historyStartHour = nowHour - 24L * params.days();
  }

  static long epochHour(LocalDate day) {
    return day.atStartOfDay(ZoneOffset.UTC).toEpochSecond() / 3600;
  }

  static LocalDate dayOfHour(long hour) {
    return LocalDate.ofEpochDay(Math.floorDiv(hour, 24));
  }

  private static long spikeKey(int resource, long epochDay) {
    return (epochDay << 32) | resource;
  }

  /** The spike multiplier in percent of a resource on a day, 0 when it has none. */
  int spikePercent(Res r, long epochDay) {
    return spikePercents.isEmpty() ? 0 : spikePercents.getOrDefault(spikeKey(r.index, epochDay), 0);
  }

  static long scopeKey(ResourceType type, int region, int compartment) {
    return ((long) (type.ordinal() * 16 + region) << 32) | compartment;
  }

  int[] scope(ResourceType type, int region, int compartment) {
    int[] ids = scopes.get(scopeKey(type, region, compartment));
    return ids == null ? new int[0] : ids;
  }

  LocalDate now() {
    return params.now();
  }

  LocalDate historyStart() {
    return params.now().minusDays(params.days());
  }

  Region region(Res r) {
    return regions.get(r.region);
  }

  String adName(int region, int ad) {
    return regions.get(region).adName(adPrefix, ad);
  }

  int regionIndex(String name) {
    for (int i = 0; i < regions.size(); i++) {
      if (regions.get(i).name().equals(name)) {
        return i;
      }
    }
    return -1;
  }

  /** -1 when the name is not one of the region's availability domains. */
  int adIndex(int region, String adName) {
    Region r = regions.get(region);
    for (int ad = 0; ad < r.availabilityDomains(); ad++) {
      if (r.adName(adPrefix, ad).equals(adName)) {
        return ad;
      }
    }
    return -1;
  }

  Res res(int index) {
    return resources.get(index);
  }

  SimCompartment compartment(Res r) {
    return compartments.get(r.compartment);
  }
}
