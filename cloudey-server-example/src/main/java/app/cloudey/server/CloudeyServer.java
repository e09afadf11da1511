package app.cloudey.server;

import app.cloudey.Cloudey;
import app.cloudey.CloudeyConfigException;
import app.cloudey.CloudeyException;
import app.cloudey.ai.CloudeyAi;
import app.cloudey.ai.LlmConfig;
import app.cloudey.oci.OciCloud;
import app.cloudey.oci.OciOptions;
import app.cloudey.scheduler.CloudeyScheduler;
import app.cloudey.server.internal.Api;
import app.cloudey.server.internal.Auth;
import app.cloudey.server.internal.ChatRoutes;
import app.cloudey.server.internal.Cors;
import app.cloudey.server.internal.CostRoutes;
import app.cloudey.server.internal.Demo;
import app.cloudey.server.internal.EmbeddedDatabase;
import app.cloudey.server.internal.Endpoints;
import app.cloudey.server.internal.Errors;
import app.cloudey.server.internal.InventoryRoutes;
import app.cloudey.server.internal.JobRoutes;
import app.cloudey.server.internal.Json;
import app.cloudey.server.internal.OciConfigRoutes;
import app.cloudey.server.internal.OpenApi;
import app.cloudey.server.internal.OpsRoutes;
import app.cloudey.server.internal.PricingRoutes;
import app.cloudey.server.internal.RateLimiter;
import app.cloudey.server.internal.ServerMigrations;
import app.cloudey.server.internal.Services;
import app.cloudey.server.internal.UiPage;
import app.cloudey.server.internal.UserRoutes;
import app.cloudey.server.internal.Users;
import app.cloudey.server.internal.ViewRoutes;
import app.cloudey.spi.AssistantFactory;
import app.cloudey.spi.CloudeyCache;
import app.cloudey.store.caffeine.CaffeineCache;
import app.cloudey.store.postgres.CredentialKeys;
import app.cloudey.store.postgres.PostgresStore;
import app.cloudey.store.redis.RedisCache;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.json.JavalinJackson;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Properties;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;

/**
 * The Cloudey example server: the REST and SSE API of docs/api.md over one shared {@link Cloudey}
 * (PostgreSQL store, Redis or in-process cache, optional LLM), with users and API tokens,
 * background jobs, the db-scheduler scheduler, Prometheus metrics and the OpenAPI document.
 *
 * <p>Configured by the environment ({@link ServerConfig#fromEnvironment()}). Without a database it
 * runs the demo: embedded PostgreSQL kept in a data directory, the simulator's demo tenancy, a demo
 * user whose login link is printed, and a first sync with progress bars.
 *
 * <pre>{@code
 * try (CloudeyServer server = CloudeyServer.start(ServerConfig.fromEnvironment(), System.out)) {
 *   server.port();
 * }
 * }</pre>
 */
public final class CloudeyServer implements AutoCloseable {
  private final Services services;
  private final Javalin app;
  private final Deque<AutoCloseable> resources;
  private final @Nullable String demoToken;

  private CloudeyServer(
      Services services, Javalin app, Deque<AutoCloseable> resources, @Nullable String demoToken) {
    this.services = services;
    this.app = app;
    this.resources = resources;
    this.demoToken = demoToken;
  }

  /** Runs the server from the environment until the JVM stops. */
  public static void main(String[] args) {
    ServerConfig config;
    try {
      config = ServerConfig.fromEnvironment();
    } catch (CloudeyConfigException e) {
      System.err.println("Configuration error: " + e.getMessage());
      System.exit(2);
      return;
    }
    try {
      CloudeyServer server = start(config, System.out);
      Runtime.getRuntime().addShutdownHook(new Thread(server::close, "cloudey-server-stop"));
    } catch (CloudeyException e) {
      System.err.println("Cannot start: " + e.getMessage());
      System.exit(1);
    }
  }

