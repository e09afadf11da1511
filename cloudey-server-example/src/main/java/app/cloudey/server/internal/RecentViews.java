package app.cloudey.server.internal;

import app.cloudey.model.AccountId;
import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * View responses as JSON text, reused for {@link #REUSE} per account, route and query. Cloudey's
 * own view cache is exact, but each lookup reads the account's data versions from PostgreSQL to key
 * it; under a burst of dashboard requests that read, not the view, fills the connection pool.
 * Reusing the text for a second bounds what a burst costs to one lookup per second per view and
 * lets concurrent misses wait for one computation. A view may thus lag a change made by another
 * instance or a finished job by up to {@link #REUSE}; {@code force_refresh=true} always recomputes.
 */
final class RecentViews {
  static final Duration REUSE = Duration.ofSeconds(1);

  // futures, so a computation runs on the request's thread without holding a map lock; a failed
  // one is dropped by the cache, and its error reaches every request that waited for it
  private final AsyncCache<String, String> texts =
      Caffeine.newBuilder().expireAfterWrite(REUSE).maximumSize(10_000).buildAsync();

  /** The view's JSON for this request, computed by {@code view} unless reused. */
  String json(Context ctx, AccountId account, boolean forceRefresh, Supplier<Object> view) {
    String key = key(ctx, account);
    CompletableFuture<String> mine = new CompletableFuture<>();
    CompletableFuture<String> reused = forceRefresh ? null : texts.asMap().putIfAbsent(key, mine);
    if (reused != null) {
      try {
        return reused.join();
      } catch (CompletionException e) {
        throw e.getCause() instanceof RuntimeException r ? r : e;
      }
    }
    try {
      String json = ctx.jsonMapper().toJsonString(view.get(), Object.class);
      mine.complete(json);
      if (forceRefresh) {
        texts.put(key, mine);
      }
      return json;
    } catch (RuntimeException | Error e) {
      mine.completeExceptionally(e);
      throw e;
    }
  }

  /** Account, path and the query without {@code force_refresh}, in a stable order. */
  private static String key(Context ctx, AccountId account) {
    Map<String, java.util.List<String>> query = new TreeMap<>(ctx.queryParamMap());
    query.remove("force_refresh");
    return account.value() + ' ' + ctx.path() + ' ' + query;
  }
}
