package app.cloudey.scheduler.internal;

import com.github.kagkarlsson.scheduler.serializer.Serializer;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * Task data as UTF-8 text: our tasks carry a {@link TaskState} string or nothing, so the table
 * stays readable and no Java deserialization ever runs on what the database returns.
 */
public final class Utf8Serializer implements Serializer {

  @Override
  public byte @Nullable [] serialize(@Nullable Object data) {
    if (data == null) {
      return null;
    }
    if (!(data instanceof String text)) {
      throw new IllegalArgumentException(
          "Cloudey's scheduler stores text task data only, not " + data.getClass().getName());
    }
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public <T> @Nullable T deserialize(Class<T> type, byte @Nullable [] serialized) {
    if (serialized == null) {
      return null;
    }
    if (type != String.class && type != Object.class) {
      throw new IllegalArgumentException(
          "Cloudey's scheduler stores text task data only, not " + type.getName());
    }
    return type.cast(new String(serialized, StandardCharsets.UTF_8));
  }
}
