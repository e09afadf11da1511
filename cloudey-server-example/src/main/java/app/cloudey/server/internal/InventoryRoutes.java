package app.cloudey.server.internal;

import app.cloudey.CloudeyAccount;
import app.cloudey.model.Compartment;
import app.cloudey.model.CostDimension;
import app.cloudey.model.CostQuery;
import app.cloudey.model.MetricDaily;
import app.cloudey.model.MetricQuery;
import app.cloudey.model.Period;
import app.cloudey.model.ResourceFilter;
import app.cloudey.model.SyncKind;
import app.cloudey.model.SyncRun;
import app.cloudey.server.internal.Api.Access;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** The inventory views and the metric stats. */
public final class InventoryRoutes {
  private InventoryRoutes() {}

  record LastSync(
      String id, String state, Instant startedAt, @Nullable Instant finishedAt, int failedScopes) {}

  record Stats(
      int totalResources,
      Map<String, Integer> resources,
      int compartments,
      @Nullable LastSync lastSync) {}

  record CompartmentView(
      String id, @Nullable String parentId, String name, String path, String lifecycleState) {
    static CompartmentView of(Compartment c) {
      return new CompartmentView(c.id(), c.parentId(), c.name(), c.path(), c.lifecycleState());
    }
  }

  record ResourceView(String id, String type, String name, String region, String lifecycleState) {}

  record MetricStat(int resources, int days, @Nullable LocalDate lastDay) {}

  public static void register(Api api, Services s) {
    api.tag("inventory");
    api.get(
        "/sync/stats/{user_id}",
        Access.OWNER,
        "Resource counts per type, compartments and the last inventory sync",
        200,
        (ctx, user) -> {
          CloudeyAccount account = s.account(user);
          Map<String, Integer> counts = new TreeMap<>();
          account.inventory().counts().forEach((type, n) -> counts.put(type.key(), n));
          LastSync last =
              account.inventory().history(50).stream()
                  .filter(r -> r.kind() == SyncKind.INVENTORY)
                  .findFirst()
                  .map(InventoryRoutes::last)
                  .orElse(null);
          ctx.json(
              new Stats(
                  counts.values().stream().mapToInt(Integer::intValue).sum(),
                  counts,
                  account.inventory().compartments().size(),
                  last));
        });
    api.get(
        "/sync/compartments/{user_id}",
        Access.OWNER,
        "The compartments, by path",
        200,
        (ctx, user) ->
            ctx.json(
                Map.of(
                    "compartments",
                    s.account(user).inventory().compartments().stream()
                        .map(CompartmentView::of)
                        .toList())));
    api.get(
        "/sync/compartments/{user_id}/{comp_id}",
        Access.OWNER,
        "One compartment with its resources and last month's costs by resource (subtree)",
        200,
        (ctx, user) -> {
          CloudeyAccount account = s.account(user);
          String id = ctx.pathParam("comp_id");
          Compartment c =
              account.inventory().compartments().stream()
                  .filter(x -> x.id().equals(id))
                  .findFirst()
                  .orElseThrow(() -> ApiException.notFound("no compartment " + Auth.clip(id)));
          List<ResourceView> resources =
              account
                  .inventory()
                  .resources(new ResourceFilter(Set.of(), Set.of(), Set.of(id), false))
                  .stream()
                  .map(
                      r ->
                          new ResourceView(
                              r.id(), r.type().key(), r.name(), r.region(), r.lifecycleState()))
                  .toList();
          YearMonth last = YearMonth.now(s.cloudey().schedules().clock()).minusMonths(1);
          var costs =
              account
                  .costs()
                  .query(
                      CostQuery.of(Period.month(last))
                          .compartmentSubtree(id)
                          .groupBy(CostDimension.RESOURCE)
                          .top(50));
          ctx.json(
              Map.of(
                  "compartment", CompartmentView.of(c),
                  "resources", resources,
                  "costs", CostRoutes.view(account, costs, List.of(CostDimension.RESOURCE))));
        });
    api.get(
        "/metrics/stats/{user_id}",
        Access.OWNER,
        "Stored daily metrics of the last 14 days per metric: resources, days, last day",
        200,
        (ctx, user) -> {
          CloudeyAccount account = s.account(user);
          List<MetricDaily> daily =
              account
                  .metrics()
                  .daily(MetricQuery.of(Period.lastDays(14, s.cloudey().schedules().clock())));
          Map<String, List<MetricDaily>> byMetric =
              daily.stream()
                  .collect(
                      Collectors.groupingBy(
                          d -> d.metric().name(), TreeMap::new, Collectors.toList()));
          Map<String, MetricStat> stats = new TreeMap<>();
          byMetric.forEach(
              (metric, rows) ->
                  stats.put(
                      metric,
                      new MetricStat(
                          (int) rows.stream().map(MetricDaily::resourceId).distinct().count(),
                          (int) rows.stream().map(MetricDaily::day).distinct().count(),
                          rows.stream()
                              .map(MetricDaily::day)
                              .max(LocalDate::compareTo)
                              .orElse(null))));
          ctx.json(Map.of("metrics", stats));
        });
  }

  private static LastSync last(SyncRun r) {
    return new LastSync(
        r.id(), r.state().name(), r.startedAt(), r.finishedAt(), r.failures().size());
  }
}
