package app.cloudey.bench.views;

import app.cloudey.Cloudey;
import app.cloudey.Costs;
import app.cloudey.bench.store.BenchDatabase;
import app.cloudey.model.AccountId;
import app.cloudey.store.postgres.PostgresStore;
import app.cloudey.testkit.FakeCloudProvider;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Prints a hash and the size of the text ({@code toString}) of the uncached dashboard and detailed
 * view of the {@link ViewsBench} data set (schema {@code cloudey_bench_views}, loaded by it): run
 * it on two builds to check that a change left both views' output equal; with a file argument,
 * writes the text there (to diff).
 */
public final class ViewsDigest {
  private ViewsDigest() {}

  public static void main(String[] args) throws Exception {
    try (BenchDatabase db = BenchDatabase.reuse("cloudey_bench_views");
        PostgresStore store = db.store()) {
      Clock clock =
          Clock.fixed(
              LocalDate.of(2026, 12, 15).atTime(10, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
      try (Cloudey cloudey =
          Cloudey.builder()
              .cloud(FakeCloudProvider.builder().build())
              .store(store)
              .clock(clock)
              .build()) {
        Costs costs = cloudey.account(AccountId.of("bench")).costs();
        Object dashboard = costs.dashboard();
        Object detailed = costs.detailed();
        String text = dashboard + "\n" + detailed + "\n";
        if (args.length > 0) {
          java.nio.file.Files.writeString(java.nio.file.Path.of(args[0]), text);
        }
        System.out.printf("digest %08x, %d chars%n", text.hashCode(), text.length());
      }
    }
  }
}
