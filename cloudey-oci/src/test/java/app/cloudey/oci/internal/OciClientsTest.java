package app.cloudey.oci.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.cloudey.CloudeyConfigException;
import app.cloudey.oci.OciOptions;
import app.cloudey.oci.TestKeys;
import com.oracle.bmc.Realm;
import org.junit.jupiter.api.Test;

class OciClientsTest {
  private static final org.glassfish.jersey.spi.ExecutorServiceProvider HTTP =
      new SharedExecutors(OciOptions.ofDefaults()).http();

  @Test
  void aSubscribedRegionNewerThanTheSdkGetsItsRealmsEndpoints() {
    try (OciClients clients =
        new OciClients(TestKeys.config().build(), OciOptions.ofDefaults(), HTTP)) {
      // no such region in SDK 3.47: OCI reports new regions before the SDK knows them
      assertThat(clients.identity("xx-newcity-1").getEndpoint())
          .isEqualTo("https://identity.xx-newcity-1.oci.oraclecloud.com");
      assertThat(clients.compute("us-ashburn-1").getEndpoint())
          .isEqualTo("https://iaas.us-ashburn-1.oraclecloud.com");
    }
  }

  @Test
  void aMalformedRegionIsRefusedWithWhatToUse() {
    try (OciClients clients =
        new OciClients(TestKeys.config().build(), OciOptions.ofDefaults(), HTTP)) {
      assertThatThrownBy(() -> clients.identity("not a region"))
          .isInstanceOf(CloudeyConfigException.class)
          .hasMessageContaining("'not a region' is not an OCI region identifier");
    }
  }

  @Test
  void theRealmComesFromTheOcid() {
    assertThat(OciClients.realm("ocid1.tenancy.oc1..aaaa")).isEqualTo(Realm.OC1);
    assertThat(OciClients.realm("ocid1.tenancy.oc19..aaaa")).isEqualTo(Realm.OC19);
    assertThatThrownBy(() -> OciClients.realm("ocid1.tenancy.oc999..aaaa"))
        .isInstanceOf(CloudeyConfigException.class)
        .hasMessageContaining("upgrade the SDK");
  }
}
