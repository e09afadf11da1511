package app.cloudey.oci.simulator.internal;

import app.cloudey.oci.simulator.CostDynamics;
import app.cloudey.oci.simulator.Faults;
import app.cloudey.oci.simulator.OciSimulator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * {@code java -jar cloudey-oci-simulator-VERSION-all.jar --port 18080 --seed 42 --now 2026-11-26
 * --regions 2 --compartments 20 --instances 200 --days 120 --page-size 50 --out DIR}: generates the
 * tenancy, serves it, writes {@code DIR/config}, {@code DIR/key.pem}, {@code DIR/endpoints.json}
 * and {@code DIR/truth.json} once ready, then serves until stopped.
 */
public final class SimulatorCli {
  static final String USAGE =
      """
      Usage: java -jar cloudey-oci-simulator-<version>-all.jar [options]
        --port N               port on 127.0.0.1 (default 18080; 0 = any free port)
        --seed N               generator seed (default 42)
        --now YYYY-MM-DD       the simulated today, UTC (default: today)
        --regions N            subscribed regions, 1-8 (default 2)
        --compartments N       active compartments below the root (default 20)
        --depth N              compartment tree depth, 1-6 (default 3)
        --instances N          instances; other resource types scale from it (default 200)
        --days N               days of cost and metric history, 1-400 (default 90; 240 with
                               --profile realistic)
        --page-size N          items per list page, 1-1000 (default 50)
        --usage-page-size N    rows per Usage API page (default 1000)
        --currency CODE        billing currency: USD EUR GBP JPY CAD AUD CHF INR (default USD)
        --out DIR              where config, key.pem, endpoints.json and truth.json go (required)
        --profile NAME         cost dynamics preset: none (default) or realistic (weekend load
                               0.6, growth 0.02/month, daily noise 0.05, new instances 0.02/month,
                               2 spikes/month); the five flags below override its values
        --weekend-load F       elastic usage on Sat/Sun relative to a weekday, (0, 2] (default 1)
        --growth-per-month F   compound monthly growth of elastic usage, (-0.5, 1] (default 0)
        --daily-noise F        day-to-day variation of elastic usage, +-F, 0-0.5 (default 0)
        --new-instances-per-month F
                               instances added each month, as a share of --instances, 0-1
        --spikes-per-month F   expected cost spikes per month, 0-31 (default 0)
        --latency-ms N         added to every response (default 0)
        --rate-limit N         requests/s per service, 429 beyond (default none)
        --tenancy-rate-limit N requests/s over all services, 429 beyond (default none)
        --error-rate P         probability 0-1 of a 500 on any request, seeded (default 0)
        --fail-next OP:N:STATUS[,...]
                               the next N calls of operation OP (e.g. ListInstances) get STATUS
        --fail-scope SERVICE|OP:COMPARTMENT:STATUS[,...]
                               every call of SERVICE (e.g. compute), or of operation OP (e.g.
                               ListInstances), for that compartment gets STATUS
        --delay OP:MS[,...]    every call of OP answers MS milliseconds late
        --timeout-next OP:N:MS[,...]
                               the next N calls of OP hang MS milliseconds, then close unanswered
        --help                 this text
      """;

  private SimulatorCli() {}

