package app.cloudey.server.internal;

import app.cloudey.model.AccountId;
import app.cloudey.model.Money;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The server's JSON: snake_case names, ISO-8601 dates, money as {@code {"amount": "12.34",
 * "currency": "USD"}} (a decimal string, never a binary float), account ids as text.
 */
public final class Json {
  public static final ObjectMapper MAPPER = create();

  private Json() {}

  private static ObjectMapper create() {
    SimpleModule values = new SimpleModule("cloudey-values");
    values.addSerializer(
        Money.class,
        new JsonSerializer<>() {
          @Override
          public void serialize(Money m, JsonGenerator g, SerializerProvider p) throws IOException {
            g.writeStartObject();
            g.writeStringField("amount", m.rounded().toPlainString());
            g.writeStringField("currency", m.currency().getCurrencyCode());
            g.writeEndObject();
          }
        });
    // an account id is its text, as in the routes, not {"value": ...}
    values.addSerializer(
        AccountId.class,
        new JsonSerializer<>() {
          @Override
          public void serialize(AccountId id, JsonGenerator g, SerializerProvider p)
              throws IOException {
            g.writeString(id.value());
          }
        });
    ObjectMapper mapper = new ObjectMapper();
    // a number or boolean where text is expected is a client error, not something to coerce
    mapper
        .coercionConfigFor(LogicalType.Textual)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    return mapper
        .registerModule(new JavaTimeModule())
        .registerModule(values)
        .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  }

  /** The request body as {@code type}; 400 {@code invalid_json} when it does not parse. */
  public static <T> T body(Context ctx, Class<T> type) {
    return body(ctx, MAPPER.readerFor(type));
  }

  /**
   * The request body read by {@code reader} (one of {@link #MAPPER}'s, e.g. with exact decimals);
   * 400 {@code invalid_json} when it is blank or does not parse.
   */
  static <T> T body(Context ctx, ObjectReader reader) {
    String body = ctx.body();
    if (body.isBlank()) {
      throw ApiException.badRequest("invalid_json", "the request needs a JSON body");
    }
    try {
      T value = reader.readValue(body);
      if (value == null) {
        throw ApiException.badRequest("invalid_json", "the JSON body must be an object");
      }
      return value;
    } catch (JsonProcessingException e) {
      throw ApiException.badRequest(
          "invalid_json", "the body is not the JSON expected: " + e.getOriginalMessage());
    }
  }

  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
