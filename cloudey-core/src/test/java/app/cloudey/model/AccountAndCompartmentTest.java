package app.cloudey.model;

import static app.cloudey.testing.Refusals.refused;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AccountAndCompartmentTest {
  private static final AccountId ACME = AccountId.of("acme");

  @ParameterizedTest
  @ValueSource(strings = {"acme", "a", "7", "acme-prod_2.eu", "A.b-C_d"})
  void acceptsSafeAccountIds(String id) {
    assertThat(AccountId.of(id).value()).isEqualTo(id);
    assertThat(AccountId.of(id)).hasToString(id);
  }

  @Test
  void acceptsUpTo64Characters() {
    assertThat(AccountId.of("a".repeat(64)).value()).hasSize(64);
    refused(() -> AccountId.of("a".repeat(65)), "is invalid", "1-64 characters");
  }

  @ParameterizedTest
  @ValueSource(strings = {"acme corp", "a/b", "a:b", "ä", "-start", "_start", ".start", "a*"})
  void refusesUnsafeAccountIds(String id) {
    refused(
        () -> AccountId.of(id),
        "accountId '" + id + "' is invalid",
        "[A-Za-z0-9._-], starting with a letter or digit");
  }

  @Test
  void refusesMissingAccountIds() {
    refused(() -> AccountId.of(null), "accountId must not be null or blank");
    refused(() -> AccountId.of("  "), "accountId must not be null or blank");
    refused(() -> new AccountId(null), "accountId must not be null or blank");
  }

  @Test
  void accountIdsOrderByValue() {
    assertThat(AccountId.of("a")).isLessThan(AccountId.of("b"));
    assertThat(AccountId.of("acme").compareTo(AccountId.of("acme"))).isZero();
  }

  @Test
  void accountNamesItsMissingFields() {
    Instant now = Instant.parse("2026-11-26T10:00:00Z");
    assertThat(new Account(ACME, "oci", "Acme", "us-ashburn-1", now).provider()).isEqualTo("oci");
    refused(() -> new Account(null, "oci", "Acme", "us-ashburn-1", now), "id must not be null");
    refused(() -> new Account(ACME, " ", "Acme", "us-ashburn-1", now), "provider must not be");
    refused(() -> new Account(ACME, "oci", "", "us-ashburn-1", now), "displayName must not be");
    refused(() -> new Account(ACME, "oci", "Acme", null, now), "homeRegion must not be");
    refused(() -> new Account(ACME, "oci", "Acme", "us-ashburn-1", null), "createdAt must not");
  }

  @Test
  void theRootCompartmentHasNoParent() {
    Compartment root =
        new Compartment(ACME, "ocid1.tenancy.oc1..root", " ", "root", "root", "ACTIVE");
    assertThat(root.parentId()).isNull();
    assertThat(root.isRoot()).isTrue();
    Compartment child =
        new Compartment(
            ACME, "ocid1.compartment.oc1..prod", root.id(), "prod", "root/prod", "ACTIVE");
    assertThat(child.isRoot()).isFalse();
  }

  @Test
  void compartmentNamesItsMissingFields() {
    refused(() -> new Compartment(null, "c", null, "n", "p", "ACTIVE"), "accountId must not be");
    refused(() -> new Compartment(ACME, " ", null, "n", "p", "ACTIVE"), "id must not be");
    refused(() -> new Compartment(ACME, "c", null, "", "p", "ACTIVE"), "name must not be");
    refused(() -> new Compartment(ACME, "c", null, "n", null, "ACTIVE"), "path must not be");
    refused(() -> new Compartment(ACME, "c", null, "n", "p", ""), "lifecycleState must not be");
  }

  @Test
  void aCompartmentCannotBeItsOwnParent() {
    refused(
        () -> new Compartment(ACME, "c1", "c1", "n", "p", "ACTIVE"),
        "compartment c1 cannot be its own parent");
  }
}
