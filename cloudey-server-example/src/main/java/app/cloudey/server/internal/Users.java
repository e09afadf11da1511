package app.cloudey.server.internal;

import app.cloudey.CloudeyStoreException;
import app.cloudey.model.AccountId;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Users and their API tokens in PostgreSQL. A token is shown once; only its SHA-256 is stored, and
 * token lookups go through an in-memory cache of hash to user (positive answers only, so unknown
 * tokens cannot fill it). Thread-safe.
 */
public final class Users {
  /** Token prefix, so a leaked token is recognisable. */
  public static final String TOKEN_PREFIX = "cly_";

  private static final Pattern EMAIL =
      Pattern.compile("[A-Za-z0-9._%+'-]{1,64}@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,63}");
  private static final String COLUMNS = "u.user_id, u.email, u.account_id, u.created_at";

  private final DataSource dataSource;
  private final SecureRandom random = new SecureRandom();
  private final Cache<String, User> byTokenHash =
      Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(Duration.ofHours(1)).build();

  public Users(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** A new user and its first token. */
  public record Created(User user, String token) {}

  /**
   * Creates a user with a token.
   *
   * @throws ApiException 400 for a malformed address, 409 when it is taken
   */
  public Created create(String email) {
    String clean = normaliseEmail(email);
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      User user;
      try (PreparedStatement insert =
          c.prepareStatement(
              "INSERT INTO cloudey.server_users (email, account_id) VALUES (?, 'pending-' ||"
                  + " md5(random()::text)) ON CONFLICT (email) DO NOTHING RETURNING user_id")) {
        insert.setString(1, clean);
        try (ResultSet rs = insert.executeQuery()) {
          if (!rs.next()) {
            c.rollback();
            throw new ApiException(409, "email_taken", "a user with e-mail " + clean + " exists");
          }
          long id = rs.getLong(1);
          try (PreparedStatement account =
              c.prepareStatement(
                  "UPDATE cloudey.server_users SET account_id = ? WHERE user_id = ? RETURNING "
                      + COLUMNS.replace("u.", ""))) {
            account.setString(1, accountIdOf(id).value());
            account.setLong(2, id);
            try (ResultSet u = account.executeQuery()) {
              u.next();
              user = read(u);
            }
          }
        }
      }
      String token = insertToken(c, user.id());
      c.commit();
      return new Created(user, token);
    } catch (SQLException e) {
      throw new CloudeyStoreException("creating user " + clean + " failed: " + e.getMessage(), e);
    }
  }

  /** The account id of a user: {@code user-<id>}. */
  public static AccountId accountIdOf(long userId) {
    return AccountId.of("user-" + userId);
  }

  /** Replaces every token of the user by a new one (the demo prints a fresh login link). */
  public String rotateToken(long userId) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement delete =
          c.prepareStatement("DELETE FROM cloudey.server_tokens WHERE user_id = ?")) {
        delete.setLong(1, userId);
        delete.executeUpdate();
      }
      String token = insertToken(c, userId);
      c.commit();
      byTokenHash.asMap().values().removeIf(u -> u.id() == userId);
      return token;
    } catch (SQLException e) {
      throw new CloudeyStoreException("rotating the token failed: " + e.getMessage(), e);
    }
  }

  /** The token's user, from the cache or the database. */
  public Optional<User> byToken(String token) {
    if (token.isBlank() || token.length() > 200) {
      return Optional.empty();
    }
    String hash = hash(token);
    User cached = byTokenHash.getIfPresent(hash);
    if (cached != null) {
      return Optional.of(cached);
    }
    Optional<User> found =
        one(
            "SELECT "
                + COLUMNS
                + " FROM cloudey.server_users u JOIN cloudey.server_tokens t"
                + " ON t.user_id = u.user_id WHERE t.token_hash = ?",
            hash);
    found.ifPresent(u -> byTokenHash.put(hash, u));
    return found;
  }

  public Optional<User> byEmail(String email) {
    return one(
        "SELECT " + COLUMNS + " FROM cloudey.server_users u WHERE u.email = ?",
        email.strip().toLowerCase(Locale.ROOT));
  }

  public Optional<User> byId(long id) {
    return one("SELECT " + COLUMNS + " FROM cloudey.server_users u WHERE u.user_id = ?", id);
  }

  /** Users in the database (for the health page). */
  public long count() {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement("SELECT count(*) FROM cloudey.server_users");
        ResultSet rs = s.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new CloudeyStoreException("counting users failed: " + e.getMessage(), e);
    }
  }

  /** SHA-256 of the token, hex. */
  public static String hash(String token) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha.digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }

  static String normaliseEmail(String email) {
    String clean = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    if (clean.length() > 254 || !EMAIL.matcher(clean).matches()) {
      throw ApiException.badRequest(
          "invalid_email", "email must be an address such as ana@example.com");
    }
    return clean;
  }

  private String insertToken(Connection c, long userId) throws SQLException {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    String token = TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO cloudey.server_tokens (token_hash, user_id) VALUES (?, ?)")) {
      s.setString(1, hash(token));
      s.setLong(2, userId);
      s.executeUpdate();
    }
    return token;
  }

  private Optional<User> one(String sql, Object parameter) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setObject(1, parameter);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? Optional.of(read(rs)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new CloudeyStoreException("reading users failed: " + e.getMessage(), e);
    }
  }

  private static User read(ResultSet rs) throws SQLException {
    return new User(
        rs.getLong("user_id"),
        rs.getString("email"),
        AccountId.of(rs.getString("account_id")),
        rs.getTimestamp("created_at").toInstant());
  }
}
