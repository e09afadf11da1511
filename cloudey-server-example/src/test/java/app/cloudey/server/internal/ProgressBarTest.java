package app.cloudey.server.internal;

import static org.assertj.core.api.Assertions.assertThat;

import app.cloudey.model.AccountId;
import app.cloudey.model.JobKind;
import app.cloudey.model.JobProgress;
import app.cloudey.model.JobRecord;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ProgressBarTest {
  private static final Instant AT = Instant.parse("2026-12-04T10:00:00Z");

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final ProgressBar bar =
      new ProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8), "sync", "scopes");

  private String lastLine() {
    String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\r");
    return lines[lines.length - 1];
  }

  private static JobRecord running(long done, long total) {
    return JobRecord.queued("j1", AccountId.of("a"), JobKind.INVENTORY_SYNC, AT, "me")
        .running(AT)
        .withProgress(new JobProgress(done, total, done * 10));
  }

  @Test
  void aKnownTotalFillsTheBarInProportion() {
    bar.progress(running(2, 4));
    // 2 of 4: 15 of the 30 cells
    assertThat(lastLine())
        .isEqualTo("sync       [" + "#".repeat(15) + ".".repeat(15) + "] 2/4 scopes, 20 seen");
  }

  @Test
  void anUnknownTotalMovesAMarkerInsteadOfStayingEmpty() {
    bar.progress(running(5, 0));
    // 5 done, no total: the marker starts at cell 5 of a 30-cell bar
    assertThat(lastLine())
        .isEqualTo("sync       [" + ".".repeat(5) + "<=>" + ".".repeat(22) + "] 5 scopes, 50 seen");
  }
}
