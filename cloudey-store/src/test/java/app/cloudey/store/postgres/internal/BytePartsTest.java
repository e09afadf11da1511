package app.cloudey.store.postgres.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BytePartsTest {
  @Test
  void keepsWhatIsWrittenInFullPartsButTheLastAndJoinsThemBack() throws IOException {
    byte[] text = "café, déjà vu".getBytes(StandardCharsets.UTF_8); // 16 bytes, 3 of 2 bytes
    ByteParts parts = new ByteParts(5);
    parts.write(text, 0, 3);
    parts.write(text[3]); // the first byte of "é": the part ends inside the character
    parts.write(text, 4, text.length - 4);
    assertThat(parts.parts()).extracting(p -> p.length).containsExactly(5, 5, 5, 1);
    assertThat(new String(ByteParts.joined(parts.parts()).readAllBytes(), StandardCharsets.UTF_8))
        .isEqualTo("café, déjà vu");
  }

  @Test
  void anExactMultipleEndsWithAFullPartAndNothingWrittenHasNoParts() {
    ByteParts parts = new ByteParts(4);
    assertThat(parts.parts()).isEmpty();
    parts.write(new byte[8], 0, 8);
    assertThat(parts.parts()).extracting(p -> p.length).containsExactly(4, 4);
  }

  @Test
  void aPartMustHoldAByte() {
    assertThatThrownBy(() -> new ByteParts(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("partBytes must be positive, was 0");
  }
}
