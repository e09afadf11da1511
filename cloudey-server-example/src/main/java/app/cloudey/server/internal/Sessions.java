package app.cloudey.server.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * Browser sessions of the page: a random id in an HttpOnly, SameSite=Strict cookie mapped to the
 * user, held in this process's memory (a restart logs the page out; the API token still works).
 */
public final class Sessions {
  public static final String COOKIE = "cloudey_session";
  public static final Duration LIFETIME = Duration.ofHours(12);

  private final SecureRandom random = new SecureRandom();
  private final Cache<String, Long> sessions =
      Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(LIFETIME).build();

  /** A new session of the user; returns the {@code Set-Cookie} header value. */
  public String open(long userId) {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    sessions.put(id, userId);
    return COOKIE
        + "="
        + id
        + "; Path=/; HttpOnly; SameSite=Strict; Max-Age="
        + LIFETIME.toSeconds();
  }

  public Optional<Long> userId(String sessionId) {
    return Optional.ofNullable(sessions.getIfPresent(sessionId));
  }

  /** Ends a session; returns the {@code Set-Cookie} value that clears the cookie. */
  public String close(String sessionId) {
    sessions.invalidate(sessionId);
    return COOKIE + "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0";
  }
}
