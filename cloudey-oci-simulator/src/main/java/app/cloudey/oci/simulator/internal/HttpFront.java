package app.cloudey.oci.simulator.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one HTTP handler: {@code /{region}/{service}/...} is routed to an operation, the signature is
 * verified (401 otherwise), the request counted, faults applied, and the handler's answer written
 * as JSON with an {@code opc-request-id}.
 */
final class HttpFront implements HttpHandler {
  private static final Logger LOG = LoggerFactory.getLogger(HttpFront.class);

  private final Tenancy tenancy;
  private final Router router;
  private final SignatureVerifier verifier;
  private final RequestCounter counter;
  private final FaultsImpl faults;
  private final AtomicLong requestIds = new AtomicLong();

  HttpFront(
      Tenancy tenancy,
      Router router,
      SignatureVerifier verifier,
      RequestCounter counter,
      FaultsImpl faults) {
    this.tenancy = tenancy;
    this.router = router;
    this.verifier = verifier;
    this.counter = counter;
    this.faults = faults;
  }

  @Override
  public void handle(HttpExchange ex) throws IOException {
    String requestId =
        "sim-"
            + Long.toHexString(requestIds.incrementAndGet())
            + "-"
            + Long.toHexString(System.nanoTime() & 0xffffff);
    try {
      byte[] body = ex.getRequestBody().readAllBytes();
      URI uri = ex.getRequestURI();
      String rawPath = uri.getRawPath();
      String rawQuery = uri.getRawQuery();
      List<String> segments = new ArrayList<>();
      for (String s : rawPath.split("/")) {
        if (!s.isEmpty()) {
          segments.add(URLDecoder.decode(s, StandardCharsets.UTF_8));
        }
      }
      if (segments.size() < 2) {
        throw ApiException.notFound("expected /{region}/{service}/..., got " + rawPath);
      }
      int region = tenancy.regionIndex(segments.get(0));
      if (region < 0) {
        throw ApiException.notFound(
            "region " + segments.get(0) + " is not subscribed by this tenancy");
      }
      String service = segments.get(1);
      List<String> rest = segments.subList(2, segments.size());
      String method = ex.getRequestMethod().toUpperCase(java.util.Locale.ROOT);
      Router.Route route = router.find(service, method, rest);
      if (route == null) {
        throw ApiException.notFound("the simulator does not serve " + method + " " + rawPath);
      }
      String why =
          verifier.verify(
              method,
              rawQuery == null ? rawPath : rawPath + "?" + rawQuery,
              name -> ex.getRequestHeaders().getFirst(name),
              body);
      counter.count(service, route.operation());
      if (why != null) {
        throw new ApiException(401, "NotAuthenticated", why);
      }
      Map<String, String> query = query(rawQuery);
      FaultsImpl.Decision decision =
          faults.apply(route.operation(), service, query.get("compartmentId"));
      if (decision.hang() != null) {
        Thread.sleep(decision.hang().toMillis());
        ex.close(); // no answer: the client times out or sees the connection closed
        return;
      }
      if (decision.error() != null) {
        throw decision.error();
      }
      ApiResponse response =
          route.handler().handle(new ApiRequest(method, region, service, rest, query, body));
      send(ex, response.status(), Json.write(response.body()), response.headers(), requestId);
    } catch (ApiException e) {
      Map<String, String> error = new LinkedHashMap<>();
      error.put("code", e.code);
      error.put("message", e.getMessage());
      send(ex, e.status, Json.write(error), Map.of(), requestId);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      ex.close();
    } catch (RuntimeException e) {
      LOG.warn("simulator failed on {} {}", ex.getRequestMethod(), ex.getRequestURI(), e);
      Map<String, String> error = new LinkedHashMap<>();
      error.put("code", "InternalServerError");
      error.put("message", "simulator error: " + e);
      send(ex, 500, Json.write(error), Map.of(), requestId);
    }
  }

  private static void send(
      HttpExchange ex, int status, byte[] body, Map<String, String> headers, String requestId)
      throws IOException {
    ex.getResponseHeaders().set("Content-Type", "application/json");
    ex.getResponseHeaders().set("opc-request-id", requestId);
    headers.forEach((k, v) -> ex.getResponseHeaders().set(k, v));
    ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(body);
    }
  }

  static Map<String, String> query(String rawQuery) {
    Map<String, String> query = new LinkedHashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return query;
    }
    for (String pair : rawQuery.split("&")) {
      int eq = pair.indexOf('=');
      String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value =
          eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      // repeated keys (e.g. fields=a&fields=b) are joined with commas
      query.merge(key, value, (a, b) -> a + "," + b);
    }
    return query;
  }
}
