package app.cloudey.store.redis.internal;

import app.cloudey.CloudeyException;
import app.cloudey.spi.CacheKey;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.Optional;

/**
 * JSON envelope of a cached value: {@code {"t": type, "q": query, "v": value}}. The type lets a
 * read as another type miss instead of failing; the full query guards against hash collisions of
 * the key. Thread-safe.
 */
public final class ValueCodec {
  private final ObjectMapper mapper =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          // decimals stay exact decimals with their scale (a forecast's 0.00 comes back 0.00, not
          // 0.0 through a double), so a cached value equals the computed one
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
          // model records have isZero()/isRoot() helpers: they are not properties
          .visibility(PropertyAccessor.IS_GETTER, JsonAutoDetect.Visibility.NONE)
          .build();

  public String encode(CacheKey key, Object value) {
    ObjectNode envelope = mapper.createObjectNode();
    envelope.put("t", value.getClass().getName());
    envelope.put("q", key.query());
    envelope.set("v", mapper.valueToTree(value));
    try {
      return mapper.writeValueAsString(envelope);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new CloudeyException(
          "cannot cache a " + value.getClass().getName() + " as JSON: " + e.getMessage(), e);
    }
  }

  /**
   * The value if the envelope holds one of {@code type} for this exact query; empty for another
   * type or query.
   *
   * @throws CloudeyException when the stored text is not a readable envelope (corrupt value)
   */
  public <T> Optional<T> decode(CacheKey key, String json, Class<T> type) {
    try {
      JsonNode envelope = mapper.readTree(json);
      JsonNode t = envelope.get("t");
      JsonNode q = envelope.get("q");
      JsonNode v = envelope.get("v");
      if (t == null || q == null || v == null) {
        throw new CloudeyException(
            "cached value of " + key.accountId() + " is not a Cloudey entry");
      }
      if (!t.asText().equals(type.getName()) || !q.asText().equals(key.query())) {
        return Optional.empty();
      }
      return Optional.of(mapper.treeToValue(v, type));
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new CloudeyException(
          "cached value of " + key.accountId() + " is corrupt: " + e.getMessage(), e);
    }
  }
}
