package app.cloudey.oci.simulator.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.ser.impl.SimpleBeanPropertyFilter;
import com.fasterxml.jackson.databind.ser.impl.SimpleFilterProvider;
import java.nio.charset.StandardCharsets;
import java.text.SimpleDateFormat;
import java.util.TimeZone;

/**
 * Writes the OCI SDK's own model classes as the SDK expects to read them: RFC 3339 dates with
 * milliseconds, nulls left out, the SDK's "explicitly set" filter satisfied.
 */
final class Json {
  static final ObjectMapper MAPPER = create();

  private Json() {}

  private static ObjectMapper create() {
    ObjectMapper mapper = new ObjectMapper();
    mapper.setSerializationInclusion(JsonInclude.Include.NON_NULL);
    mapper.configure(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, false);
    mapper.configure(SerializationFeature.FAIL_ON_EMPTY_BEANS, false);
    SimpleDateFormat rfc3339 = new SimpleDateFormat("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'");
    rfc3339.setTimeZone(TimeZone.getTimeZone("UTC"));
    mapper.setDateFormat(rfc3339); // Jackson clones it per call, so sharing is safe
    mapper.setFilterProvider(
        new SimpleFilterProvider()
            .addFilter("explicitlySetFilter", SimpleBeanPropertyFilter.serializeAll()));
    return mapper;
  }

  static byte[] write(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + value.getClass().getSimpleName(), e);
    }
  }

  static String writeString(Object value) {
    return new String(write(value), StandardCharsets.UTF_8);
  }
}
