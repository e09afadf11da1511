package app.cloudey.oci.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.oracle.bmc.auth.SimpleAuthenticationDetailsProvider;
import com.oracle.bmc.core.ComputeClient;
import com.oracle.bmc.core.requests.ListInstancesRequest;
import com.oracle.bmc.http.signing.DefaultRequestSigner;
import com.oracle.bmc.http.signing.RequestSigner;
import com.oracle.bmc.model.BmcException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every signature tamper gets 401 NotAuthenticated; correctly signed raw requests get 200. */
class SignatureIT {
  @RegisterExtension
  static final OciSimulatorExtension SIM =
      OciSimulatorExtension.of(
          OciSimulator.builder()
              .seed(3)
              .regions(1)
              .compartments(2)
              .instances(5)
              .days(2)
              .pageSize(5));

  static String host;
  static String instancesPath;
  static String usagePath;
  static RequestSigner sdkSigner;

  @BeforeAll
  static void setUp() {
    OciSimulator sim = SIM.simulator();
    URI base = URI.create(sim.baseUrl());
    host = base.getHost() + ":" + base.getPort();
    instancesPath =
        "/us-ashburn-1/compute/20160918/instances?compartmentId=" + sim.truth().tenancyId();
    usagePath = "/us-ashburn-1/usageapi/20200107/usage";
    sdkSigner = DefaultRequestSigner.createRequestSigner(sim.authenticationDetailsProvider());
  }

  static String usageBody() {
    LocalDateHolder d = new LocalDateHolder(SIM.simulator().truth().now());
    return "{\"tenantId\":\""
        + SIM.simulator().truth().tenancyId()
        + "\",\"timeUsageStarted\":\""
        + d.yesterday
        + "T00:00:00.000Z\",\"timeUsageEnded\":\""
        + d.today
        + "T00:00:00.000Z\",\"granularity\":\"DAILY\"}";
  }

  record LocalDateHolder(String yesterday, String today) {
    LocalDateHolder(java.time.LocalDate now) {
      this(now.minusDays(1).toString(), now.toString());
    }
  }

