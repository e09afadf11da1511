package app.cloudey.server.internal;

import app.cloudey.CloudeyConfigException;
import app.cloudey.oci.OciConfig;
import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code CLOUDEY_OCI_ENDPOINTS}: a simulator's {@code endpoints.json} (SDK client simple name to a
 * URL template with {@code {region}}) as an endpoint override for every account.
 */
public final class Endpoints {
  private Endpoints() {}

  public static OciConfig.EndpointOverride read(Path file) {
    Map<String, String> templates;
    try {
      templates =
          Json.MAPPER.readValue(
              Files.readString(file), new TypeReference<Map<String, String>>() {});
    } catch (IOException e) {
      throw new CloudeyConfigException(
          "CLOUDEY_OCI_ENDPOINTS: cannot read "
              + file
              + " as a JSON object of client name to URL template: "
              + e.getMessage(),
          e);
    }
    if (templates == null || templates.isEmpty()) {
      throw new CloudeyConfigException("CLOUDEY_OCI_ENDPOINTS: " + file + " lists no endpoints");
    }
    Map<String, String> copy = Map.copyOf(templates);
    return (client, region) -> {
      String template = copy.get(client.replace("AsyncClient", "Client"));
      return template == null ? null : template.replace("{region}", region);
    };
  }
}
