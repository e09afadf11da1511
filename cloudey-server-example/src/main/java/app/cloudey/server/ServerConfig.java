package app.cloudey.server;

import app.cloudey.CloudeyConfigException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The server's configuration, read from environment variables (the names the original README used,
 * plus a few of our own). {@link #fromEnvironment(Map)} fails with a {@link CloudeyConfigException}
 * naming the variable and what it should hold.
 *
 * @param jdbcUrl PostgreSQL JDBC URL; null in demo mode without a database (embedded PostgreSQL)
 * @param dbUser database user, or null when the URL carries it
 * @param dbPassword database password, or null
 * @param redisUri {@code redis://host:port}, or null for the in-process cache
 * @param openAiKey {@code OPENAI_API_KEY}
 * @param openAiBaseUrl {@code OPENAI_BASE_URL}: any OpenAI-compatible server
 * @param openAiModel {@code OPENAI_MODEL}
 * @param anthropicKey {@code ANTHROPIC_API_KEY}
 * @param anthropicModel {@code ANTHROPIC_MODEL}
 * @param encryptionKey base64 of 32 bytes; null in demo mode (generated into the data directory)
 * @param logLevel root log level
 * @param host address to bind
 * @param port HTTP port (0 = any free port)
 * @param ociEndpoints path to a simulator's {@code endpoints.json}, or null for OCI itself
 * @param demo run the demo: embedded PostgreSQL when no database is given, the simulated tenancy
 *     and a demo user
 * @param dataDir where the demo keeps its database and generated key
 * @param adminToken token that opens {@code /metrics} to non-loopback callers, or null
 * @param corsOrigins origins allowed by CORS (empty: none)
 * @param rateLimitPerMinute requests per minute per token
 * @param maxBodyBytes largest request body accepted
 * @param scheduler run the background scheduler
 */
public record ServerConfig(
    @Nullable String jdbcUrl,
    @Nullable String dbUser,
    @Nullable String dbPassword,
    @Nullable String redisUri,
    @Nullable String openAiKey,
    @Nullable String openAiBaseUrl,
    String openAiModel,
    @Nullable String anthropicKey,
    String anthropicModel,
    @Nullable String encryptionKey,
    String logLevel,
    String host,
    int port,
    @Nullable Path ociEndpoints,
    boolean demo,
    Path dataDir,
    @Nullable String adminToken,
    Set<String> corsOrigins,
    int rateLimitPerMinute,
    long maxBodyBytes,
    boolean scheduler) {

  public static final int DEFAULT_PORT = 8080;
  public static final int DEFAULT_RATE_LIMIT_PER_MINUTE = 600;
  public static final long DEFAULT_MAX_BODY_BYTES = 1_000_000;
  public static final String DEFAULT_OPENAI_MODEL = "gpt-4.1-mini";
  public static final String DEFAULT_ANTHROPIC_MODEL = "claude-sonnet-4-5";
  private static final Set<String> LOG_LEVELS =
      Set.of("TRACE", "DEBUG", "INFO", "WARN", "WARNING", "ERROR", "OFF");

  public ServerConfig {
    corsOrigins = Set.copyOf(corsOrigins);
  }

  /** Reads the process environment. */
  public static ServerConfig fromEnvironment() {
    return fromEnvironment(System.getenv());
  }

  /**
   * Reads the given variables: {@code DATABASE_URL} ({@code postgresql://user:pass@host:port/db} or
   * a JDBC URL) or {@code POSTGRES_HOST}, {@code POSTGRES_PORT}, {@code POSTGRES_DB}, {@code
   * POSTGRES_USER}, {@code POSTGRES_PASSWORD}; {@code REDIS_HOST}, {@code REDIS_PORT}; {@code
   * OPENAI_API_KEY}, {@code OPENAI_BASE_URL}, {@code OPENAI_MODEL}, {@code ANTHROPIC_API_KEY},
   * {@code ANTHROPIC_MODEL}; {@code ENCRYPTION_KEY}; {@code LOG_LEVEL}; {@code HOST}, {@code PORT};
   * {@code CLOUDEY_OCI_ENDPOINTS}; {@code CLOUDEY_DEMO} (default: true when no database is
   * configured); {@code CLOUDEY_DATA_DIR}; {@code CLOUDEY_ADMIN_TOKEN}; {@code
   * CLOUDEY_CORS_ORIGINS} (comma-separated); {@code CLOUDEY_RATE_LIMIT} (requests per minute per
   * token); {@code CLOUDEY_MAX_BODY_BYTES}; {@code CLOUDEY_SCHEDULER} (default true).
   *
   * @throws CloudeyConfigException a value is malformed; the message names the variable
   */
  public static ServerConfig fromEnvironment(Map<String, String> env) {
    Env e = new Env(env);
    String jdbcUrl = null;
    String user = null;
    String password = null;
    String databaseUrl = e.get("DATABASE_URL");
    if (databaseUrl != null) {
      String[] parsed = parseDatabaseUrl(databaseUrl);
      jdbcUrl = parsed[0];
      user = parsed[1];
      password = parsed[2];
    } else if (e.get("POSTGRES_HOST") != null || e.get("POSTGRES_DB") != null) {
      String host = e.getOr("POSTGRES_HOST", "localhost");
      int port = e.intIn("POSTGRES_PORT", 5432, 1, 65535);
      String db = e.getOr("POSTGRES_DB", "cloudey");
      jdbcUrl = "jdbc:postgresql://" + host + ":" + port + "/" + db;
      user = e.get("POSTGRES_USER");
      password = e.get("POSTGRES_PASSWORD");
    }
    String redis = null;
    if (e.get("REDIS_HOST") != null) {
      redis = "redis://" + e.get("REDIS_HOST") + ":" + e.intIn("REDIS_PORT", 6379, 1, 65535);
    }
    boolean demo = e.bool("CLOUDEY_DEMO", jdbcUrl == null);
    String key = e.get("ENCRYPTION_KEY");
    if (key != null) {
      checkKey(key);
    } else if (jdbcUrl != null) {
      throw new CloudeyConfigException(
          "ENCRYPTION_KEY is required with an external database (DATABASE_URL or POSTGRES_*):"
              + " set it to the base64 of 32 random bytes, e.g. `openssl rand -base64 32`");
    }
    if (jdbcUrl == null && !demo) {
      throw new CloudeyConfigException(
          "no database: set DATABASE_URL (or POSTGRES_HOST and friends), or leave CLOUDEY_DEMO"
              + " unset to run the demo on an embedded PostgreSQL");
    }
    String logLevel = e.getOr("LOG_LEVEL", "WARN").toUpperCase(Locale.ROOT);
    if (!LOG_LEVELS.contains(logLevel)) {
      throw new CloudeyConfigException(
          "LOG_LEVEL '" + logLevel + "' is not one of TRACE, DEBUG, INFO, WARN, ERROR, OFF");
    }
    String baseUrl = e.get("OPENAI_BASE_URL");
    if (baseUrl != null && !baseUrl.startsWith("http://") && !baseUrl.startsWith("https://")) {
      throw new CloudeyConfigException(
          "OPENAI_BASE_URL must start with http:// or https://, was '" + baseUrl + "'");
    }
    String endpoints = e.get("CLOUDEY_OCI_ENDPOINTS");
    List<String> origins = new ArrayList<>();
    String cors = e.get("CLOUDEY_CORS_ORIGINS");
    if (cors != null) {
      for (String origin : cors.split(",")) {
        String o = origin.strip();
        if (!o.isEmpty()) {
          if (!o.equals("*") && !o.startsWith("http://") && !o.startsWith("https://")) {
            throw new CloudeyConfigException(
                "CLOUDEY_CORS_ORIGINS: '" + o + "' is not an origin such as http://localhost:3000");
          }
          origins.add(o);
        }
      }
    }
    return new ServerConfig(
        jdbcUrl,
        user,
        password,
        redis,
        e.get("OPENAI_API_KEY"),
        baseUrl,
        e.getOr("OPENAI_MODEL", DEFAULT_OPENAI_MODEL),
        e.get("ANTHROPIC_API_KEY"),
        e.getOr("ANTHROPIC_MODEL", DEFAULT_ANTHROPIC_MODEL),
        key,
        logLevel,
        e.getOr("HOST", "0.0.0.0"),
        e.intIn("PORT", DEFAULT_PORT, 0, 65535),
        endpoints == null ? null : Path.of(endpoints),
        demo,
        Path.of(
            e.getOr(
                "CLOUDEY_DATA_DIR",
                Path.of(System.getProperty("user.home"), ".cloudey-demo").toString())),
        e.get("CLOUDEY_ADMIN_TOKEN"),
        Set.copyOf(origins),
        e.intIn("CLOUDEY_RATE_LIMIT", DEFAULT_RATE_LIMIT_PER_MINUTE, 1, 10_000_000),
        e.longIn("CLOUDEY_MAX_BODY_BYTES", DEFAULT_MAX_BODY_BYTES, 1_024, 100_000_000),
        e.bool("CLOUDEY_SCHEDULER", true));
  }

  /** A copy on another port. */
  public ServerConfig withPort(int newPort) {
    return new ServerConfig(
        jdbcUrl,
        dbUser,
        dbPassword,
        redisUri,
        openAiKey,
        openAiBaseUrl,
        openAiModel,
        anthropicKey,
        anthropicModel,
        encryptionKey,
        logLevel,
        host,
        newPort,
        ociEndpoints,
        demo,
        dataDir,
        adminToken,
        corsOrigins,
        rateLimitPerMinute,
        maxBodyBytes,
        scheduler);
  }

  /** The start-up summary, one setting a line, secrets masked. */
  public List<String> summary() {
    List<String> lines = new ArrayList<>();
    lines.add("mode         " + (demo ? "demo" : "production"));
    lines.add(
        "database     "
            + (jdbcUrl == null
                ? "embedded PostgreSQL in " + dataDir.resolve("pg")
                : maskUrl(jdbcUrl))
            + (dbUser == null ? "" : " as " + dbUser)
            + (dbPassword == null ? "" : " (password ****)"));
    lines.add("cache        " + (redisUri == null ? "in-process" : "Redis at " + redisUri));
    lines.add("llm          " + llmSummary());
    lines.add(
        "encryption   "
            + (encryptionKey == null
                ? "key generated in " + dataDir.resolve("encryption.key")
                : "ENCRYPTION_KEY " + mask(encryptionKey)));
    lines.add(
        "oci          "
            + (ociEndpoints == null
                ? (demo ? "simulated demo tenancy" : "OCI")
                : "endpoints from " + ociEndpoints));
    lines.add("listen       " + host + ":" + port);
    lines.add("rate limit   " + rateLimitPerMinute + " requests/minute per token");
    lines.add("body limit   " + maxBodyBytes + " bytes");
    lines.add("cors         " + (corsOrigins.isEmpty() ? "off" : String.join(", ", corsOrigins)));
    lines.add(
        "admin token  "
            + (adminToken == null ? "unset (/metrics from loopback only)" : mask(adminToken)));
    lines.add("scheduler    " + (scheduler ? "on" : "off"));
    lines.add("log level    " + logLevel);
    return lines;
  }

  private String llmSummary() {
    if (openAiBaseUrl != null) {
      return "OpenAI-compatible at "
          + openAiBaseUrl
          + " model "
          + openAiModel
          + (openAiKey == null ? "" : " key " + mask(openAiKey));
    }
    if (openAiKey != null) {
      return "OpenAI model " + openAiModel + " key " + mask(openAiKey);
    }
    if (anthropicKey != null) {
      return "Anthropic model " + anthropicModel + " key " + mask(anthropicKey);
    }
    return "none (set OPENAI_API_KEY, ANTHROPIC_API_KEY or OPENAI_BASE_URL to enable chat)";
  }

  @Override
  public String toString() {
    return "ServerConfig" + summary();
  }

  static String mask(String secret) {
    return secret.length() <= 8 ? "****" : secret.substring(0, 4) + "****";
  }

  /** Hides a password given in the URL's query. */
  static String maskUrl(String url) {
    return url.replaceAll("(?i)(password=)[^&]*", "$1****");
  }

  private static void checkKey(String key) {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(key.strip());
    } catch (IllegalArgumentException ex) {
      throw new CloudeyConfigException(
          "ENCRYPTION_KEY is not base64: set it to the base64 of 32 random bytes, e.g. `openssl"
              + " rand -base64 32`");
    }
    if (bytes.length != 32) {
      throw new CloudeyConfigException(
          "ENCRYPTION_KEY decodes to " + bytes.length + " bytes, expected 32 (AES-256)");
    }
  }

  /** {url, user, password} from either URL form. */
  static String[] parseDatabaseUrl(String url) {
    if (url.startsWith("jdbc:postgresql://")) {
      return new String[] {url, null, null};
    }
    if (!url.startsWith("postgresql://") && !url.startsWith("postgres://")) {
      throw new CloudeyConfigException(
          "DATABASE_URL must be postgresql://user:password@host:port/database or"
              + " jdbc:postgresql://host:port/database, was '"
              + maskUrl(url)
              + "'");
    }
    try {
      URI uri = new URI(url);
      if (uri.getHost() == null) {
        throw new CloudeyConfigException("DATABASE_URL has no host: " + maskUrl(url));
      }
      String path =
          uri.getRawPath() == null || uri.getRawPath().length() <= 1
              ? "/postgres"
              : uri.getRawPath();
      String jdbc =
          "jdbc:postgresql://"
              + uri.getHost()
              + (uri.getPort() > 0 ? ":" + uri.getPort() : "")
              + path
              + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
      String user = null;
      String password = null;
      if (uri.getRawUserInfo() != null) {
        String[] parts = uri.getRawUserInfo().split(":", 2);
        user = URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
        password = parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : null;
      }
      return new String[] {jdbc, user, password};
    } catch (URISyntaxException ex) {
      throw new CloudeyConfigException("DATABASE_URL is not a URL: " + ex.getReason());
    }
  }

  private record Env(Map<String, String> values) {
    @Nullable String get(String name) {
      String v = values.get(name);
      return v == null || v.isBlank() ? null : v.strip();
    }

    String getOr(String name, String fallback) {
      String v = get(name);
      return v == null ? fallback : v;
    }

    int intIn(String name, int fallback, int min, int max) {
      return (int) longIn(name, fallback, min, max);
    }

    long longIn(String name, long fallback, long min, long max) {
      String v = get(name);
      if (v == null) {
        return fallback;
      }
      try {
        long n = Long.parseLong(v);
        if (n < min || n > max) {
          throw new CloudeyConfigException(
              name + " must be between " + min + " and " + max + ", was " + n);
        }
        return n;
      } catch (NumberFormatException ex) {
        throw new CloudeyConfigException(name + " must be a whole number, was '" + v + "'");
      }
    }

    boolean bool(String name, boolean fallback) {
      String v = get(name);
      if (v == null) {
        return fallback;
      }
      return switch (v.toLowerCase(Locale.ROOT)) {
        case "true", "1", "yes", "on" -> true;
        case "false", "0", "no", "off" -> false;
        default ->
            throw new CloudeyConfigException(name + " must be true or false, was '" + v + "'");
      };
    }
  }
}
