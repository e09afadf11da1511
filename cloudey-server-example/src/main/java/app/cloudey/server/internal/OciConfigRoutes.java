package app.cloudey.server.internal;

import app.cloudey.Credentials;
import app.cloudey.model.Account;
import app.cloudey.oci.OciConfig;
import app.cloudey.server.internal.Api.Access;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * {@code POST /oci-config/{user_id}} (multipart with the original's fields, or JSON with the key as
 * text): validated by one signed OCI call before it is stored encrypted; {@code GET} never returns
 * the key.
 */
public final class OciConfigRoutes {
  /** Largest PEM accepted: an RSA 4096 key is about 3.3 kB. */
  static final int MAX_PEM_BYTES = 16_384;

  private OciConfigRoutes() {}

  record OciConfigBody(
      @Nullable String tenancyOcid,
      @Nullable String userOcid,
      @Nullable String fingerprint,
      @Nullable String region,
      @Nullable String privateKey,
      @Nullable String passphrase) {}

  record Saved(long userId, String tenancyName, String homeRegion) {}

  record View(
      long userId,
      String tenancyOcid,
      String userOcid,
      String fingerprint,
      String region,
      boolean encryptedKey,
      String tenancyName,
      String homeRegion) {}

  public static void register(Api api, Services s) {
    api.tag("oci-config");
    api.post(
        "/oci-config/{user_id}",
        Access.OWNER,
        "Save your OCI API key configuration after one signed call proves OCI accepts it",
        200,
        (ctx, user) -> {
          OciConfig config = parse(ctx);
          Account account;
          if (s.cloudey().accounts().find(user.accountId()).isPresent()) {
            // a new key keeps the account's pricing (PUT /pricing sets it), read and written in
            // one step of the store so a concurrent PUT /pricing is not undone
            s.cloudey()
                .accounts()
                .updateCredentials(
                    user.accountId(), config.credentials(), PricingRoutes::keepStoredPricing);
            account = s.cloudey().accounts().validate(user.accountId());
          } else {
            account = s.cloudey().accounts().add(user.accountId(), config);
          }
          s.forgetAccount(user.accountId());
          s.scheduler().ifPresent(sch -> sch.scanAccounts());
          ctx.json(new Saved(user.id(), account.displayName(), account.homeRegion()));
        });
    api.get(
        "/oci-config/{user_id}",
        Access.OWNER,
        "Your OCI configuration, without the key",
        200,
        (ctx, user) -> {
          Account account =
              s.cloudey()
                  .accounts()
                  .find(user.accountId())
                  .orElseThrow(
                      () ->
                          ApiException.notFound("user " + user.id() + " has no OCI configuration"));
          Credentials c = s.store().accounts().credentials(user.accountId());
          ctx.json(
              new View(
                  user.id(),
                  c.properties().getOrDefault(OciConfig.TENANCY, ""),
                  c.properties().getOrDefault(OciConfig.USER, ""),
                  c.properties().getOrDefault(OciConfig.FINGERPRINT, ""),
                  c.properties().getOrDefault(OciConfig.REGION, ""),
                  c.properties().containsKey(OciConfig.PASSPHRASE),
                  account.displayName(),
                  account.homeRegion()));
        });
  }

  /** The configuration from either body form; 400 with what to fix when it is invalid. */
  static OciConfig parse(Context ctx) throws IOException {
    OciConfigBody body;
    if (ctx.isMultipartFormData()) {
      body = multipart(ctx);
    } else {
      body = Json.body(ctx, OciConfigBody.class);
    }
    require(body.tenancyOcid(), "tenancy_ocid");
    require(body.userOcid(), "user_ocid");
    require(body.fingerprint(), "fingerprint");
    require(body.region(), "region");
    require(body.privateKey(), "private_key_file (multipart) or private_key (JSON)");
    if (body.privateKey().length() > MAX_PEM_BYTES) {
      throw ApiException.badRequest(
          "invalid_private_key", "the private key is over " + MAX_PEM_BYTES + " bytes");
    }
    // OciConfig's checks name what is wrong (OCID shape, region, PEM, passphrase, fingerprint)
    return OciConfig.builder()
        .tenancyId(body.tenancyOcid().strip())
        .userId(body.userOcid().strip())
        .fingerprint(body.fingerprint().strip())
        .region(body.region().strip())
        .privateKey(body.privateKey())
        .passphrase(body.passphrase())
        .build();
  }

  private static OciConfigBody multipart(Context ctx) {
    try {
      UploadedFile file = ctx.uploadedFile("private_key_file");
      String pem = file == null ? ctx.formParam("private_key") : readPem(file);
      return new OciConfigBody(
          ctx.formParam("tenancy_ocid"),
          ctx.formParam("user_ocid"),
          ctx.formParam("fingerprint"),
          ctx.formParam("region"),
          pem,
          ctx.formParam("passphrase"));
    } catch (ApiException e) {
      throw e;
    } catch (Exception e) {
      // Jetty's multipart parser refuses a malformed body (a ServletException, thrown unchecked)
      throw ApiException.badRequest(
          "invalid_multipart", "the multipart/form-data body could not be read");
    }
  }

  private static String readPem(UploadedFile file) throws IOException {
    try (InputStream in = file.content()) {
      byte[] bytes = in.readNBytes(MAX_PEM_BYTES + 1);
      if (bytes.length > MAX_PEM_BYTES) {
        throw ApiException.badRequest(
            "invalid_private_key", "private_key_file is over " + MAX_PEM_BYTES + " bytes");
      }
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }

  private static void require(@Nullable String value, String field) {
    if (value == null || value.isBlank()) {
      throw ApiException.badRequest("missing_field", field + " is required");
    }
  }
}
