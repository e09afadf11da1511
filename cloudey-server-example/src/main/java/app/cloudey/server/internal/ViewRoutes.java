package app.cloudey.server.internal;

import app.cloudey.CloudeyAccount;
import app.cloudey.model.Money;
import app.cloudey.model.Recommendation;
import app.cloudey.model.RecommendationRun;
import app.cloudey.server.internal.Api.Access;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The core views: {@code GET /dashboard/{user_id}}, {@code GET /costs/detailed/{user_id}} and the
 * recommendations ({@code GET /recommendations/{user_id}}, {@code POST
 * /recommendations/{user_id}/refresh}). Views are served from Cloudey's cache, their JSON reused
 * for a second ({@link RecentViews}); {@code force_refresh=true} drops the account's cached results
 * first.
 */
public final class ViewRoutes {
  private ViewRoutes() {}

  /**
   * {@code GET /recommendations}: like {@code GET /costs}, {@code total_monthly_savings} and {@code
   * currency} are the one currency's total (a run without recommendations saves {@code "0.00"} in
   * no currency; with several currencies both are null); {@code totals} has every currency's total,
   * never summed across currencies.
   */
  record RecommendationsView(
      String runId,
      Instant generatedAt,
      @Nullable String totalMonthlySavings,
      @Nullable String currency,
      List<Money> totals,
      List<Recommendation> recommendations,
      List<app.cloudey.model.RuleFailure> failedRules,
      java.util.Map<String, String> supersededBy) {
    static RecommendationsView of(RecommendationRun run) {
      List<Money> totals = run.totalMonthlySavings();
      Money one = totals.size() == 1 ? totals.get(0) : null;
      return new RecommendationsView(
          run.id(),
          run.generatedAt(),
          one != null ? one.rounded().toPlainString() : totals.isEmpty() ? "0.00" : null,
          one != null ? one.currency().getCurrencyCode() : null,
          totals,
          run.recommendations(),
          run.failures(),
          run.supersededBy());
    }
  }

  public static void register(Api api, Services s) {
    RecentViews recent = new RecentViews();
    api.tag("views");
    api.get(
        "/dashboard/{user_id}",
        Access.OWNER,
        "Month to date against last month, the last three complete months, forecast, top services"
            + " and compartments, inventory counts and the recommendations summary"
            + " (?force_refresh=true bypasses the cache)",
        200,
        (ctx, user) -> view(ctx, s, recent, user, a -> a.costs().dashboard()));
    api.get(
        "/costs/detailed/{user_id}",
        Access.OWNER,
        "The three previous complete months by compartment, service and resource, with change,"
            + " share, top resources per service and the top cost drivers"
            + " (?force_refresh=true bypasses the cache)",
        200,
        (ctx, user) -> view(ctx, s, recent, user, a -> a.costs().detailed()));
    api.get(
        "/recommendations/{user_id}",
        Access.OWNER,
        "The latest stored recommendation run (generated now if there is none)",
        200,
        (ctx, user) -> {
          CloudeyAccount account = s.account(user);
          RecommendationRun run =
              account.recommendations().latest().orElseGet(() -> account.recommendations().run());
          ctx.json(RecommendationsView.of(run));
        });
    api.post(
        "/recommendations/{user_id}/refresh",
        Access.OWNER,
        "Start a recommendation run as a job",
        202,
        (ctx, user) ->
            JobRoutes.start(ctx, s, s.account(user), a -> a.recommendations().generateAsync()));
  }

  private static void view(
      Context ctx,
      Services s,
      RecentViews recent,
      User user,
      Function<CloudeyAccount, Object> compute) {
    boolean force = Params.bool(ctx, "force_refresh");
    if (force) {
      s.cache().evictAccount(s.store().storeId(), user.accountId());
    }
    String json = recent.json(ctx, user.accountId(), force, () -> compute.apply(s.account(user)));
    ctx.contentType(io.javalin.http.ContentType.APPLICATION_JSON).result(json);
  }
}
