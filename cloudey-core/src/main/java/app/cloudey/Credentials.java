package app.cloudey;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Provider-specific connection settings as string properties, some of them secret (a private key, a
 * passphrase). Adapters convert their typed configuration to and from this form (e.g. {@code
 * OciConfig.toCredentials()}), and stores keep it, encrypting it where they can.
 *
 * <p>{@link #toString()} never prints secret values.
 *
 * @param provider provider id these credentials are for
 * @param properties every property, secret or not
 * @param secretKeys the names of the properties that are secret
 */
public record Credentials(String provider, Map<String, String> properties, Set<String> secretKeys) {
  public Credentials {
    if (provider == null || provider.isBlank()) {
      throw new CloudeyConfigException("credentials provider must not be null or blank");
    }
    if (properties == null) {
      throw new CloudeyConfigException("credentials properties must not be null");
    }
    try {
      properties = Map.copyOf(properties);
    } catch (NullPointerException e) {
      throw new CloudeyConfigException(
          "credentials properties must not contain null keys or values", e);
    }
    try {
      secretKeys = secretKeys == null ? Set.of() : Set.copyOf(secretKeys);
    } catch (NullPointerException e) {
      throw new CloudeyConfigException("credentials secretKeys must not contain null", e);
    }
  }

  /** A property, or a {@link CloudeyConfigException} naming the missing key. */
  public String require(String key) {
    String value = properties.get(key);
    if (value == null || value.isBlank()) {
      throw new CloudeyConfigException(provider + " credentials lack '" + key + "'");
    }
    return value;
  }

  @Override
  public String toString() {
    Map<String, String> shown = new TreeMap<>();
    properties.forEach((k, v) -> shown.put(k, secretKeys.contains(k) ? "<redacted>" : v));
    return "Credentials[" + provider + ", " + shown + "]";
  }
}
