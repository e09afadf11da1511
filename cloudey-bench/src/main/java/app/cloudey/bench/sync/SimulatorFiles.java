package app.cloudey.bench.sync;

import app.cloudey.model.ResourceType;
import app.cloudey.oci.OciConfig;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * What the simulator CLI writes to its {@code --out} directory: the OCI config (and key), the
 * endpoint templates and {@code truth.json}; plus the minimum number of calls a complete inventory
 * sync needs, computed from the truth.
 */
final class SimulatorFiles {
  final Path dir;
  final JsonNode truth;
  final Map<String, String> endpointTemplates = new HashMap<>();

  SimulatorFiles(Path dir) throws IOException {
    this.dir = dir;
    ObjectMapper json = new ObjectMapper();
    this.truth = json.readTree(dir.resolve("truth.json").toFile());
    JsonNode endpoints = json.readTree(Files.readString(dir.resolve("endpoints.json")));
    endpoints
        .fields()
        .forEachRemaining(e -> endpointTemplates.put(e.getKey(), e.getValue().asText()));
  }

  /** The generated user's configuration, endpoints pointing at the simulator. */
  OciConfig config() {
    return OciConfig.fromFile(dir.resolve("config"), "DEFAULT").toBuilder()
        .endpoints(this::endpoint)
        .build();
  }

  String endpoint(String client, String region) {
    String template = endpointTemplates.get(client);
    if (template == null) {
      throw new IllegalArgumentException("endpoints.json has no " + client);
    }
    return template.replace("{region}", region);
  }

  int resources() {
    int n = 0;
    for (Iterator<JsonNode> perType = truth.get("resources").elements(); perType.hasNext(); ) {
      for (Iterator<JsonNode> perRegion = perType.next().elements(); perRegion.hasNext(); ) {
        n += perRegion.next().asInt();
      }
    }
    return n;
  }

  /**
   * The fewest calls that list the whole inventory: every list page once (pages of {@code
   * pageSize}, at least one per scope), the per-AD fan-out where the API needs an availability
   * domain (file systems in every AD), one GetBucket per bucket, the fixed calls (region
   * subscriptions, tenancy, compartment tree, availability domains per region, namespace), and the
   * attachment listings that prove a volume unattached. OCI keeps an attachment in the instance's
   * compartment, so that proof takes every compartment's ListVolumeAttachments pages in the region,
   * and its ListBootVolumeAttachments pages in every AD (a tenancy of this size has a volume with
   * no attachment in every region and AD).
   */
  long minimumCalls() {
    int pageSize = truth.get("pageSize").asInt();
    long calls = 1 + 1 + 1; // ListRegionSubscriptions, GetTenancy, GetNamespace
    int listedCompartments =
        truth.get("compartments").asInt() - 1 + truth.get("deletedCompartments").asInt();
    calls += pages(listedCompartments, pageSize);
    JsonNode ads = truth.get("availabilityDomains");
    calls += ads.size(); // ListAvailabilityDomains per region
    JsonNode byScope = truth.get("resourcesByScope");
    JsonNode fsByAd = truth.get("fileSystemsByAvailabilityDomain");
    JsonNode attachments = truth.get("attachmentsByScope");
    for (Iterator<Map.Entry<String, JsonNode>> regions = byScope.fields(); regions.hasNext(); ) {
      Map.Entry<String, JsonNode> region = regions.next();
      for (String compartment : iterable(truth.get("compartmentIds"))) {
        JsonNode counts = region.getValue().path(compartment);
        for (ResourceType type : ResourceType.values()) {
          int n = counts.path(type.key()).asInt(0);
          switch (type) {
            case FILE_SYSTEM -> {
              JsonNode perAd = fsByAd.path(region.getKey()).path(compartment);
              for (String ad : iterable(ads.get(region.getKey()))) {
                calls += pages(perAd.path(ad).asInt(0), pageSize);
              }
            }
            case BUCKET, LOAD_BALANCER -> calls += pages(n, pageSize) + n;
            default -> calls += pages(n, pageSize);
          }
        }
        JsonNode held = attachments.path(region.getKey()).path(compartment);
        calls += pages(held.path("volume").asInt(0), pageSize);
        for (String ad : iterable(ads.get(region.getKey()))) {
          calls += pages(held.path("bootByAvailabilityDomain").path(ad).asInt(0), pageSize);
        }
      }
    }
    return calls;
  }

  private static long pages(int items, int pageSize) {
    return Math.max(1, (items + pageSize - 1) / pageSize);
  }

  private static Iterable<String> iterable(JsonNode array) {
    java.util.List<String> values = new java.util.ArrayList<>();
    array.forEach(v -> values.add(v.asText()));
    return values;
  }
}
