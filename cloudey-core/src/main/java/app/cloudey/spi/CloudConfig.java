package app.cloudey.spi;

import app.cloudey.Credentials;

/**
 * One account's cloud configuration, as an adapter module builds it (for OCI, {@code OciConfig}):
 * what {@code Cloudey.builder().cloud(cfg)} and {@code .oci(cfg)} take, so the common case is one
 * call per part and core never sees the cloud's SDK.
 *
 * <pre>{@code
 * Cloudey cloudey = Cloudey.builder()
 *     .oci(OciConfig.fromFile(Path.of(home, ".oci/config"), "DEFAULT"))
 *     .build();
 * }</pre>
 *
 * <p>Implementations are immutable values.
 */
public interface CloudConfig {

  /** The {@link CloudProvider#id() id} of the provider these settings are for, e.g. {@code oci}. */
  String providerId();

  /** The settings as storable credentials, secrets marked as such. */
  Credentials credentials();

  /**
   * Builds a provider configured as this value says (endpoints, timeouts, rate limits). Each call
   * returns a new provider, owned (and closed) by the caller; Cloudey closes the one it builds.
   */
  CloudProvider createProvider();
}
