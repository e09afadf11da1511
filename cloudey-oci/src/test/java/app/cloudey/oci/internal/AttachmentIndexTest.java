package app.cloudey.oci.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.cloudey.CloudeyAuthException;
import app.cloudey.CloudeyProviderException;
import app.cloudey.oci.internal.AttachmentIndex.Kind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class AttachmentIndexTest {
  private static final String R = "us-ashburn-1";
  private static final String AD1 = "Abcd:US-ASHBURN-AD-1";
  private static final String AD2 = "Abcd:US-ASHBURN-AD-2";
  private static final List<String> COMPARTMENTS = List.of("root", "apps", "data", "ops");

  /** Attachments per (compartment, kind, ad), and every listing made, in order. */
  private final Map<String, Map<String, String>> attachments = new HashMap<>();

  private final List<String> calls = Collections.synchronizedList(new ArrayList<>());
  private final Map<String, RuntimeException> failures = new HashMap<>();

  private final AttachmentIndex.Listing listing =
      (region, compartment, kind, ad) -> {
        String key = compartment + "/" + kind + (ad == null ? "" : "/" + ad);
        calls.add(key);
        RuntimeException failure = failures.get(key);
        if (failure != null) {
          throw failure;
        }
        return attachments.getOrDefault(key, Map.of());
      };

  private void attach(String compartment, Kind kind, @Nullable String ad, String vol, String inst) {
    attachments
        .computeIfAbsent(
            compartment + "/" + kind + (ad == null ? "" : "/" + ad), k -> new HashMap<>())
        .put(vol, inst);
  }

  @Test
  void volumesAttachedInTheirOwnCompartmentNeedNoOtherListing() {
    attach("apps", Kind.BLOCK, null, "vol1", "inst1");
    AttachmentIndex index = new AttachmentIndex(listing, COMPARTMENTS, Runnable::run);

    assertThat(index.attachedTo(R, "apps", Kind.BLOCK, Map.of("vol1", AD1)))
        .containsExactly(Map.entry("vol1", "inst1"));
    assertThat(calls).containsExactly("apps/BLOCK");
  }

  @Test
  void anAttachmentInTheInstancesCompartmentIsFound() {
    attach("ops", Kind.BLOCK, null, "vol1", "inst9");
    AttachmentIndex index = new AttachmentIndex(listing, COMPARTMENTS, Runnable::run);

    assertThat(index.attachedTo(R, "apps", Kind.BLOCK, Map.of("vol1", AD1)))
        .containsExactly(Map.entry("vol1", "inst9"));
    // own compartment first, then every other one, started together beginning after it
    assertThat(calls).containsExactly("apps/BLOCK", "data/BLOCK", "ops/BLOCK", "root/BLOCK");
  }

  @Test
  void aVolumeAttachedNowhereIsAbsentAfterEveryCompartmentWasRead() {
    AttachmentIndex index = new AttachmentIndex(listing, COMPARTMENTS, Runnable::run);

    assertThat(index.attachedTo(R, "data", Kind.BLOCK, Map.of("vol1", AD1))).isEmpty();
    assertThat(calls).containsExactly("data/BLOCK", "ops/BLOCK", "root/BLOCK", "apps/BLOCK");
  }

  @Test
  void bootAttachmentsAreListedOnlyInTheVolumesAvailabilityDomains() {
    attach("root", Kind.BOOT, AD2, "boot2", "inst2");
    AttachmentIndex index = new AttachmentIndex(listing, COMPARTMENTS, Runnable::run);

    Map<String, String> found =
        index.attachedTo(R, "ops", Kind.BOOT, Map.of("boot1", AD1, "boot2", AD2));

    assertThat(found).containsExactly(Map.entry("boot2", "inst2"));
    // only the volumes' two domains are listed, never a third
    assertThat(calls)
        .containsExactly(
            "ops/BOOT/" + AD1,
            "ops/BOOT/" + AD2,
            "root/BOOT/" + AD1,
            "root/BOOT/" + AD2,
            "apps/BOOT/" + AD1,
            "apps/BOOT/" + AD2,
            "data/BOOT/" + AD1,
            "data/BOOT/" + AD2);
  }

  @Test
  void eachListingIsMadeOncePerPassWhateverTheScopes() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    ExecutorService background = Executors.newFixedThreadPool(3);
    try {
      AttachmentIndex index = new AttachmentIndex(listing, COMPARTMENTS, background);
      List<CompletableFuture<Map<String, String>>> scopes = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        String compartment = COMPARTMENTS.get(i % COMPARTMENTS.size());
        scopes.add(
            CompletableFuture.supplyAsync(
                () -> index.attachedTo(R, compartment, Kind.BLOCK, Map.of("v" + compartment, AD1)),
                pool));
      }
      scopes.forEach(CompletableFuture::join);
      assertThat(calls).hasSize(COMPARTMENTS.size()).doesNotHaveDuplicates();
    } finally {
      pool.shutdownNow();
      background.shutdownNow();
    }
  }

  @Test
  void aFailureInTheScopesOwnCompartmentIsThrownAsItIs() {
    CloudeyAuthException denied = new CloudeyAuthException("403 NotAuthorizedOrNotFound");
    failures.put("apps/BLOCK", denied);
    AttachmentIndex index = new AttachmentIndex(listing, COMPARTMENTS, Runnable::run);

    assertThatThrownBy(() -> index.attachedTo(R, "apps", Kind.BLOCK, Map.of("vol1", AD1)))
        .isSameAs(denied);
  }

  @Test
  void anotherCompartmentsFailureFailsOnlyScopesThatNeedItAndIsTriedAgainByTheNext() {
    attach("apps", Kind.BLOCK, null, "attached", "inst1");
    failures.put(
        "data/BLOCK",
        new CloudeyProviderException("OCI ListVolumeAttachments 500", 500, null, "req-7"));
    AttachmentIndex index = new AttachmentIndex(listing, COMPARTMENTS, Runnable::run);

    // every volume matched in its own compartment: the broken compartment is not needed
    assertThat(index.attachedTo(R, "apps", Kind.BLOCK, Map.of("attached", AD1))).hasSize(1);
    for (int i = 0; i < 3; i++) {
      assertThatThrownBy(() -> index.attachedTo(R, "apps", Kind.BLOCK, Map.of("vol1", AD1)))
          .isInstanceOf(CloudeyProviderException.class)
          .hasMessageContaining("cannot tell whether volumes are attached")
          .hasMessageContaining("compartment data (us-ashburn-1)")
          .hasMessageContaining("OCI ListVolumeAttachments 500")
          .satisfies(
              e -> {
                CloudeyProviderException p = (CloudeyProviderException) e;
                assertThat(p.status()).isEqualTo(500);
                assertThat(p.requestId()).contains("req-7");
              });
    }
    assertThat(calls.stream().filter("data/BLOCK"::equals)).hasSize(3);

    // once the compartment can be read again, the next scope succeeds
    failures.clear();
    assertThat(index.attachedTo(R, "apps", Kind.BLOCK, Map.of("vol1", AD1))).isEmpty();
  }

  @Test
  void noVolumesNoCalls() {
    AttachmentIndex index = new AttachmentIndex(listing, COMPARTMENTS, Runnable::run);
    assertThat(index.attachedTo(R, "apps", Kind.BOOT, Map.of())).isEmpty();
    assertThat(calls).isEmpty();
  }
}
