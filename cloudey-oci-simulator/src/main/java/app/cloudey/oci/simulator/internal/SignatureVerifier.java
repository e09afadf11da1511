package app.cloudey.oci.simulator.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Verifies OCI HTTP request signatures (draft-cavage signatures, version 1, rsa-sha256): rebuilds
 * the signing string from the {@code headers} list and checks it with the API user's public key.
 * Requires {@code (request-target)}, {@code host} and {@code date} (or {@code x-date}) on every
 * request, plus {@code x-content-sha256}, {@code content-length} and {@code content-type} on
 * requests with a body, whose digest and length must match; the date must be within 5 minutes.
 */
final class SignatureVerifier {
  static final Duration MAX_SKEW = Duration.ofMinutes(5);

  private final String keyId;
  private final PublicKey publicKey;
  private final Clock clock;

  SignatureVerifier(String keyId, PublicKey publicKey, Clock clock) {
    this.keyId = keyId;
    this.publicKey = publicKey;
    this.clock = clock;
  }

  /**
   * @param headers lower-case header name to its (first) value
   * @return null when the signature verifies, else why it does not
   */
  @Nullable String verify(
      String method,
      String rawPathAndQuery,
      Function<String, @Nullable String> headers,
      byte[] body) {
    String authorization = headers.apply("authorization");
    if (authorization == null) {
      return "The required information to complete authentication was not provided (no Authorization header)";
    }
    if (!authorization.startsWith("Signature ")) {
      return "Authorization header is not an HTTP signature";
    }
    Map<String, String> params = parse(authorization.substring("Signature ".length()));
    if (!"1".equals(params.getOrDefault("version", "1"))) {
      return "unsupported signature version";
    }
    if (!"rsa-sha256".equalsIgnoreCase(params.get("algorithm"))) {
      return "unsupported signature algorithm " + params.get("algorithm");
    }
    if (!keyId.equals(params.get("keyId"))) {
      return "unknown keyId " + params.get("keyId");
    }
    String signature = params.get("signature");
    if (signature == null) {
      return "signature is missing";
    }
    List<String> signed =
        List.of(
            params.getOrDefault("headers", "date").toLowerCase(Locale.ROOT).trim().split("\\s+"));
    String lowerMethod = method.toLowerCase(Locale.ROOT);
    boolean hasBody =
        lowerMethod.equals("post") || lowerMethod.equals("put") || lowerMethod.equals("patch");
    List<String> required = new ArrayList<>(List.of("(request-target)", "host"));
    if (hasBody) {
      required.addAll(List.of("x-content-sha256", "content-length", "content-type"));
    }
    for (String name : required) {
      if (!signed.contains(name)) {
        return "signed headers must include " + name;
      }
    }
    String dateHeader = signed.contains("x-date") ? "x-date" : "date";
    if (!signed.contains(dateHeader)) {
      return "signed headers must include date or x-date";
    }
    String date = headers.apply(dateHeader);
    String skew = checkDate(date);
    if (skew != null) {
      return skew;
    }
    if (hasBody) {
      String digest = base64Sha256(body);
      if (!digest.equals(headers.apply("x-content-sha256"))) {
        return "x-content-sha256 does not match the body";
      }
      if (!String.valueOf(body.length).equals(headers.apply("content-length"))) {
        return "content-length does not match the body";
      }
    }
    StringBuilder signingString = new StringBuilder();
    for (String name : signed) {
      if (signingString.length() > 0) {
        signingString.append('\n');
      }
      if (name.equals("(request-target)")) {
        signingString
            .append("(request-target): ")
            .append(lowerMethod)
            .append(' ')
            .append(rawPathAndQuery);
      } else {
        String value = headers.apply(name);
        if (value == null) {
          return "signed header " + name + " is missing from the request";
        }
        signingString.append(name).append(": ").append(value);
      }
    }
    try {
      Signature rsa = Signature.getInstance("SHA256withRSA");
      rsa.initVerify(publicKey);
      rsa.update(signingString.toString().getBytes(StandardCharsets.UTF_8));
      if (!rsa.verify(Base64.getDecoder().decode(signature))) {
        return "The required information to complete authentication was not provided or was incorrect (signature does not verify)";
      }
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return "signature cannot be verified: " + e.getMessage();
    }
    return null;
  }

  private @Nullable String checkDate(@Nullable String date) {
    if (date == null) {
      return "date header is missing";
    }
    Instant when;
    try {
      when = ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      return "date header '" + date + "' is not an RFC 1123 date";
    }
    Duration skew = Duration.between(when, clock.instant()).abs();
    if (skew.compareTo(MAX_SKEW) > 0) {
      return "date header is " + skew.toSeconds() + " s away from the server clock (max 300 s)";
    }
    return null;
  }

  static String base64Sha256(byte[] body) {
    try {
      return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code k1="v1",k2="v2"} into a map (values never contain quotes in OCI signatures). */
  static Map<String, String> parse(String params) {
    Map<String, String> map = new HashMap<>();
    int i = 0;
    while (i < params.length()) {
      int eq = params.indexOf('=', i);
      if (eq < 0) {
        break;
      }
      String key = params.substring(i, eq).trim();
      int open = params.indexOf('"', eq);
      int close = open < 0 ? -1 : params.indexOf('"', open + 1);
      if (close < 0) {
        break;
      }
      map.put(key, params.substring(open + 1, close));
      int comma = params.indexOf(',', close);
      i = comma < 0 ? params.length() : comma + 1;
    }
    return map;
  }
}
