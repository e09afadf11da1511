package app.cloudey.server.internal;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Registers the routes with their access rule and documentation, so authentication, ownership of
 * {@code {user_id}}, rate limiting and metrics are applied the same way everywhere, and the OpenAPI
 * document lists exactly the routes that exist.
 */
public final class Api {
  /** Who may call a route. */
  public enum Access {
    /** Anyone. */
    PUBLIC,
    /** Any user with a token or a session. */
    USER,
    /** The user named by the path's {@code {user_id}} only (403 for anyone else). */
    OWNER
  }

  /** What a route does, for the OpenAPI document. */
  public record RouteDoc(
      String method, String path, Access access, String summary, int status, String tag) {}

  /** A route's work; {@code user} is null only on {@link Access#PUBLIC} routes without a caller. */
  @FunctionalInterface
  public interface Handler {
    void handle(Context ctx, @Nullable User user) throws Exception;
  }

  private final JavalinConfig config;
  private final Auth auth;
  private final MeterRegistry registry;
  private final List<RouteDoc> docs = new ArrayList<>();
  private String tag = "ops";

  public Api(JavalinConfig config, Auth auth, MeterRegistry registry) {
    this.config = config;
    this.auth = auth;
    this.registry = registry;
  }

  /** The OpenAPI tag of routes registered next. */
  public Api tag(String newTag) {
    this.tag = newTag;
    return this;
  }

  public void get(String path, Access access, String summary, int status, Handler handler) {
    add("GET", path, access, summary, status, handler);
  }

  public void post(String path, Access access, String summary, int status, Handler handler) {
    add("POST", path, access, summary, status, handler);
  }

  public void put(String path, Access access, String summary, int status, Handler handler) {
    add("PUT", path, access, summary, status, handler);
  }

  public void delete(String path, Access access, String summary, int status, Handler handler) {
    add("DELETE", path, access, summary, status, handler);
  }

  public List<RouteDoc> docs() {
    return List.copyOf(docs);
  }

  private void add(
      String method, String path, Access access, String summary, int status, Handler h) {
    docs.add(new RouteDoc(method, path, access, summary, status, tag));
    String route = method + " " + path;
    io.javalin.http.Handler wrapped =
        ctx -> {
          Timer.Sample sample = Timer.start(registry);
          try {
            Optional<Auth.Caller> caller = auth.caller(ctx);
            if (access != Access.PUBLIC && caller.isEmpty()) {
              throw new ApiException(
                  401,
                  "unauthorized",
                  "send Authorization: Bearer <api_token> (POST /user gives one) or log in");
            }
            if (caller.isPresent()) {
              auth.limit(caller.get());
            }
            User user = caller.map(Auth.Caller::user).orElse(null);
            if (access == Access.OWNER) {
              Auth.checkOwner(ctx, user);
            }
            h.handle(ctx, user);
          } finally {
            sample.stop(
                registry.timer(
                    "http.server.requests",
                    "route",
                    route,
                    "status",
                    String.valueOf(ctx.statusCode())));
          }
        };
    switch (method) {
      case "GET" -> config.routes.get(path, wrapped);
      case "POST" -> config.routes.post(path, wrapped);
      case "PUT" -> config.routes.put(path, wrapped);
      case "DELETE" -> config.routes.delete(path, wrapped);
      default -> throw new IllegalArgumentException("unsupported method " + method);
    }
  }
}
