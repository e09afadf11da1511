package app.cloudey.oci.simulator.internal;

import app.cloudey.model.ResourceType;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;

/** Shared pieces of the list handlers. */
final class ApiSupport {
  final Tenancy t;
  final int pageSize;

  ApiSupport(Tenancy tenancy, int pageSize) {
    this.t = tenancy;
    this.pageSize = pageSize;
  }

  static Date date(long epochHour, int index) {
    return new Date(epochHour * 3_600_000L + (index % 3600) * 1000L);
  }

  /** The compartment named by the required {@code compartmentId}, 404 when unknown. */
  int compartment(ApiRequest req) {
    String id = req.required("compartmentId");
    Integer index = t.compartmentById.get(id);
    if (index == null || !t.compartments.get(index).active()) {
      throw ApiException.notFound(
          "Authorization failed or requested resource not found: compartment " + id);
    }
    return index;
  }

  /** The AD from the {@code availabilityDomain} parameter; -1 when absent; 400 when unknown. */
  int ad(ApiRequest req, boolean required) {
    String name = required ? req.required("availabilityDomain") : req.param("availabilityDomain");
    if (name == null) {
      return -1;
    }
    int ad = t.adIndex(req.region(), name);
    if (ad < 0) {
      throw ApiException.invalid(
          "availabilityDomain '"
              + name
              + "' is not an availability domain of "
              + t.regions.get(req.region()).name());
    }
    return ad;
  }

  /** One page of a scope's resources, filtered, mapped to SDK models. */
  <T> ApiResponse list(
      ApiRequest req, ResourceType type, IntPredicate filter, IntFunction<T> model) {
    int compartment = compartment(req);
    int[] scope = t.scope(type, req.region(), compartment);
    int[] kept = java.util.Arrays.stream(scope).filter(filter).toArray();
    return page(req, kept, model);
  }

  <T> ApiResponse page(ApiRequest req, int[] items, IntFunction<T> model) {
    Pages.Window w = Pages.window(req, items.length, pageSize);
    List<T> out = new ArrayList<>(w.to() - w.from());
    for (int i = w.from(); i < w.to(); i++) {
      out.add(model.apply(items[i]));
    }
    return ApiResponse.page(out, w.next());
  }

  static Map<String, Map<String, Object>> noDefinedTags() {
    return Map.of();
  }

  /**
   * lifecycleState filter shared by several lists (case-insensitive, as the SDK sends upper case).
   */
  static IntPredicate stateFilter(ApiRequest req, Tenancy t) {
    String state = req.param("lifecycleState");
    if (state == null) {
      return i -> true;
    }
    return i -> t.res(i).state.equalsIgnoreCase(state);
  }
}
