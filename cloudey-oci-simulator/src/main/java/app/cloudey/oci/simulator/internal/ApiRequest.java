package app.cloudey.oci.simulator.internal;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A routed request: region, the path after the service prefix, decoded query and the body. */
record ApiRequest(
    String method,
    int region,
    String service,
    List<String> path,
    Map<String, String> query,
    byte[] body) {

  @Nullable String param(String name) {
    return query.get(name);
  }

  String required(String name) {
    String value = query.get(name);
    if (value == null || value.isBlank()) {
      throw ApiException.missing(name);
    }
    return value;
  }

  boolean flag(String name) {
    return "true".equalsIgnoreCase(query.get(name));
  }

  String segment(int i) {
    return path.get(i);
  }
}
