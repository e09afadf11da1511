package com.example.consumer;

import app.cloudey.Cloudey;
import app.cloudey.model.CostDimension;
import app.cloudey.model.CostQuery;
import app.cloudey.model.CostReport;
import app.cloudey.model.Period;
import app.cloudey.model.SyncRun;
import app.cloudey.oci.OciConfig;
import app.cloudey.store.postgres.CredentialKeys;
import app.cloudey.store.postgres.PostgresStore;
import app.cloudey.store.redis.RedisCache;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.ZoneOffset;
import javax.sql.DataSource;

/** The README's first example, as a user's project compiles it. */
public final class ReadmeExample {
  private ReadmeExample() {}

  /** Runs the example against the tenancy of {@code ~/.oci/config} (profile DEFAULT). */
  public static void main(String[] args) {
    String home = System.getProperty("user.home");
    OciConfig config = OciConfig.fromFile(Path.of(home, ".oci/config"), "DEFAULT");
    DataSource dataSource = postgres(args.length > 0 ? args[0] : "jdbc:postgresql://localhost/app");
    String base64Key = System.getenv("CLOUDEY_KEY"); // 32 random bytes, base64
    run(config, dataSource, base64Key, "redis://localhost:6379");
  }

  /** The README's lines; returns last month's report by service. */
  public static CostReport run(
      OciConfig config, DataSource dataSource, String base64Key, String redisUri) {
    YearMonth lastMonth = YearMonth.now(ZoneOffset.UTC).minusMonths(1);
    try (Cloudey cloudey =
        Cloudey.builder()
            .oci(config) // no network call yet
            .store(
                PostgresStore.builder()
                    .dataSource(dataSource)
                    .credentialKeys(CredentialKeys.of("k1", base64Key))
                    .build())
            .cache(RedisCache.create(redisUri)) // default: in-process
            .build()) {
      cloudey.validate(); // one signed call: OCI accepts the key
      SyncRun run = cloudey.inventory().sync(); // every region, compartment and type, in parallel
      System.out.println("synced " + run.scopesCompleted() + " scopes");
      cloudey.costs().refresh(Period.lastMonths(1)); // last month and this one, on Cloudey's clock
      CostReport bySvc =
          cloudey
              .costs()
              .query(CostQuery.of(Period.month(lastMonth)).groupBy(CostDimension.SERVICE).top(5));
      bySvc.rows().forEach(row -> System.out.println(row.key() + " " + row.cost()));
      cloudey.costs().closeMonth(lastMonth); // rollups + CLOSED, idempotent
      return bySvc;
    }
  }

  private static DataSource postgres(String url) {
    org.postgresql.ds.PGSimpleDataSource ds = new org.postgresql.ds.PGSimpleDataSource();
    ds.setURL(url);
    return ds;
  }
}