  public static void main(String[] args) throws Exception {
    long started = System.nanoTime();
    Map<String, String> options;
    try {
      options = parse(args);
    } catch (IllegalArgumentException e) {
      fail(e.getMessage());
      return;
    }
    if (options.containsKey("help")) {
      System.out.print(USAGE);
      return;
    }
    OciSimulator simulator;
    Path out;
    try {
      // every flag is parsed and checked here, before the (possibly slow) tenancy generation
      if (!options.containsKey("out")) {
        throw new IllegalArgumentException("--out DIR is required");
      }
      out = Path.of(options.get("out"));
      CostDynamics dynamics = dynamics(options);
      // a forecast needs months of history: the realistic profile defaults to about eight
      int defaultDays = "realistic".equals(options.get("profile")) ? 240 : 90;
      OciSimulator.Builder builder =
          OciSimulator.builder()
              .port(integer(options, "port", 18080))
              .seed(longValue(options, "seed", 42))
              .regions(integer(options, "regions", 2))
              .compartments(integer(options, "compartments", 20))
              .compartmentDepth(integer(options, "depth", 3))
              .instances(integer(options, "instances", 200))
              .days(integer(options, "days", defaultDays))
              .pageSize(integer(options, "page-size", 50))
              .usagePageSize(integer(options, "usage-page-size", 1000))
              .currency(options.getOrDefault("currency", "USD"))
              .dynamics(dynamics);
      if (options.containsKey("now")) {
        try {
          builder.now(LocalDate.parse(options.get("now")));
        } catch (DateTimeParseException e) {
          throw new IllegalArgumentException(
              "--now must be a date like 2026-11-26, was '" + options.get("now") + "'");
        }
      }
      int latency = integer(options, "latency-ms", 0);
      if (latency < 0) {
        throw new IllegalArgumentException("--latency-ms must be 0 or more, was " + latency);
      }
      Double rateLimit = positive(options, "rate-limit");
      Double tenancyRateLimit = positive(options, "tenancy-rate-limit");
      Double errorRate = decimal(options, "error-rate");
      if (errorRate != null && !(errorRate >= 0 && errorRate <= 1)) {
        throw new IllegalArgumentException(
            "--error-rate must be a probability 0-1, was " + options.get("error-rate"));
      }
      List<Consumer<Faults>> scripted = scriptedFaults(options);
      simulator = builder.start();
      scripted.forEach(fault -> fault.accept(simulator.faults()));
      if (latency > 0) {
        simulator.faults().latency(Duration.ofMillis(latency));
      }
      if (rateLimit != null) {
        for (String service : FaultsImpl.SERVICES) {
          simulator.faults().rateLimit(service, rateLimit);
        }
      }
      if (tenancyRateLimit != null) {
        simulator.faults().tenancyRateLimit(tenancyRateLimit);
      }
      if (errorRate != null) {
        simulator.faults().failRandomly("*", errorRate, 500);
      }
    } catch (IllegalArgumentException e) {
      fail(e.getMessage());
      return;
    } catch (java.io.UncheckedIOException e) {
      fail(e.getMessage());
      return;
    }
    OciSimulator sim = simulator;
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  sim.close();
                  stopped.countDown();
                },
                "oci-simulator-shutdown"));
    try {
      writeFiles(sim, out);
    } catch (IOException | java.io.UncheckedIOException e) {
      System.err.println("error: cannot write to " + out + ": " + e.getMessage());
      sim.close();
      System.exit(1);
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    System.gc();
    long heapMb =
        ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024);
    long resources =
        sim.truth().countsByCompartment().values().stream()
            .flatMap(m -> m.values().stream())
            .mapToLong(Integer::longValue)
            .sum();
    System.out.printf(
        "OCI simulator ready on %s: %d resources in %d compartments, %d regions; files in %s%n"
            + "ready_seconds=%.2f heap_used_mb=%d%n",
        sim.baseUrl(),
        resources,
        sim.truth().compartmentIds().size(),
        sim.truth().regions().size(),
        out.toAbsolutePath(),
        seconds,
        heapMb);
    System.out.flush();
    stopped.await();
  }

  static void writeFiles(OciSimulator sim, Path out) throws IOException {
    Files.createDirectories(out);
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    atomicWrite(out.resolve("truth.json"), sim.truth().toJson());
    atomicWrite(
        out.resolve("endpoints.json"), mapper.writeValueAsString(sim.endpointTemplates()) + "\n");
    sim.writeConfig(out);
  }

  private static void atomicWrite(Path target, String text) throws IOException {
    Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
    Files.writeString(tmp, text, StandardCharsets.UTF_8);
    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static int integer(Map<String, String> options, String name, int def) {
    String value = options.get(name);
    if (value == null) {
      return def;
    }
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "--" + name + " must be a whole number, was '" + value + "'");
    }
  }

  private static long longValue(Map<String, String> options, String name, long def) {
    String value = options.get(name);
    if (value == null) {
      return def;
    }
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "--" + name + " must be a whole number, was '" + value + "'");
    }
  }

  private static @Nullable Double decimal(Map<String, String> options, String name) {
    String value = options.get(name);
    if (value == null) {
      return null;
    }
    try {
      double d = Double.parseDouble(value);
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        throw new NumberFormatException(value);
      }
      return d;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + name + " must be a number, was '" + value + "'");
    }
  }

  /** The profile's {@link CostDynamics} with each dynamics flag given applied over it. */
  static CostDynamics dynamics(Map<String, String> options) {
    String profile = options.getOrDefault("profile", "none");
    CostDynamics d =
        switch (profile) {
          case "none" -> CostDynamics.NONE;
          case "realistic" -> CostDynamics.realistic();
          default ->
              throw new IllegalArgumentException(
                  "--profile must be none or realistic, was '" + profile + "'");
        };
    d = dynamic(options, "weekend-load", d, CostDynamics::withWeekendLoad);
    d = dynamic(options, "growth-per-month", d, CostDynamics::withGrowthPerMonth);
    d = dynamic(options, "daily-noise", d, CostDynamics::withDailyNoise);
    d = dynamic(options, "new-instances-per-month", d, CostDynamics::withNewInstancesPerMonth);
    return dynamic(options, "spikes-per-month", d, CostDynamics::withSpikesPerMonth);
  }

  private static CostDynamics dynamic(
      Map<String, String> options,
      String name,
      CostDynamics d,
      java.util.function.BiFunction<CostDynamics, Double, CostDynamics> with) {
    Double value = decimal(options, name);
    if (value == null) {
      return d;
    }
    try {
      return with.apply(d, value);
    } catch (IllegalArgumentException e) {
      // CostDynamics names its field; say which flag that is
      throw new IllegalArgumentException(
          "--" + name + " is out of range, was '" + options.get(name) + "': " + e.getMessage());
    }
  }

  private static @Nullable Double positive(Map<String, String> options, String name) {
    Double d = decimal(options, name);
    if (d != null && d <= 0) {
      throw new IllegalArgumentException(
          "--" + name + " must be more than 0, was '" + options.get(name) + "'");
    }
    return d;
  }

  static Map<String, String> parse(String[] args) {
    Map<String, String> options = new LinkedHashMap<>();
    java.util.Set<String> known =
        java.util.Set.of(
            "port",
            "seed",
            "now",
            "regions",
            "compartments",
            "depth",
            "instances",
            "days",
            "page-size",
            "usage-page-size",
            "currency",
            "out",
            "profile",
            "weekend-load",
            "growth-per-month",
            "daily-noise",
            "new-instances-per-month",
            "spikes-per-month",
            "latency-ms",
            "rate-limit",
            "tenancy-rate-limit",
            "error-rate",
            "fail-next",
            "fail-scope",
            "delay",
            "timeout-next");
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--help") || arg.equals("-h")) {
        options.put("help", "");
        continue;
      }
      if (!arg.startsWith("--")) {
        throw new IllegalArgumentException("unexpected argument '" + arg + "'");
      }
      String name = arg.substring(2);
      String value = null;
      int eq = name.indexOf('=');
      if (eq >= 0) {
        value = name.substring(eq + 1);
        name = name.substring(0, eq);
      }
      if (!known.contains(name)) {
        throw new IllegalArgumentException("unknown option --" + name);
      }
      if (value == null) {
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException("--" + name + " needs a value");
        }
        value = args[++i];
      }
      options.put(name, value);
    }
    return options;
  }

  private static void fail(String message) {
    PrintStream err = System.err;
    err.println("error: " + message);
    err.println();
    err.print(USAGE);
    System.exit(2);
  }

  /** The fault flags as actions on {@link Faults}, checked before anything starts. */
  private static List<Consumer<Faults>> scriptedFaults(Map<String, String> options) {
    List<Consumer<Faults>> faults = new ArrayList<>();
    for (Spec f : specs(options, "fail-next", "OP:N:STATUS", 3)) {
      int count = f.whole(1, "N");
      int status = f.status(2);
      faults.add(x -> x.failNext(f.field(0), count, status));
    }
    for (Spec f : specs(options, "fail-scope", "SERVICE|OP:COMPARTMENT:STATUS", 3)) {
      int status = f.status(2);
      // a service name (lower case) fails the compartment's every call, an operation only its own
      faults.add(
          FaultsImpl.SERVICES.contains(f.field(0))
              ? x -> x.failScope(f.field(0), f.field(1), status)
              : x -> x.failOperationIn(f.field(0), f.field(1), status));
    }
    for (Spec f : specs(options, "delay", "OP:MS", 2)) {
      Duration delay = Duration.ofMillis(f.whole(1, "MS"));
      faults.add(x -> x.delay(f.field(0), delay));
    }
    for (Spec f : specs(options, "timeout-next", "OP:N:MS", 3)) {
      int count = f.whole(1, "N");
      Duration hang = Duration.ofMillis(f.whole(2, "MS"));
      faults.add(x -> x.timeoutNext(f.field(0), count, hang));
    }
    return faults;
  }

  private static List<Spec> specs(
      Map<String, String> options, String option, String form, int parts) {
    List<Spec> specs = new ArrayList<>();
    String value = options.get(option);
    if (value == null) {
      return specs;
    }
    for (String text : value.split(",")) {
      String[] fields = text.trim().split(":");
      if (fields.length != parts || java.util.Arrays.stream(fields).anyMatch(String::isBlank)) {
        throw new IllegalArgumentException(
            "--" + option + " takes " + form + "[,...], was '" + text.trim() + "'");
      }
      specs.add(new Spec(option, text.trim(), fields));
    }
    return specs;
  }

  /** One fault spec such as {@code ListInstances:2:429}; errors name the option and the spec. */
  private record Spec(String option, String text, String[] fields) {
    String field(int i) {
      return fields[i];
    }

    int whole(int i, String name) {
      try {
        int value = Integer.parseInt(fields[i]);
        if (value >= 0) {
          return value;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw new IllegalArgumentException(
          "--" + option + " " + name + " must be a whole number 0 or more, in '" + text + "'");
    }

    int status(int i) {
      int status = whole(i, "STATUS");
      if (status != 429 && status != 500 && status != 503) {
        throw new IllegalArgumentException(
            "--" + option + " STATUS must be 429, 500 or 503, in '" + text + "'");
      }
      return status;
    }
  }
}
