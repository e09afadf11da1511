package com.example.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import app.cloudey.model.CostReport;
import app.cloudey.model.Money;
import app.cloudey.model.Period;
import app.cloudey.oci.OciConfig;
import app.cloudey.oci.OciOptions;
import app.cloudey.oci.simulator.OciSimulator;
import app.cloudey.testkit.junit.PostgresExtension;
import app.cloudey.testkit.junit.RedisExtension;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Runs the README's example against a simulated tenancy, as a user's own test would. */
class ReadmeExampleTest {
  @RegisterExtension static final PostgresExtension PG = PostgresExtension.create();
  @RegisterExtension static final RedisExtension REDIS = RedisExtension.create();

  @Test
  void theReadmeExampleReconcilesLastMonthToTheCent(@TempDir Path dir) {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    try (OciSimulator sim =
        OciSimulator.builder()
            .seed(7)
            .now(today)
            .regions(1)
            .compartments(3)
            .instances(10)
            .days(70)
            .start()) {
      // an OCI config file as `oci setup config` writes it, pointed at the simulator
      OciConfig config =
          OciConfig.fromFile(sim.writeConfig(dir), "DEFAULT").toBuilder()
              .endpoints(sim::endpoint)
              // the simulator is local: lift the rate limits sized for a real tenancy
              .options(OciOptions.builder().serviceRateLimit(200).tenancyRateLimit(400).build())
              .build();
      byte[] key = new byte[32];
      new SecureRandom().nextBytes(key);

      CostReport report =
          ReadmeExample.run(
              config,
              PG.dataSource(),
              Base64.getEncoder().encodeToString(key),
              REDIS.info().uri());

      Period lastMonth = Period.month(YearMonth.from(today).minusMonths(1));
      assertThat(report.rows()).isNotEmpty();
      assertThat(report.totals())
          .containsExactly(Money.of(sim.truth().cost(lastMonth), sim.truth().currency()));
    }
  }
}
