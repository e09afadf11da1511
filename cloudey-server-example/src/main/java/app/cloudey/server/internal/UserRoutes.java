package app.cloudey.server.internal;

import app.cloudey.server.internal.Api.Access;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** {@code POST /user}, {@code GET /user/{email}}, and the page's login and logout. */
public final class UserRoutes {
  private UserRoutes() {}

  record NewUser(@Nullable String email) {}

  record Login(@Nullable String apiToken) {}

  record CreatedUser(long userId, String email, String apiToken) {}

  record UserView(
      long userId, String email, String accountId, Instant createdAt, boolean ociConfigured) {}

  public static void register(Api api, Services s) {
    api.tag("users");
    api.post(
        "/user",
        Access.PUBLIC,
        "Create a user; the API token is shown once",
        201,
        (ctx, caller) -> {
          NewUser body = Json.body(ctx, NewUser.class);
          Users.Created created = s.users().create(body.email() == null ? "" : body.email());
          ctx.status(201)
              .json(new CreatedUser(created.user().id(), created.user().email(), created.token()));
        });
    api.get(
        "/user/{email}",
        Access.USER,
        "Your own user (another address is 403)",
        200,
        (ctx, caller) -> {
          String email = ctx.pathParam("email").strip();
          if (!email.equalsIgnoreCase(caller.email())) {
            throw new ApiException(403, "forbidden", "you may read your own user only");
          }
          ctx.json(view(s, caller));
        });
    api.post(
        "/login",
        Access.PUBLIC,
        "Log the page in with an API token (JSON {api_token} or form api_token): sets an HttpOnly,"
            + " SameSite=Strict session cookie",
        200,
        (ctx, caller) -> {
          String token =
              ctx.isMultipartFormData() || isForm(ctx.contentType())
                  ? ctx.formParam("api_token")
                  : Json.body(ctx, Login.class).apiToken();
          User user = login(s, token);
          ctx.header("Set-Cookie", s.sessions().open(user.id()));
          ctx.json(Map.of("user_id", user.id()));
        });
    api.get(
        "/login",
        Access.PUBLIC,
        "The printed login link: ?token=... sets the session cookie and redirects to /ui/",
        302,
        (ctx, caller) -> {
          User user = login(s, ctx.queryParam("token"));
          ctx.header("Set-Cookie", s.sessions().open(user.id()));
          ctx.header("Referrer-Policy", "no-referrer");
          ctx.redirect("/ui/");
        });
    api.post(
        "/logout",
        Access.PUBLIC,
        "End the page's session",
        204,
        (ctx, caller) -> {
          String session = ctx.cookie(Sessions.COOKIE);
          if (session != null) {
            ctx.header("Set-Cookie", s.sessions().close(session));
          }
          ctx.status(204);
        });
  }

  private static boolean isForm(@Nullable String contentType) {
    return contentType != null && contentType.startsWith("application/x-www-form-urlencoded");
  }

  private static User login(Services s, @Nullable String token) {
    if (token == null || token.isBlank()) {
      throw ApiException.badRequest("missing_token", "give the API token to log in with");
    }
    return s.users()
        .byToken(token.strip())
        .orElseThrow(() -> new ApiException(401, "unauthorized", "the API token is not valid"));
  }

  static UserView view(Services s, User user) {
    return new UserView(
        user.id(),
        user.email(),
        user.accountId().value(),
        user.createdAt(),
        s.cloudey().accounts().find(user.accountId()).isPresent());
  }
}
