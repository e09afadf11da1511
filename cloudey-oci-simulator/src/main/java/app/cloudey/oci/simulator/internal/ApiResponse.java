package app.cloudey.oci.simulator.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A JSON answer with its extra headers (e.g. {@code opc-next-page}). */
record ApiResponse(int status, Object body, Map<String, String> headers) {

  static ApiResponse ok(Object body) {
    return new ApiResponse(200, body, Map.of());
  }

  static ApiResponse page(Object body, @Nullable String nextPage) {
    Map<String, String> headers = new LinkedHashMap<>();
    if (nextPage != null) {
      headers.put("opc-next-page", nextPage);
    }
    return new ApiResponse(200, body, headers);
  }
}
