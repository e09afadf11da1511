package app.cloudey.server;

import static org.assertj.core.api.Assertions.assertThat;

import app.cloudey.server.TestServer.Account;
import app.cloudey.server.TestServer.Response;
import app.cloudey.testkit.junit.PostgresExtension;
import app.cloudey.testkit.llm.OpenAiStubServer;
import app.cloudey.testkit.llm.StubReply;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * jqwik fuzzing of the JSON bodies: random objects (right keys with wrong types, unknown keys,
 * nesting, odd strings) and random text, to every route that reads JSON. A 5xx, a non-JSON error or
 * a stack trace fails the property.
 */
class JsonBodyFuzzIT {
  static final PostgresExtension PG = PostgresExtension.create();
  static final ExtensionContext CONTEXT = context();
  static OpenAiStubServer llm;
  static TestServer t;
  static Account user;

  @BeforeContainer
  static void start() throws Exception {
    PG.beforeAll(CONTEXT);
    llm = OpenAiStubServer.start();
    t = TestServer.start(PG.database(), 1_000_000, llm);
    user = t.newUser("fuzz@example.com");
    // a well-formed chat message gets a quick answer rather than retries against an empty script
    for (int i = 0; i < 300; i++) {
      llm.enqueue(StubReply.text("ok"));
    }
  }

  @AfterContainer
  static void stop() throws Exception {
    t.close();
    llm.close();
    PG.afterAll(CONTEXT);
  }

  static final List<String> ROUTES =
      List.of("/user", "/login", "/oci-config/{id}", "/chat/stream/{id}", "/query");
  static final List<String> KEYS =
      List.of(
          "email",
          "api_token",
          "tenancy_ocid",
          "user_ocid",
          "fingerprint",
          "region",
          "private_key",
          "passphrase",
          "message",
          "thread_id",
          "question",
          "model_provider",
          "x");

  @Property(tries = 150)
  void anyJsonBodyGetsAnAnswerThatIsNotA5xx(
      @ForAll("routes") String route, @ForAll("bodies") String body) {
    String path = route.replace("{id}", String.valueOf(user.id()));
    Response r =
        t.send(
            "POST", path, user.token(), "application/json", body.getBytes(StandardCharsets.UTF_8));
    assertThat(r.status()).as(path + " " + body + " -> " + r.body()).isLessThan(500);
    if (r.status() >= 400) {
      assertThat(r.json().get("error").isTextual()).as(r.body()).isTrue();
      assertThat(r.body()).doesNotContain("\tat ");
    }
  }

  @Provide
  Arbitrary<String> routes() {
    return Arbitraries.of(ROUTES);
  }

  @Provide
  Arbitrary<String> bodies() {
    Arbitrary<String> text = Arbitraries.strings().all().ofMaxLength(40);
    Arbitrary<Object> scalar =
        Arbitraries.oneOf(
            text.map(s -> (Object) s),
            Arbitraries.integers().map(i -> (Object) i),
            Arbitraries.doubles().map(d -> (Object) d),
            Arbitraries.of(true, false).map(b -> (Object) b),
            Arbitraries.just(null),
            Arbitraries.of(
                    "a@b.co",
                    "ocid1.tenancy.oc1..aaaa",
                    "us-ashburn-1",
                    "-----BEGIN PRIVATE KEY-----")
                .map(s -> (Object) s));
    Arbitrary<Object> value =
        Arbitraries.oneOf(
            scalar,
            scalar.list().ofMaxSize(3).map(l -> (Object) l),
            Arbitraries.just(Map.of("k", "v")));
    Arbitrary<String> object =
        Combinators.combine(Arbitraries.of(KEYS).list().ofMaxSize(6), value.list().ofSize(6))
            .as(
                (keys, values) -> {
                  Map<String, Object> m = new HashMap<>();
                  for (int i = 0; i < keys.size(); i++) {
                    m.put(keys.get(i), values.get(i));
                  }
                  return app.cloudey.server.internal.Json.write(m);
                });
    return Arbitraries.oneOf(
        object, object, object, text, Arbitraries.of("", "{", "[]", "null", "{\"a\":}", "\u0000"));
  }

  /** The test kit's extension outside JUnit Jupiter: a context with a store is all it needs. */
  private static ExtensionContext context() {
    Map<Object, Object> values = new HashMap<>();
    Object store =
        Proxy.newProxyInstance(
            JsonBodyFuzzIT.class.getClassLoader(),
            new Class<?>[] {ExtensionContext.Store.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "get" -> values.get(args[0]);
                  case "put" -> values.put(args[0], args[1]);
                  case "remove" -> values.remove(args[0]);
                  default -> throw new UnsupportedOperationException(method.getName());
                });
    return (ExtensionContext)
        Proxy.newProxyInstance(
            JsonBodyFuzzIT.class.getClassLoader(),
            new Class<?>[] {ExtensionContext.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "getStore" -> store;
                  case "getUniqueId" -> "json-body-fuzz";
                  default -> throw new UnsupportedOperationException(method.getName());
                });
  }
}
