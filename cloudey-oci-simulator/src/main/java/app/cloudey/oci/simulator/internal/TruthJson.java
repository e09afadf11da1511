package app.cloudey.oci.simulator.internal;

import app.cloudey.model.ResourceType;
import app.cloudey.oci.simulator.CostSpike;
import app.cloudey.oci.simulator.PlantedCase;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Writes {@code truth.json}: keys in a fixed order, maps sorted or in generation order, amounts as
 * decimal strings, so the same seed and now give the same bytes.
 */
final class TruthJson {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private TruthJson() {}

  /**
   * Attachments per region and the compartment that holds them (the instance's): {@code volume} =
   * block volume attachments, {@code bootByAvailabilityDomain} = boot volume attachments per AD
   * (the API lists those per AD); compartments holding none are left out.
   */
  private static ObjectNode attachments(Tenancy t) {
    VolumeAttachments index = new VolumeAttachments(t);
    ObjectNode byRegion = MAPPER.createObjectNode();
    for (int r = 0; r < t.regions.size(); r++) {
      ObjectNode regionNode = byRegion.putObject(t.regions.get(r).name());
      for (SimCompartment c : t.compartments) {
        int volumes = index.blockVolumes(r, c.index()).length;
        ObjectNode boot = MAPPER.createObjectNode();
        for (int ad = 0; ad < t.regions.get(r).availabilityDomains(); ad++) {
          final int a = ad;
          long n =
              java.util.Arrays.stream(t.scope(ResourceType.INSTANCE, r, c.index()))
                  .filter(i -> t.res(i).bootVolume >= 0 && t.res(i).ad == a)
                  .count();
          if (n > 0) {
            boot.put(t.adName(r, ad), n);
          }
        }
        if (volumes > 0 || !boot.isEmpty()) {
          ObjectNode node = regionNode.putObject(c.id());
          node.put("volume", volumes);
          node.set("bootByAvailabilityDomain", boot);
        }
      }
    }
    return byRegion;
  }

  /**
   * {@code dynamics} (the options), {@code elasticResources} and {@code addedInstances} (counts),
   * {@code costSpikes} (day, service, resource, region, compartment, multiplier, amount) and {@code
   * costsByDay} (the daily totals a forecast backtest compares with).
   */
  private static void dynamics(TruthImpl truth, ObjectNode root) {
    ObjectNode options = root.putObject("dynamics");
    options.put("weekendLoad", truth.dynamics().weekendLoad());
    options.put("growthPerMonth", truth.dynamics().growthPerMonth());
    options.put("dailyNoise", truth.dynamics().dailyNoise());
    options.put("newInstancesPerMonth", truth.dynamics().newInstancesPerMonth());
    options.put("spikesPerMonth", truth.dynamics().spikesPerMonth());
    root.put("elasticResources", truth.elasticResourceIds().size());
    root.put("addedInstances", truth.addedInstances().size());
    ArrayNode spikes = root.putArray("costSpikes");
    for (CostSpike s : truth.costSpikes()) {
      ObjectNode node = spikes.addObject();
      node.put("day", s.day().toString());
      node.put("service", s.service());
      node.put("resourceId", s.resourceId());
      node.put("region", s.region());
      node.put("compartmentId", s.compartmentId());
      node.put("multiplier", s.multiplier().toPlainString());
      node.put("amount", s.amount().toPlainString());
    }
    ObjectNode days = root.putObject("costsByDay");
    truth
        .costByDay(truth.history())
        .forEach((day, cost) -> days.put(day.toString(), cost.toPlainString()));
  }

