package app.cloudey.oci.simulator.internal;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Maps (service, method, path pattern) to an OCI operation name and its handler. */
final class Router {
  interface Handler {
    ApiResponse handle(ApiRequest request);
  }

  record Route(String service, String method, String[] pattern, String operation, Handler handler) {
    boolean matches(String svc, String m, List<String> path) {
      if (!service.equals(svc) || !method.equals(m) || pattern.length != path.size()) {
        return false;
      }
      for (int i = 0; i < pattern.length; i++) {
        if (!pattern[i].equals("{}") && !pattern[i].equals(path.get(i))) {
          return false;
        }
      }
      return true;
    }
  }

  private final List<Route> routes = new ArrayList<>();

  /** {@code pattern} like {@code 20160918/tenancies/{}/regionSubscriptions}. */
  Router add(String service, String method, String pattern, String operation, Handler handler) {
    routes.add(new Route(service, method, pattern.split("/"), operation, handler));
    return this;
  }

  @Nullable Route find(String service, String method, List<String> path) {
    for (Route r : routes) {
      if (r.matches(service, method, path)) {
        return r;
      }
    }
    return null;
  }

  List<Route> routes() {
    return routes;
  }
}
