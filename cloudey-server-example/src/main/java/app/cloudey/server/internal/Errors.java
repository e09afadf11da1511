package app.cloudey.server.internal;

import app.cloudey.CloudeyAuthException;
import app.cloudey.CloudeyConfigException;
import app.cloudey.CloudeyException;
import app.cloudey.CloudeyLockTimeoutException;
import app.cloudey.CloudeyNotFoundException;
import app.cloudey.CloudeyProviderException;
import app.cloudey.CloudeyRateLimitedException;
import app.cloudey.CloudeyStoreException;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every error as {@code {"error": CODE, "message": text}} with its status. Library exceptions map
 * by what the caller can do; anything unexpected is a 500 whose message carries only an incident id
 * (the exception is logged with it), never a stack trace or a secret.
 */
public final class Errors {
  private static final Logger LOG = LoggerFactory.getLogger(Errors.class);

  private Errors() {}

  public static void install(JavalinConfig config) {
    config.routes.exception(Exception.class, (e, ctx) -> handle(e, ctx));
    config.routes.exception(HttpResponseException.class, (e, ctx) -> handle(e, ctx));
    // Javalin and Jetty answer some errors themselves (e.g. 413 before routing): make them JSON
    for (int status : new int[] {400, 413, 414, 431, 500, 503}) {
      config.routes.error(
          status,
          "*",
          ctx -> {
            if (!isJson(ctx)) {
              write(ctx, status, code(status), "request refused (" + status + ")");
            }
          });
    }
    config.routes.error(
        404,
        "*",
        ctx -> {
          if (ctx.result() == null || !isJson(ctx)) {
            write(ctx, 404, "not_found", "no route " + ctx.method() + " " + ctx.path());
          }
        });
    config.routes.error(
        405, "*", ctx -> write(ctx, 405, "method_not_allowed", "method not allowed"));
  }

  /** Drops Java exception class names a library put in its message ("java.lang.X: "). */
  static String clean(String message) {
    return message.replaceAll("\\b(?:[a-z][a-z0-9_]*\\.)+[A-Z]\\w*(?:Exception|Error): ?", "");
  }

  private static boolean isJson(Context ctx) {
    String type = ctx.res().getContentType();
    return type != null && type.startsWith("application/json");
  }

  private static String code(int status) {
    return switch (status) {
      case 413 -> "body_too_large";
      case 400 -> "bad_request";
      case 404 -> "not_found";
      case 500 -> "internal";
      default -> "http_" + status;
    };
  }

  static void handle(Exception e, Context ctx) {
    if (ctx.res().isCommitted()) {
      LOG.debug("error after the response started: {}", e.toString());
      return;
    }
    if (e instanceof ApiException a) {
      a.headers().forEach(ctx::header);
      write(ctx, a.status(), a.code(), a.getMessage());
    } else if (e instanceof HttpResponseException h) {
      int status = h.getStatus();
      write(ctx, status, code(status), h.getMessage() == null ? "request refused" : h.getMessage());
    } else if (e instanceof CloudeyException c) {
      cloudey(c, ctx);
    } else if (e instanceof IllegalArgumentException) {
      write(ctx, 400, "bad_request", e.getMessage() == null ? "bad request" : e.getMessage());
    } else {
      unexpected(e, ctx);
    }
  }

  private static void cloudey(CloudeyException e, Context ctx) {
    if (e instanceof CloudeyConfigException) {
      write(ctx, 400, "invalid_request", e.getMessage());
    } else if (e instanceof CloudeyNotFoundException) {
      write(ctx, 404, "not_found", e.getMessage());
    } else if (e instanceof CloudeyAuthException) {
      // the caller is authenticated; it is OCI (or the LLM) that refused the credentials
      write(ctx, 422, "credentials_rejected", e.getMessage());
    } else if (e instanceof CloudeyRateLimitedException r) {
      r.retryAfter()
          .ifPresent(d -> ctx.header("Retry-After", String.valueOf(Math.max(1, d.toSeconds()))));
      write(ctx, 503, "upstream_rate_limited", e.getMessage());
    } else if (e instanceof CloudeyLockTimeoutException) {
      write(ctx, 409, "busy", e.getMessage());
    } else if (e instanceof CloudeyProviderException) {
      write(ctx, 502, "provider_failed", e.getMessage());
    } else if (e instanceof CloudeyStoreException) {
      String incident = incident(e);
      write(ctx, 503, "store_unavailable", "the database failed (incident " + incident + ")");
    } else {
      unexpected(e, ctx);
    }
  }

  private static void unexpected(Exception e, Context ctx) {
    String incident = incident(e);
    write(ctx, 500, "internal", "unexpected server error (incident " + incident + ")");
  }

  private static String incident(Exception e) {
    String incident = UUID.randomUUID().toString().substring(0, 8);
    LOG.error("incident {}", incident, e);
    return incident;
  }

  public static void write(Context ctx, int status, String code, String message) {
    Map<String, String> body = new LinkedHashMap<>();
    body.put("error", code);
    body.put("message", message == null ? code : clean(message));
    ctx.status(status).contentType("application/json").result(Json.write(body));
  }
}
