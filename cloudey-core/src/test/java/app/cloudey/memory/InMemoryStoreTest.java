package app.cloudey.memory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InMemoryStoreTest {

  @Test
  void eachStoreHasItsOwnRandomIdForLife() {
    try (InMemoryStore a = InMemoryStore.create();
        InMemoryStore b = InMemoryStore.create()) {
      assertThat(a.storeId())
          .matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}")
          .isEqualTo(a.storeId())
          .isNotEqualTo(b.storeId());
    }
  }
}
