package app.cloudey.server.internal;

import io.javalin.config.JavalinConfig;
import java.util.Set;

/**
 * CORS for the configured origins ({@code CLOUDEY_CORS_ORIGINS}; none by default): allowed origins
 * get the headers, preflight requests are answered 204. Credentials (the session cookie) are
 * allowed only for listed origins, never for {@code *}.
 */
public final class Cors {
  private Cors() {}

  public static void install(JavalinConfig config, Set<String> origins) {
    if (origins.isEmpty()) {
      return;
    }
    boolean any = origins.contains("*");
    config.routes.before(
        ctx -> {
          String origin = ctx.header("Origin");
          if (origin == null || !(any || origins.contains(origin))) {
            return;
          }
          ctx.header("Access-Control-Allow-Origin", any ? "*" : origin);
          ctx.header("Vary", "Origin");
          if (!any) {
            ctx.header("Access-Control-Allow-Credentials", "true");
          }
          if ("OPTIONS".equals(ctx.method().name())) {
            ctx.header("Access-Control-Allow-Methods", "GET, POST, PUT, DELETE, OPTIONS");
            ctx.header("Access-Control-Allow-Headers", "Authorization, Content-Type");
            ctx.header("Access-Control-Max-Age", "600");
            ctx.status(204);
            ctx.skipRemainingHandlers();
          }
        });
  }
}
