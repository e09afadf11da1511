package app.cloudey.oci.internal;

import app.cloudey.model.AccountId;
import app.cloudey.model.Resource;
import app.cloudey.model.ResourceType;
import app.cloudey.model.Scope;
import app.cloudey.oci.OciService;
import com.oracle.bmc.http.internal.BmcEnum;
import com.oracle.bmc.identity.model.AvailabilityDomain;
import com.oracle.bmc.identity.requests.ListAvailabilityDomainsRequest;
import com.oracle.bmc.objectstorage.requests.GetNamespaceRequest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * What the per-service listers share for one account: clients, the guarded caller, the page limit,
 * and values that never change for a tenancy (availability domains per region, the Object Storage
 * namespace), each fetched once; a failed fetch is not remembered. Thread-safe.
 */
public final class ListContext {
  private final AccountId accountId;
  private final String tenancyId;
  private final String homeRegion;
  private final OciClients clients;
  private final OciCalls calls;
  private final @Nullable Integer pageLimit;
  private final Map<String, List<String>> availabilityDomains = new ConcurrentHashMap<>();
  private volatile @Nullable String namespace;

  public ListContext(
      AccountId accountId,
      String tenancyId,
      String homeRegion,
      OciClients clients,
      OciCalls calls,
      @Nullable Integer pageLimit) {
    this.accountId = accountId;
    this.tenancyId = tenancyId;
    this.homeRegion = homeRegion;
    this.clients = clients;
    this.calls = calls;
    this.pageLimit = pageLimit;
  }

  public AccountId accountId() {
    return accountId;
  }

  public String tenancyId() {
    return tenancyId;
  }

  public String homeRegion() {
    return homeRegion;
  }

  public OciClients clients() {
    return clients;
  }

  public OciCalls calls() {
    return calls;
  }

  public @Nullable Integer pageLimit() {
    return pageLimit;
  }

  /** The region's availability domain names, listed once per connection. */
  public List<String> availabilityDomains(String region) {
    return availabilityDomains.computeIfAbsent(
        region,
        r ->
            calls
                .call(
                    OciService.IDENTITY,
                    "ListAvailabilityDomains",
                    () ->
                        clients
                            .identity(r)
                            .listAvailabilityDomains(
                                ListAvailabilityDomainsRequest.builder()
                                    .compartmentId(tenancyId)
                                    .build()))
                .getItems()
                .stream()
                .map(AvailabilityDomain::getName)
                .sorted()
                .toList());
  }

  /** The tenancy's Object Storage namespace, fetched once. */
  public String namespace() {
    String ns = namespace;
    if (ns == null) {
      ns =
          calls
              .call(
                  OciService.OBJECT_STORAGE,
                  "GetNamespace",
                  () ->
                      clients
                          .objectStorage(homeRegion)
                          .getNamespace(
                              GetNamespaceRequest.builder().compartmentId(tenancyId).build()))
              .getValue();
      namespace = ns;
    }
    return ns;
  }

  /** A resource builder with the scope's account, provider, type, region and compartment set. */
  public Resource.Builder resource(Scope scope, ResourceType type) {
    return Resource.builder()
        .accountId(accountId)
        .provider("oci")
        .type(type)
        .region(scope.region())
        .compartmentId(scope.compartmentId());
  }

  /** An SDK enum's wire value; {@code UNKNOWN} for values newer than the SDK. */
  public static String state(@Nullable BmcEnum value) {
    String text = value == null ? null : value.getValue();
    return text == null || text.isBlank() ? "UNKNOWN" : text;
  }

  /** An SDK enum's wire value, or null when absent or unknown to the SDK. */
  public static @Nullable String stateOrNull(@Nullable BmcEnum value) {
    String text = value == null ? null : value.getValue();
    return text == null || text.isBlank() ? null : text;
  }
}
