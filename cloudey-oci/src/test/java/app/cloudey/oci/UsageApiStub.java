package app.cloudey.oci;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback stand-in for the Usage API's RequestSummarizedUsages: one row per day of the range,
 * {@code pageSize} rows per page, a 400 for ranges longer than {@code maxDays}. Amounts carry 19
 * decimal digits so float rounding would show.
 */
final class UsageApiStub implements AutoCloseable {
  static final String AMOUNT = "0.1234567890123456789";

  private final HttpServer server;
  private final ObjectMapper json = new ObjectMapper();
  private final int pageSize;
  private final int maxDays;
  final List<JsonNode> bodies = new CopyOnWriteArrayList<>();
  final List<String> pages = new CopyOnWriteArrayList<>();

  UsageApiStub(int pageSize, int maxDays) throws IOException {
    this.pageSize = pageSize;
    this.maxDays = maxDays;
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      JsonNode body = json.readTree(exchange.getRequestBody());
      bodies.add(body);
      String query = exchange.getRequestURI().getQuery();
      int offset = 0;
      if (query != null) {
        for (String param : query.split("&")) {
          if (param.startsWith("page=")) {
            offset = Integer.parseInt(param.substring(5));
          }
        }
      }
      pages.add(String.valueOf(offset));
      LocalDate start =
          LocalDate.ofInstant(Instant.parse(body.get("timeUsageStarted").asText()), ZoneOffset.UTC);
      LocalDate end =
          LocalDate.ofInstant(Instant.parse(body.get("timeUsageEnded").asText()), ZoneOffset.UTC);
      long days = ChronoUnit.DAYS.between(start, end);
      if (days > maxDays) {
        send(
            exchange,
            400,
            "{\"code\":\"InvalidParameter\",\"message\":\"the date range is too long\"}",
            null);
        return;
      }
      ObjectNode response = json.createObjectNode();
      ArrayNode items = response.putArray("items");
      int to = (int) Math.min(days, offset + pageSize);
      for (int i = offset; i < to; i++) {
        LocalDate day = start.plusDays(i);
        ObjectNode row = items.addObject();
        row.put("timeUsageStarted", day + "T00:00:00.000Z");
        row.put("timeUsageEnded", day.plusDays(1) + "T00:00:00.000Z");
        row.put("service", "Compute");
        row.put("skuPartNumber", "B97384");
        row.put("skuName", "Compute - Standard - E4 - OCPU");
        row.put("unit", "OCPU Per Hour");
        row.put("compartmentId", "ocid1.compartment.oc1..c1");
        row.put("compartmentPath", "acme/prod");
        row.put("resourceId", i % 2 == 0 ? "ocid1.instance.oc1..i" + i : "");
        row.put("region", "us-ashburn-1");
        // a raw JSON number, as OCI sends it
        row.set(
            "computedAmount", json.getNodeFactory().numberNode(new java.math.BigDecimal(AMOUNT)));
        row.set(
            "computedQuantity", json.getNodeFactory().numberNode(new java.math.BigDecimal("24")));
        row.put("currency", i % 3 == 1 ? "" : "EUR");
      }
      send(exchange, 200, json.writeValueAsString(response), to < days ? String.valueOf(to) : null);
    }
  }

  private static void send(HttpExchange exchange, int status, String body, String nextPage)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.getResponseHeaders().add("opc-request-id", "stub-" + System.nanoTime());
    if (nextPage != null) {
      exchange.getResponseHeaders().add("opc-next-page", nextPage);
    }
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
