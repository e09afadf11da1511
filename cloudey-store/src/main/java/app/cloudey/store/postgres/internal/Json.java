package app.cloudey.store.postgres.internal;

import app.cloudey.CloudeyStoreException;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.Map;

/**
 * JSON for JSONB columns (tags, attributes, sync counts). Thread-safe: the mapper is never
 * reconfigured.
 */
public final class Json {
  private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {};

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          // records expose isZero()/isRoot() helpers: those are not properties
          .visibility(PropertyAccessor.IS_GETTER, JsonAutoDetect.Visibility.NONE)
          .build();

  private Json() {}

  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new CloudeyStoreException(
          "cannot write " + value.getClass().getSimpleName() + " as JSON", e);
    }
  }

  /**
   * Writes {@code value} to {@code out} as UTF-8 JSON, without building a string or an array of the
   * whole document: for documents of megabytes (an advisor run).
   */
  public static void write(Object value, java.io.OutputStream out) {
    try {
      MAPPER.writeValue(out, value);
    } catch (java.io.IOException e) {
      throw new CloudeyStoreException(
          "cannot write " + value.getClass().getSimpleName() + " as JSON", e);
    }
  }

  public static <T> T read(String json, TypeReference<T> type) {
    try {
      return MAPPER.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new CloudeyStoreException("stored JSON is unreadable: " + e.getOriginalMessage(), e);
    }
  }

  /** UTF-8 JSON from {@code json} as a {@code type}: no string of megabytes decoded first. */
  public static <T> T read(java.io.InputStream json, TypeReference<T> type) {
    try {
      return MAPPER.readValue(json, type);
    } catch (java.io.IOException e) {
      throw new CloudeyStoreException("stored JSON is unreadable: " + e.getMessage(), e);
    }
  }

  public static Map<String, String> stringMap(@org.jspecify.annotations.Nullable String json) {
    // most resources have no tags and no attributes: skip the parser for them (100k rows of them
    // in an advisor snapshot)
    return json == null || json.isEmpty() || json.equals("{}") ? Map.of() : read(json, STRING_MAP);
  }
}