  /** Headers the SDK's own signer produces for the request. */
  static Map<String, String> sdkSigned(String method, String path, String body) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    if (body != null) {
      headers.put("content-type", List.of("application/json"));
    }
    return new LinkedHashMap<>(
        sdkSigner.signRequest(URI.create("http://" + host + path), method, headers, body));
  }

  /** Our own signer, to sign header sets the SDK would never produce. */
  static Map<String, String> sign(
      String method, String path, String body, List<String> signed, ZonedDateTime date)
      throws Exception {
    OciSimulator sim = SIM.simulator();
    Map<String, String> h = new LinkedHashMap<>();
    h.put(
        "date",
        DateTimeFormatter.RFC_1123_DATE_TIME.format(date.withZoneSameInstant(ZoneOffset.UTC)));
    h.put("host", host);
    if (body != null) {
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      h.put("content-type", "application/json");
      h.put("content-length", String.valueOf(bytes.length));
      h.put(
          "x-content-sha256",
          Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes)));
    }
    StringBuilder s = new StringBuilder();
    for (String name : signed) {
      if (s.length() > 0) {
        s.append('\n');
      }
      s.append(name)
          .append(": ")
          .append(
              name.equals("(request-target)") ? method.toLowerCase() + " " + path : h.get(name));
    }
    String pem =
        sim.credentials().privateKeyPem().replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    PrivateKey key =
        KeyFactory.getInstance("RSA")
            .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
    Signature rsa = Signature.getInstance("SHA256withRSA");
    rsa.initSign(key);
    rsa.update(s.toString().getBytes(StandardCharsets.UTF_8));
    String keyId =
        sim.credentials().tenancyId()
            + "/"
            + sim.credentials().userId()
            + "/"
            + sim.credentials().fingerprint();
    h.put(
        "authorization",
        "Signature version=\"1\",keyId=\""
            + keyId
            + "\",algorithm=\"rsa-sha256\",headers=\""
            + String.join(" ", signed)
            + "\",signature=\""
            + Base64.getEncoder().encodeToString(rsa.sign())
            + "\"");
    return h;
  }

  /** A raw HTTP/1.1 exchange; returns the status code. */
  static int send(String method, String path, Map<String, String> headers, String body)
      throws IOException {
    URI base = URI.create(SIM.simulator().baseUrl());
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      StringBuilder req = new StringBuilder(method + " " + path + " HTTP/1.1\r\n");
      Map<String, String> all = new LinkedHashMap<>(headers);
      all.putIfAbsent("host", host);
      byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
      all.putIfAbsent("content-length", String.valueOf(bytes.length));
      all.put("connection", "close");
      all.forEach((k, v) -> req.append(k).append(": ").append(v).append("\r\n"));
      req.append("\r\n");
      OutputStream out = socket.getOutputStream();
      out.write(req.toString().getBytes(StandardCharsets.UTF_8));
      out.write(bytes);
      out.flush();
      InputStream in = socket.getInputStream();
      String status = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
      return Integer.parseInt(status.substring(9, 12));
    }
  }

  static final List<String> GET_HEADERS = List.of("date", "(request-target)", "host");
  static final List<String> POST_HEADERS =
      List.of(
          "date", "(request-target)", "host", "content-length", "content-type", "x-content-sha256");

  @Test
  void correctlySignedRequestsPass() throws Exception {
    assertThat(send("GET", instancesPath, sdkSigned("GET", instancesPath, null), null))
        .isEqualTo(200);
    assertThat(send("POST", usagePath, sdkSigned("POST", usagePath, usageBody()), usageBody()))
        .isEqualTo(200);
    assertThat(
            send(
                "GET",
                instancesPath,
                sign("GET", instancesPath, null, GET_HEADERS, ZonedDateTime.now()),
                null))
        .isEqualTo(200);
    assertThat(
            send(
                "POST",
                usagePath,
                sign("POST", usagePath, usageBody(), POST_HEADERS, ZonedDateTime.now()),
                usageBody()))
        .isEqualTo(200);
  }

  @Test
  void unsignedGets401() throws Exception {
    assertThat(
            send(
                "GET",
                instancesPath,
                Map.of(
                    "date",
                    DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC))),
                null))
        .isEqualTo(401);
  }

  @Test
  void wrongKeyGets401ThroughTheSdk() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    String otherPem =
        "-----BEGIN PRIVATE KEY-----\n"
            + Base64.getMimeEncoder()
                .encodeToString(generator.generateKeyPair().getPrivate().getEncoded())
            + "\n-----END PRIVATE KEY-----\n";
    OciSimulator sim = SIM.simulator();
    SimulatorCredentials c = sim.credentials();
    SimpleAuthenticationDetailsProvider wrong =
        SimpleAuthenticationDetailsProvider.builder()
            .tenantId(c.tenancyId())
            .userId(c.userId())
            .fingerprint(c.fingerprint())
            .privateKeySupplier(
                () -> new ByteArrayInputStream(otherPem.getBytes(StandardCharsets.US_ASCII)))
            .build();
    try (ComputeClient compute =
        ComputeClient.builder()
            .endpoint(sim.endpoint("ComputeClient", c.region()))
            .configuration(Sdk.config(10_000))
            .build(wrong)) {
      assertThatThrownBy(
              () ->
                  compute.listInstances(
                      ListInstancesRequest.builder().compartmentId(c.tenancyId()).build()))
          .isInstanceOfSatisfying(
              BmcException.class,
              e -> {
                assertThat(e.getStatusCode()).isEqualTo(401);
                assertThat(e.getServiceCode()).isEqualTo("NotAuthenticated");
              });
    }
  }

  @Test
  void bodyChangedAfterSigningGets401() throws Exception {
    Map<String, String> headers = sdkSigned("POST", usagePath, usageBody());
    String tampered = usageBody().replace("DAILY", "MONTH");
    assertThat(tampered).hasSameSizeAs(usageBody()); // same length: only the digest can tell
    assertThat(send("POST", usagePath, headers, tampered)).isEqualTo(401);
  }

  @Test
  void queryChangedAfterSigningGets401() throws Exception {
    Map<String, String> headers = sdkSigned("GET", instancesPath, null);
    assertThat(send("GET", instancesPath + "&limit=1", headers, null)).isEqualTo(401);
  }

  @Test
  void dateChangedAfterSigningGets401() throws Exception {
    Map<String, String> headers = sdkSigned("GET", instancesPath, null);
    headers.put(
        "date",
        DateTimeFormatter.RFC_1123_DATE_TIME.format(
            ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(30)));
    assertThat(send("GET", instancesPath, headers, null)).isEqualTo(401);
  }

  @Test
  void dateMoreThanFiveMinutesOffGets401() throws Exception {
    assertThat(
            send(
                "GET",
                instancesPath,
                sign("GET", instancesPath, null, GET_HEADERS, ZonedDateTime.now().minusMinutes(6)),
                null))
        .isEqualTo(401);
    assertThat(
            send(
                "GET",
                instancesPath,
                sign("GET", instancesPath, null, GET_HEADERS, ZonedDateTime.now().plusMinutes(6)),
                null))
        .isEqualTo(401);
  }

  @Test
  void signedHeadersWithoutRequestTargetOrContentDigestGet401() throws Exception {
    assertThat(
            send(
                "GET",
                instancesPath,
                sign("GET", instancesPath, null, List.of("date", "host"), ZonedDateTime.now()),
                null))
        .isEqualTo(401);
    List<String> noDigest =
        List.of("date", "(request-target)", "host", "content-length", "content-type");
    assertThat(
            send(
                "POST",
                usagePath,
                sign("POST", usagePath, usageBody(), noDigest, ZonedDateTime.now()),
                usageBody()))
        .isEqualTo(401);
  }
}
