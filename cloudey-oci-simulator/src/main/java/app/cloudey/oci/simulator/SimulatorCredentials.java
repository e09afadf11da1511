package app.cloudey.oci.simulator;

/**
 * The generated API user the simulator accepts: requests must be signed with {@code privateKeyPem},
 * under the key id {@code tenancyId/userId/fingerprint}.
 *
 * @param tenancyId the tenancy OCID
 * @param userId the user OCID
 * @param fingerprint the MD5 fingerprint of the public key, {@code aa:bb:...}
 * @param privateKeyPem the RSA private key, PKCS#8 PEM ({@code -----BEGIN PRIVATE KEY-----})
 * @param region the home region, e.g. {@code us-ashburn-1}
 */
public record SimulatorCredentials(
    String tenancyId, String userId, String fingerprint, String privateKeyPem, String region) {

  /** Never prints the key. */
  @Override
  public String toString() {
    return "SimulatorCredentials[tenancyId="
        + tenancyId
        + ", userId="
        + userId
        + ", fingerprint="
        + fingerprint
        + ", region="
        + region
        + "]";
  }
}