  /**
   * Starts the server: database (embedded in demo mode), store, cache, LLM, scheduler, routes, and
   * in demo mode the simulated tenancy and the demo user.
   */
  public static CloudeyServer start(ServerConfig config, PrintStream out) {
    setLogLevel(config.logLevel());
    out.println("Cloudey server " + version());
    config.summary().forEach(line -> out.println("  " + line));
    Deque<AutoCloseable> resources = new ArrayDeque<>();
    try {
      String jdbcUrl = config.jdbcUrl();
      String key = config.encryptionKey();
      if (jdbcUrl == null) {
        out.println("Starting the embedded PostgreSQL...");
        EmbeddedDatabase db = EmbeddedDatabase.start(config.dataDir());
        resources.push(db);
        jdbcUrl = db.jdbcUrl();
      }
      if (key == null) {
        key = EmbeddedDatabase.encryptionKey(config.dataDir());
      }
      HikariDataSource dataSource = dataSource(jdbcUrl, config);
      resources.push(dataSource);

      Demo demo = null;
      OciOptions ociOptions = OciOptions.ofDefaults();
      if (config.ociEndpoints() != null) {
        ociOptions =
            OciOptions.builder()
                .endpoints(Endpoints.read(config.ociEndpoints()))
                .serviceRateLimit(200)
                .tenancyRateLimit(400)
                .build();
      }
      if (config.demo()) {
        out.println("Starting the simulated demo tenancy...");
        demo = Demo.startTenancy();
        resources.push(demo);
        if (config.ociEndpoints() == null) {
          ociOptions = demo.ociOptions();
        }
      }
      OciCloud oci = OciCloud.create(ociOptions);
      resources.push(oci);
      PostgresStore store =
          PostgresStore.builder()
              .dataSource(dataSource)
              .credentialKeys(CredentialKeys.of("k1", key))
              .build();
      resources.push(store);
      CloudeyCache cache =
          config.redisUri() == null ? CaffeineCache.create() : RedisCache.create(config.redisUri());
      resources.push(cache);
      Cloudey.Builder builder = Cloudey.builder().cloud(oci).store(store).cache(cache);
      String provider = llm(config, builder);
      Cloudey cloudey = builder.build();
      resources.push(cloudey);
      ServerMigrations.migrate(dataSource);
      Users users = new Users(dataSource);

      CloudeyScheduler scheduler = null;
      if (config.scheduler()) {
        scheduler = CloudeyScheduler.create(cloudey, dataSource).start();
        resources.push(scheduler);
      }
      PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
      new JvmMemoryMetrics().bindTo(registry);
      new JvmThreadMetrics().bindTo(registry);
      resources.push(registry::close);
      Services services =
          new Services(
              config, cloudey, store, cache, dataSource, users, scheduler, registry, provider);
      Javalin app = javalin(services);
      app.start(config.host(), config.port());
      resources.push(app::stop);
      out.println("Listening on http://localhost:" + app.port() + "/  (API docs: /docs)");

      String demoToken = null;
      if (demo != null) {
        out.println("Preparing the demo account (sync, 3 months of costs, 14 days of metrics)...");
        demoToken = demo.prepare(services, out);
        out.println();
        out.println("Demo ready. Open this login link in your browser:");
        out.println("  http://localhost:" + app.port() + "/login?token=" + demoToken);
        out.println("API token of " + Demo.EMAIL + ": " + demoToken);
      }
      return new CloudeyServer(services, app, resources, demoToken);
    } catch (RuntimeException e) {
      closeAll(resources);
      throw e;
    }
  }

  /** The port the server listens on. */
  public int port() {
    return app.port();
  }

  /** The demo user's API token, when running the demo. */
  public @Nullable String demoToken() {
    return demoToken;
  }

  /** What the routes use (for tests and embedding). */
  public Services services() {
    return services;
  }

  @Override
  public synchronized void close() {
    closeAll(resources);
  }

  private static void closeAll(Deque<AutoCloseable> resources) {
    while (!resources.isEmpty()) {
      try {
        resources.pop().close();
      } catch (Exception e) {
        LoggerFactory.getLogger(CloudeyServer.class).warn("closing failed: {}", e.toString());
      }
    }
  }

