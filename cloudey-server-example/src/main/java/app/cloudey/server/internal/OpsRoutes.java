package app.cloudey.server.internal;

import app.cloudey.scheduler.TaskStatus;
import app.cloudey.server.internal.Api.Access;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Health, scheduler status, cache, Prometheus metrics. */
public final class OpsRoutes {
  private OpsRoutes() {}

  record TaskView(
      String task,
      @Nullable String work,
      @Nullable Instant nextRun,
      boolean running,
      @Nullable Instant lastRun,
      @Nullable String lastResult,
      @Nullable String lastError,
      int consecutiveFailures) {
    static TaskView of(TaskStatus t) {
      return new TaskView(
          t.task(),
          t.work() == null ? null : t.work().name(),
          t.nextRun(),
          t.isRunning(),
          t.lastRun(),
          t.lastResult() == null ? null : t.lastResult().name(),
          t.lastError(),
          t.consecutiveFailures());
    }
  }

  public static void register(Api api, Services s, JavalinConfig config) {
    api.tag("ops");
    Api.Handler health = (ctx, user) -> health(ctx, s);
    api.get("/", Access.PUBLIC, "Health (same as /health)", 200, health);
    api.get(
        "/health",
        Access.PUBLIC,
        "Health of PostgreSQL, the cache and the scheduler; 503 when the database is down",
        200,
        health);
    api.get(
        "/scheduler/status",
        Access.USER,
        "The scheduler and your account's scheduled work",
        200,
        (ctx, user) -> {
          Map<String, Object> body = new LinkedHashMap<>();
          body.put("running", s.scheduler().isPresent());
          body.put("name", s.scheduler().map(x -> x.name()).orElse(null));
          List<TaskView> tasks =
              s.scheduler().map(x -> x.status()).orElse(List.of()).stream()
                  .filter(t -> t.accountId() == null || t.accountId().equals(user.accountId()))
                  .map(TaskView::of)
                  .toList();
          body.put("tasks", tasks);
          ctx.json(body);
        });
    api.get(
        "/cache/stats",
        Access.USER,
        "The query cache: kind and, in process, its size",
        200,
        (ctx, user) -> {
          Map<String, Object> body = new LinkedHashMap<>();
          body.put("kind", s.config().redisUri() == null ? "in-process" : "redis");
          if (s.cache() instanceof app.cloudey.store.caffeine.CaffeineCache c) {
            body.put("entries", c.estimatedSize());
          }
          ctx.json(body);
        });
    api.delete(
        "/cache/{user_id}",
        Access.OWNER,
        "Drop your account's cached query results",
        200,
        (ctx, user) -> {
          s.cache().evictAccount(s.store().storeId(), user.accountId());
          ctx.json(Map.of("evicted", true));
        });
    // outside Api: the admin token is not a user token
    config.routes.get("/metrics", ctx -> metrics(ctx, s));
  }

  private static void health(Context ctx, Services s) {
    Map<String, Object> checks = new LinkedHashMap<>();
    boolean db = false;
    try (Connection c = s.dataSource().getConnection();
        PreparedStatement st = c.prepareStatement("SELECT 1")) {
      st.setQueryTimeout(2);
      st.executeQuery().close();
      db = true;
      checks.put("postgres", "ok");
    } catch (Exception e) {
      checks.put("postgres", "down");
    }
    checks.put("cache", s.config().redisUri() == null ? "in-process" : "redis (best effort)");
    checks.put("scheduler", s.scheduler().isPresent() ? "running" : "off");
    checks.put("llm", s.llmProvider().orElse("none"));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", db ? "ok" : "degraded");
    body.put("checks", checks);
    ctx.status(db ? 200 : 503).json(body);
  }

  private static void metrics(Context ctx, Services s) {
    if (!isLoopback(ctx.req().getRemoteAddr()) && !adminToken(ctx, s.config().adminToken())) {
      Errors.write(
          ctx,
          403,
          "forbidden",
          "/metrics answers loopback, or Authorization: Bearer <CLOUDEY_ADMIN_TOKEN>");
      return;
    }
    ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(s.registry().scrape());
  }

  private static boolean adminToken(Context ctx, @Nullable String expected) {
    String header = ctx.header("Authorization");
    if (expected == null || header == null || !header.startsWith("Bearer ")) {
      return false;
    }
    return MessageDigest.isEqual(
        header.substring(7).strip().getBytes(StandardCharsets.UTF_8),
        expected.getBytes(StandardCharsets.UTF_8));
  }

  static boolean isLoopback(String address) {
    try {
      return InetAddress.getByName(address).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
