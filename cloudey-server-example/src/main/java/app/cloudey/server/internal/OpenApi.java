package app.cloudey.server.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The OpenAPI 3 document, generated from the registered routes (so it lists exactly what exists),
 * and the Swagger UI page from its webjar.
 */
public final class OpenApi {
  private static final Pattern PARAM = Pattern.compile("\\{([a-z_]+)}");

  private OpenApi() {}

  public static String document(List<Api.RouteDoc> routes, String version) {
    ObjectNode root = Json.MAPPER.createObjectNode();
    root.put("openapi", "3.0.3");
    ObjectNode info = root.putObject("info");
    info.put("title", "Cloudey example server");
    info.put("version", version);
    info.put(
        "description",
        "JSON is snake_case; amounts are decimal strings with their currency; errors are"
            + " {\"error\": CODE, \"message\": text}. See docs/api.md.");
    ObjectNode schemes = root.putObject("components").putObject("securitySchemes");
    schemes.putObject("bearer").put("type", "http").put("scheme", "bearer");
    schemes
        .putObject("session")
        .put("type", "apiKey")
        .put("in", "cookie")
        .put("name", Sessions.COOKIE);
    ObjectNode paths = root.putObject("paths");
    for (Api.RouteDoc r : routes) {
      ObjectNode path =
          paths.has(r.path()) ? (ObjectNode) paths.get(r.path()) : paths.putObject(r.path());
      ObjectNode op = path.putObject(r.method().toLowerCase(Locale.ROOT));
      op.put("summary", r.summary());
      op.putArray("tags").add(r.tag());
      ArrayNode params = op.putArray("parameters");
      Matcher m = PARAM.matcher(r.path());
      while (m.find()) {
        ObjectNode p = params.addObject();
        p.put("name", m.group(1)).put("in", "path").put("required", true);
        p.putObject("schema").put("type", m.group(1).equals("user_id") ? "integer" : "string");
      }
      if (r.access() != Api.Access.PUBLIC) {
        ArrayNode security = op.putArray("security");
        security.addObject().putArray("bearer");
        security.addObject().putArray("session");
      }
      ObjectNode responses = op.putObject("responses");
      responses.putObject(String.valueOf(r.status())).put("description", "success");
      responses.putObject("4XX").put("description", "{\"error\": CODE, \"message\": text}");
      if (r.access() == Api.Access.OWNER) {
        responses.putObject("403").put("description", "the user_id is not yours");
      }
    }
    return Json.write(root);
  }

  /** Swagger UI from the webjar, reading /openapi.json. */
  public static String docsPage(String swaggerUiVersion) {
    String base = "/webjars/swagger-ui/" + swaggerUiVersion;
    return """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>Cloudey API</title>
        <link rel="stylesheet" href="%1$s/swagger-ui.css"></head>
        <body><div id="swagger-ui"></div>
        <script src="%1$s/swagger-ui-bundle.js"></script>
        <script>window.ui = SwaggerUIBundle({url: '/openapi.json', dom_id: '#swagger-ui'});</script>
        </body></html>
        """
        .formatted(base);
  }
}