  private static Javalin javalin(Services s) {
    ServerConfig config = s.config();
    String version = version();
    String swaggerUi = webjarVersion("org.webjars", "swagger-ui");
    String echarts = webjarVersion("org.webjars.npm", "echarts");
    return Javalin.create(
        cfg -> {
          cfg.startup.showJavalinBanner = false;
          cfg.http.maxRequestSize = config.maxBodyBytes();
          cfg.http.compressionStrategy = CompressionStrategy.NONE;
          cfg.jsonMapper(new JavalinJackson(Json.MAPPER, false));
          cfg.staticFiles.enableWebjars();
          Errors.install(cfg);
          Cors.install(cfg, config.corsOrigins());
          Api api =
              new Api(
                  cfg,
                  new Auth(s.users(), s.sessions(), new RateLimiter(config.rateLimitPerMinute())),
                  s.registry());
          OpsRoutes.register(api, s, cfg);
          UserRoutes.register(api, s);
          OciConfigRoutes.register(api, s);
          PricingRoutes.register(api, s);
          JobRoutes.register(api, s);
          InventoryRoutes.register(api, s);
          CostRoutes.register(api, s);
          ViewRoutes.register(api, s);
          ChatRoutes.register(api, s);
          UiPage.register(api, s, echarts);
          api.tag("docs");
          api.get(
              "/openapi.json",
              Api.Access.PUBLIC,
              "This document",
              200,
              (ctx, user) ->
                  ctx.contentType("application/json")
                      .result(OpenApi.document(api.docs(), version)));
          api.get(
              "/docs",
              Api.Access.PUBLIC,
              "Swagger UI",
              200,
              (ctx, user) -> ctx.html(OpenApi.docsPage(swaggerUi)));
        });
  }

  /** Registers the LLM when one is configured; returns its provider name, or null. */
  private static @Nullable String llm(ServerConfig config, Cloudey.Builder builder) {
    LlmConfig llm = null;
    String provider = null;
    if (config.openAiBaseUrl() != null) {
      llm = LlmConfig.openAiCompatible(config.openAiBaseUrl(), config.openAiModel());
      if (config.openAiKey() != null) {
        llm = llm.withApiKey(config.openAiKey());
      }
      provider = "openai";
    } else if (config.openAiKey() != null) {
      llm = LlmConfig.openAi(config.openAiKey(), config.openAiModel());
      provider = "openai";
    } else if (config.anthropicKey() != null) {
      llm = LlmConfig.anthropic(config.anthropicKey(), config.anthropicModel());
      provider = "anthropic";
    }
    if (llm != null) {
      AssistantFactory factory = CloudeyAi.of(llm);
      builder.llm(factory);
    }
    return provider;
  }

  private static HikariDataSource dataSource(String jdbcUrl, ServerConfig config) {
    HikariConfig hikari = new HikariConfig();
    hikari.setJdbcUrl(jdbcUrl);
    if (config.dbUser() != null) {
      hikari.setUsername(config.dbUser());
    }
    if (config.dbPassword() != null) {
      hikari.setPassword(config.dbPassword());
    }
    hikari.setMaximumPoolSize(10);
    hikari.setPoolName("cloudey-server");
    try {
      return new HikariDataSource(hikari);
    } catch (RuntimeException e) {
      throw new app.cloudey.CloudeyStoreException(
          "cannot connect to PostgreSQL at "
              + jdbcUrl.replaceAll("(?i)password=[^&]*", "password=****")
              + ": "
              + e.getMessage()
              + " (check DATABASE_URL or POSTGRES_*)",
          e);
    }
  }

  private static void setLogLevel(String level) {
    if (LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof Logger root) {
      root.setLevel(Level.toLevel(level.equals("WARNING") ? "WARN" : level, Level.WARN));
    }
  }

  static String version() {
    String v = CloudeyServer.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }

  /** The version of a webjar on the class path (org.webjars). */
  static String webjarVersion(String group, String artifact) {
    String path = "/META-INF/maven/" + group + "/" + artifact + "/pom.properties";
    try (InputStream in = CloudeyServer.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("webjar " + artifact + " is not on the class path");
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version");
    } catch (java.io.IOException e) {
      throw new IllegalStateException("cannot read " + path, e);
    }
  }
}
