package app.cloudey.oci.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runnable fat jar: usage on bad arguments, the files it writes, deterministic truth.json. */
class CliIT {
  static Path jar() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("target"))) {
      return files
          .filter(p -> p.getFileName().toString().endsWith("-all.jar"))
          .findFirst()
          .orElseThrow(
              () -> new IllegalStateException("run mvn package first: no *-all.jar in target"));
    }
  }

  static Process start(String... args) throws IOException {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-jar",
                jar().toString()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).start();
  }

  @Test
  void badArgumentsPrintUsageNotAStackTrace() throws Exception {
    for (String[] args :
        List.of(
            new String[] {"--instances", "many", "--out", "x"},
            new String[] {"--frobnicate", "1"},
            new String[] {"--regions", "12", "--out", "x"},
            new String[] {"--now", "yesterday", "--out", "x"})) {
      Process p = start(args);
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
      String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.exitValue()).as(String.join(" ", args)).isEqualTo(2);
      assertThat(err).contains("Usage:").doesNotContain("Exception").doesNotContain("\tat ");
    }
  }

  @Test
  void badValuesNameTheirOptionAndAreCheckedBeforeGenerating() throws Exception {
    // 5,000,000 instances would not fit in -Xmx256m: exit 2 proves the flags are checked first
    for (String[] args :
        List.of(
            new String[] {"--seed", "12x", "--out", "x"},
            new String[] {"--instances", "5000000", "--latency-ms", "-5", "--out", "x"},
            new String[] {"--instances", "5000000", "--rate-limit", "0", "--out", "x"},
            new String[] {"--instances", "5000000", "--tenancy-rate-limit", "abc", "--out", "x"},
            new String[] {"--instances", "5000000", "--error-rate", "1.5", "--out", "x"},
            new String[] {"--instances", "5000000", "--now", "2026-13-01", "--out", "x"},
            new String[] {
              "--instances", "5000000", "--fail-next", "ListInstances:x:429", "--out", "x"
            },
            new String[] {"--instances", "5000000", "--fail-scope", "compute:c1:404", "--out", "x"},
            new String[] {"--instances", "5000000", "--delay", "ListVolumes", "--out", "x"},
            new String[] {"--instances", "5000000", "--profile", "fancy", "--out", "x"},
            new String[] {"--instances", "5000000", "--weekend-load", "0", "--out", "x"},
            new String[] {"--instances", "5000000", "--spikes-per-month", "many", "--out", "x"},
            new String[] {
              "--instances", "5000000", "--timeout-next", "ListInstances:1:-3", "--out", "x"
            })) {
      String option = args[args.length - 4];
      Process p = start(args);
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).as(String.join(" ", args)).isTrue();
      String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.exitValue()).as(String.join(" ", args)).isEqualTo(2);
      assertThat(err.lines().findFirst().orElse(""))
          .as(String.join(" ", args))
          .startsWith("error: " + option + " ")
          .contains(args[args.length - 3]);
      assertThat(err)
          .contains("Usage:")
          .doesNotContain("Exception")
          .doesNotContain("Error:")
          .doesNotContain("\tat ");
    }
  }

  @Test
  void writesConfigEndpointsAndTruthThenServesAndMatchesTheLibrary(@TempDir Path dir)
      throws Exception {
    Process p =
        start(
            "--port",
            "0",
            "--seed",
            "42",
            "--now",
            "2026-11-26",
            "--regions",
            "2",
            "--compartments",
            "4",
            "--instances",
            "20",
            "--days",
            "35",
            "--page-size",
            "5",
            "--out",
            dir.toString());
    try {
      awaitReady(p);
      Path config = dir.resolve("config");
      assertThat(config).exists();
      String text = Files.readString(config);
      assertThat(text)
          .startsWith("[DEFAULT]")
          .contains("user=ocid1.user.")
          .contains("fingerprint=")
          .contains("tenancy=ocid1.tenancy.")
          .contains("region=us-ashburn-1")
          .contains("key_file=" + dir.resolve("key.pem").toAbsolutePath());
      assertThat(Files.readString(dir.resolve("key.pem")))
          .startsWith("-----BEGIN PRIVATE KEY-----");
      JsonNode endpoints = new ObjectMapper().readTree(dir.resolve("endpoints.json").toFile());
      for (String client :
          List.of(
              "IdentityClient",
              "ComputeClient",
              "BlockstorageClient",
              "ObjectStorageClient",
              "FileStorageClient",
              "DatabaseClient",
              "LoadBalancerClient",
              "UsageapiClient",
              "MonitoringClient")) {
        assertThat(endpoints.path(client).asText())
            .startsWith("http://127.0.0.1:")
            .contains("{region}");
      }
      JsonNode truth = new ObjectMapper().readTree(dir.resolve("truth.json").toFile());
      assertThat(truth.path("homeRegion").asText()).isEqualTo("us-ashburn-1");
      assertThat(truth.path("regions")).hasSize(2);
      assertThat(truth.path("compartments").asInt()).isEqualTo(5); // 4 + the root
      for (String type :
          List.of(
              "instance",
              "volume",
              "bootVolume",
              "volumeBackup",
              "bootVolumeBackup",
              "bucket",
              "fileSystem",
              "dbSystem",
              "autonomousDatabase",
              "loadBalancer")) {
        assertThat(truth.path("resources").path(type).path("us-phoenix-1").asInt())
            .as(type)
            .isPositive();
      }
      assertThat(truth.path("costsByMonth").path("2026-10").asText()).matches("-?\\d+(\\.\\d+)?");
      assertThat(truth.path("resourcesByCompartment").size()).isPositive();

      // the same seed and now in the library give byte-identical truth.json
      try (OciSimulator same =
          OciSimulator.builder()
              .seed(42)
              .now(LocalDate.of(2026, 11, 26))
              .regions(2)
              .compartments(4)
              .instances(20)
              .days(35)
              .pageSize(5)
              .start()) {
        assertThat(same.truth().toJson()).isEqualTo(Files.readString(dir.resolve("truth.json")));
      }
    } finally {
      p.destroy();
      p.waitFor(20, TimeUnit.SECONDS);
    }
  }

  @Test
  void realisticProfileWithAnOverrideMatchesTheLibrary(@TempDir Path dir) throws Exception {
    // no --days: the realistic profile defaults to 240 days of history
    Process p =
        start(
            "--port",
            "0",
            "--seed",
            "3",
            "--now",
            "2026-12-01",
            "--regions",
            "1",
            "--compartments",
            "3",
            "--instances",
            "12",
            "--page-size",
            "4",
            "--profile",
            "realistic",
            "--spikes-per-month",
            "4",
            "--out",
            dir.toString());
    try {
      awaitReady(p);
      String json = Files.readString(dir.resolve("truth.json"));
      JsonNode truth = new ObjectMapper().readTree(json);
      assertThat(truth.path("days").asInt()).isEqualTo(240);
      assertThat(truth.path("dynamics").path("weekendLoad").asDouble()).isEqualTo(0.6);
      assertThat(truth.path("dynamics").path("spikesPerMonth").asDouble()).isEqualTo(4.0);
      assertThat(truth.path("costsByDay").size()).isEqualTo(240);
      try (OciSimulator same =
          OciSimulator.builder()
              .seed(3)
              .now(LocalDate.of(2026, 12, 1))
              .regions(1)
              .compartments(3)
              .instances(12)
              .days(240)
              .pageSize(4)
              .dynamics(CostDynamics.realistic().withSpikesPerMonth(4))
              .start()) {
        assertThat(same.truth().toJson()).isEqualTo(json);
        assertThat(truth.path("costSpikes").size()).isEqualTo(same.truth().costSpikes().size());
      }
    } finally {
      p.destroy();
      p.waitFor(20, TimeUnit.SECONDS);
    }
  }

  @Test
  void scriptedFaultFlagsTakeEffect(@TempDir Path dir) throws Exception {
    // the same seed and size in the library name the compartments the CLI will generate
    List<String> compartments;
    try (OciSimulator same =
        OciSimulator.builder()
            .seed(7)
            .now(LocalDate.of(2026, 11, 26))
            .regions(1)
            .compartments(3)
            .instances(10)
            .days(3)
            .start()) {
      compartments = same.truth().compartmentIds();
    }
    String broken = compartments.get(1);
    String healthy = compartments.get(2);
    Process p =
        start(
            "--port",
            "0",
            "--seed",
            "7",
            "--now",
            "2026-11-26",
            "--regions",
            "1",
            "--compartments",
            "3",
            "--instances",
            "10",
            "--days",
            "3",
            "--fail-scope",
            "ListInstances:" + broken + ":503",
            "--fail-next",
            "ListVolumes:1:429",
            "--out",
            dir.toString());
    try {
      Path config = dir.resolve("config");
      awaitReady(p);
      JsonNode endpoints = new ObjectMapper().readTree(dir.resolve("endpoints.json").toFile());
      var auth =
          new com.oracle.bmc.auth.ConfigFileAuthenticationDetailsProvider(
              config.toString(), "DEFAULT");
      try (var compute =
              com.oracle.bmc.core.ComputeClient.builder()
                  .endpoint(endpoint(endpoints, "ComputeClient"))
                  .configuration(Sdk.config(30_000))
                  .build(auth);
          var blockstorage =
              com.oracle.bmc.core.BlockstorageClient.builder()
                  .endpoint(endpoint(endpoints, "BlockstorageClient"))
                  .configuration(Sdk.config(30_000))
                  .build(auth)) {
        // --fail-scope with an operation: that call in that compartment, every time
        for (int i = 0; i < 2; i++) {
          assertThatThrownBy(() -> compute.listInstances(instances(broken)))
              .isInstanceOfSatisfying(
                  com.oracle.bmc.model.BmcException.class,
                  e -> assertThat(e.getStatusCode()).isEqualTo(503));
        }
        assertThat(compute.listInstances(instances(healthy)).getItems()).isNotNull();
        // --fail-next: once, then the call answers
        var volumes =
            com.oracle.bmc.core.requests.ListVolumesRequest.builder()
                .compartmentId(healthy)
                .build();
        assertThatThrownBy(() -> blockstorage.listVolumes(volumes))
            .isInstanceOfSatisfying(
                com.oracle.bmc.model.BmcException.class,
                e -> assertThat(e.getStatusCode()).isEqualTo(429));
        assertThat(blockstorage.listVolumes(volumes).getItems()).isNotNull();
      }
    } finally {
      p.destroy();
      p.waitFor(20, TimeUnit.SECONDS);
    }
  }

  /** Reads the CLI's output up to its ready line, printed once every file is written. */
  private static void awaitReady(Process p) throws IOException {
    var out =
        new java.io.BufferedReader(
            new java.io.InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    String line;
    do {
      line = out.readLine();
    } while (line != null && !line.startsWith("ready_seconds="));
    assertThat(line).as("the CLI's ready line (it exited before)").isNotNull();
  }

  private static String endpoint(JsonNode endpoints, String client) {
    return endpoints.path(client).asText().replace("{region}", "us-ashburn-1");
  }

  private static com.oracle.bmc.core.requests.ListInstancesRequest instances(String compartment) {
    return com.oracle.bmc.core.requests.ListInstancesRequest.builder()
        .compartmentId(compartment)
        .build();
  }
}