  static String write(TruthImpl truth) {
    Tenancy t = truth.tenancy();
    ObjectNode root = MAPPER.createObjectNode();
    root.put("seed", t.params.seed());
    root.put("now", t.now().toString());
    root.put("days", t.params.days());
    root.put("historyStart", t.historyStart().toString());
    root.put("pageSize", truth.pageSize());
    root.put("currency", truth.currency());
    root.put("tenancyId", t.tenancyId);
    root.put("tenancyName", t.tenancyName);
    root.put("userId", t.userId);
    root.put("namespace", t.namespace);
    root.put("homeRegion", truth.homeRegion());
    ArrayNode regions = root.putArray("regions");
    truth.regions().forEach(regions::add);
    ObjectNode ads = root.putObject("availabilityDomains");
    for (String region : truth.regions()) {
      ArrayNode list = ads.putArray(region);
      truth.availabilityDomains(region).forEach(list::add);
    }
    root.put("compartments", truth.compartmentIds().size());
    root.put("deletedCompartments", truth.deletedCompartmentIds().size());
    ArrayNode compartmentIds = root.putArray("compartmentIds");
    truth.compartmentIds().forEach(compartmentIds::add);

    ObjectNode resources = root.putObject("resources");
    ObjectNode byScope = MAPPER.createObjectNode();
    ObjectNode fsByAd = MAPPER.createObjectNode();
    for (ResourceType type : ResourceType.values()) {
      ObjectNode perRegion = resources.putObject(PlantedCases.key(type));
      for (int r = 0; r < t.regions.size(); r++) {
        int n = 0;
        for (SimCompartment c : t.compartments) {
          n += t.scope(type, r, c.index()).length;
        }
        perRegion.put(t.regions.get(r).name(), n);
      }
    }
    for (int r = 0; r < t.regions.size(); r++) {
      ObjectNode regionNode = byScope.putObject(t.regions.get(r).name());
      ObjectNode fsRegion = fsByAd.putObject(t.regions.get(r).name());
      for (SimCompartment c : t.compartments) {
        ObjectNode counts = MAPPER.createObjectNode();
        for (ResourceType type : ResourceType.values()) {
          int n = t.scope(type, r, c.index()).length;
          if (n > 0) {
            counts.put(PlantedCases.key(type), n);
          }
        }
        if (!counts.isEmpty()) {
          regionNode.set(c.id(), counts);
        }
        int[] fs = t.scope(ResourceType.FILE_SYSTEM, r, c.index());
        if (fs.length > 0) {
          ObjectNode perAd = fsRegion.putObject(c.id());
          for (int ad = 0; ad < t.regions.get(r).availabilityDomains(); ad++) {
            final int a = ad;
            long n = java.util.Arrays.stream(fs).filter(i -> t.res(i).ad == a).count();
            if (n > 0) {
              perAd.put(t.adName(r, ad), n);
            }
          }
        }
      }
    }
    ObjectNode byCompartment = root.putObject("resourcesByCompartment");
    truth
        .countsByCompartment()
        .forEach(
            (id, counts) -> {
              ObjectNode node = byCompartment.putObject(id);
              counts.forEach((type, n) -> node.put(PlantedCases.key(type), n));
            });
    root.set("resourcesByScope", byScope);
    root.put("crossCompartmentAttachments", truth.crossCompartmentAttachments().size());
    root.set("attachmentsByScope", attachments(t));
    root.set("fileSystemsByAvailabilityDomain", fsByAd);
    ObjectNode states = root.putObject("states");
    for (ResourceType type : ResourceType.values()) {
      ObjectNode node = states.putObject(PlantedCases.key(type));
      truth.countsByState(type).forEach(node::put);
    }
    ObjectNode months = root.putObject("costsByMonth");
    BigDecimal total = BigDecimal.ZERO;
    for (Map.Entry<java.time.YearMonth, BigDecimal> e : truth.costByMonth().entrySet()) {
      months.put(e.getKey().toString(), e.getValue().toPlainString());
      total = total.add(e.getValue());
    }
    root.put("costTotal", total.toPlainString());
    ObjectNode cases = root.putObject("plantedCases");
    for (Map.Entry<PlantedCase, List<String>> e : truth.plantedCases().entrySet()) {
      ArrayNode ids = cases.putArray(e.getKey().name());
      e.getValue().forEach(ids::add);
    }
    if (truth.dynamics().active()) {
      // only with dynamics, so a tenancy generated without them keeps its exact bytes
      dynamics(truth, root);
    }
    try {
      return MAPPER.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
