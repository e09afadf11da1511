package app.cloudey.server.internal;

import io.javalin.http.Context;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Finds the caller of a request: {@code Authorization: Bearer <token>} first, else the page's
 * session cookie; enforces ownership of {@code {user_id}} and the per-caller rate limit.
 */
public final class Auth {
  private final Users users;
  private final Sessions sessions;
  private final RateLimiter limiter;

  /** The caller and the key its requests are rate-limited by. */
  public record Caller(User user, String limitKey) {}

  public Auth(Users users, Sessions sessions, RateLimiter limiter) {
    this.users = users;
    this.sessions = sessions;
    this.limiter = limiter;
  }

  /**
   * The caller, if any.
   *
   * @throws ApiException 401 for a malformed header or an unknown token (a wrong token is an error
   *     even on public routes, so a client notices it)
   */
  public Optional<Caller> caller(Context ctx) {
    String header = ctx.header("Authorization");
    if (header != null) {
      if (!header.regionMatches(true, 0, "Bearer ", 0, 7) || header.length() <= 7) {
        throw new ApiException(401, "unauthorized", "Authorization must be 'Bearer <api_token>'");
      }
      String token = header.substring(7).strip();
      User user =
          users
              .byToken(token)
              .orElseThrow(
                  () -> new ApiException(401, "unauthorized", "the API token is not valid"));
      return Optional.of(new Caller(user, "t:" + Users.hash(token)));
    }
    String session = ctx.cookie(Sessions.COOKIE);
    if (session != null && !session.isBlank()) {
      Optional<Long> userId = sessions.userId(session);
      if (userId.isPresent()) {
        return users.byId(userId.get()).map(u -> new Caller(u, "u:" + u.id()));
      }
    }
    return Optional.empty();
  }

  public void limit(Caller caller) {
    limiter.acquire(caller.limitKey());
  }

  /** 400 for a {@code {user_id}} that is not a number, 403 when it is not the caller's. */
  static void checkOwner(Context ctx, @Nullable User user) {
    long id = userId(ctx);
    if (user == null || user.id() != id) {
      throw new ApiException(403, "forbidden", "user " + id + " is not you: use your own user_id");
    }
  }

  /** The path's {@code {user_id}}. */
  public static long userId(Context ctx) {
    String raw = ctx.pathParam("user_id");
    try {
      long id = Long.parseLong(raw);
      if (id < 1) {
        throw new NumberFormatException();
      }
      return id;
    } catch (NumberFormatException e) {
      throw ApiException.badRequest(
          "invalid_user_id", "user_id must be a positive whole number, was '" + clip(raw) + "'");
    }
  }

  static String clip(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "...";
  }
}
