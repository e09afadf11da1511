package app.cloudey.store.postgres.internal;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * An output stream that keeps what is written to it in parts of at most {@code partBytes} bytes,
 * each part full but the last: a document of megabytes stored as rows of a bounded size (V21). A
 * part may end inside a UTF-8 character; only the parts joined again are text.
 */
final class ByteParts extends OutputStream {
  private final int partBytes;
  private final List<byte[]> parts = new ArrayList<>();
  private byte[] current;
  private int used;

  ByteParts(int partBytes) {
    if (partBytes < 1) {
      throw new IllegalArgumentException("partBytes must be positive, was " + partBytes);
    }
    this.partBytes = partBytes;
    this.current = new byte[partBytes];
  }

  @Override
  public void write(int b) {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) {
    while (len > 0) {
      if (used == partBytes) {
        parts.add(current);
        current = new byte[partBytes];
        used = 0;
      }
      int n = Math.min(len, partBytes - used);
      System.arraycopy(b, off, current, used, n);
      used += n;
      off += n;
      len -= n;
    }
  }

  /** The parts written so far, in order; none when nothing was written. */
  List<byte[]> parts() {
    List<byte[]> all = new ArrayList<>(parts);
    if (used > 0) {
      all.add(used == partBytes ? current : Arrays.copyOf(current, used));
    }
    return all;
  }

  /** {@code parts} read as one stream, in order. */
  static InputStream joined(List<byte[]> parts) {
    List<InputStream> streams = new ArrayList<>(parts.size());
    parts.forEach(p -> streams.add(new ByteArrayInputStream(p)));
    return new SequenceInputStream(Collections.enumeration(streams));
  }
}
