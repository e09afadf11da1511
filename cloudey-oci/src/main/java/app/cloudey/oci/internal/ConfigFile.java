package app.cloudey.oci.internal;

import app.cloudey.CloudeyConfigException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Reads a profile of an OCI CLI/SDK config file ({@code ~/.oci/config}): INI sections, {@code
 * key=value} lines, {@code #} and {@code ;} comments, and values of {@code [DEFAULT]} inherited by
 * every profile, as the SDK does. Stateless.
 */
public final class ConfigFile {
  private ConfigFile() {}

  /** The profile's values (DEFAULT's included) with the file it came from. */
  public record Profile(Path file, String name, Map<String, String> values) {
    public @Nullable String get(String key) {
      String value = values.get(key);
      return value == null || value.isBlank() ? null : value.trim();
    }

    /** Keys whose values are secrets: never printed. */
    private static final Set<String> SECRETS = Set.of("pass_phrase", "key_content");

    /**
     * The file, profile and values, with secret values ({@code pass_phrase}, {@code key_content})
     * redacted.
     */
    @Override
    public String toString() {
      Map<String, String> shown = new TreeMap<>();
      values.forEach(
          (k, v) -> shown.put(k, SECRETS.contains(k.toLowerCase(Locale.ROOT)) ? "<redacted>" : v));
      return "Profile[file=" + file + ", name=" + name + ", values=" + shown + "]";
    }

    public String require(String key) {
      String value = get(key);
      if (value == null) {
        throw new CloudeyConfigException(
            "profile [" + name + "] of OCI config file " + file + " lacks '" + key + "'");
      }
      return value;
    }

    /**
     * Reads {@code key_file}. A leading {@code ~} is the parent of the {@code .oci} directory that
     * holds the config file (the library reads no environment); other relative paths are relative
     * to the config file's directory.
     */
    public String readKeyFile() {
      String keyFile = require("key_file");
      Path path = resolve(keyFile);
      try {
        return Files.readString(path, StandardCharsets.UTF_8);
      } catch (IOException | RuntimeException e) {
        throw new CloudeyConfigException(
            "key_file '"
                + keyFile
                + "' of profile ["
                + name
                + "] in "
                + file
                + " cannot be read ("
                + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + e.getMessage())
                + "): check the path and its permissions",
            e);
      }
    }

    private Path resolve(String keyFile) {
      Path dir = file.toAbsolutePath().getParent();
      if (keyFile.equals("~") || keyFile.startsWith("~/")) {
        Path home = dir == null ? null : dir.getParent();
        if (dir == null
            || home == null
            || dir.getFileName() == null
            || !dir.getFileName().toString().equals(".oci")) {
          throw new CloudeyConfigException(
              "key_file '"
                  + keyFile
                  + "' in "
                  + file
                  + " starts with '~' but the config file is not in a '.oci' directory, so the"
                  + " home directory is unknown: use an absolute path");
        }
        return keyFile.length() <= 2 ? home : home.resolve(keyFile.substring(2));
      }
      Path path = Path.of(keyFile);
      return path.isAbsolute() || dir == null ? path : dir.resolve(path);
    }
  }

  /**
   * Reads one profile.
   *
   * @throws CloudeyConfigException the file cannot be read or has no such profile
   */
  public static Profile read(Path file, String profile) {
    if (profile == null || profile.isBlank()) {
      throw new CloudeyConfigException("OCI config profile must not be blank, e.g. 'DEFAULT'");
    }
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      throw new CloudeyConfigException(
          "OCI config file "
              + file
              + " cannot be read ("
              + e.getClass().getSimpleName()
              + "): create it with `oci setup config` or configure with OciConfig.builder()",
          e);
    }
    Map<String, Map<String, String>> sections = parse(file, lines);
    Map<String, String> values = new HashMap<>(sections.getOrDefault("DEFAULT", Map.of()));
    Map<String, String> own = sections.get(profile);
    if (own == null) {
      throw new CloudeyConfigException(
          "OCI config file "
              + file
              + " has no profile ["
              + profile
              + "]; profiles found: "
              + sections.keySet());
    }
    values.putAll(own);
    return new Profile(file, profile, Map.copyOf(values));
  }

  static Map<String, Map<String, String>> parse(Path file, List<String> lines) {
    Map<String, Map<String, String>> sections = new LinkedHashMap<>();
    Map<String, String> current = null;
    int number = 0;
    for (String raw : lines) {
      number++;
      String line = raw.trim();
      if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
        continue;
      }
      if (line.startsWith("[") && line.endsWith("]")) {
        current =
            sections.computeIfAbsent(
                line.substring(1, line.length() - 1).trim(), k -> new LinkedHashMap<>());
        continue;
      }
      int eq = line.indexOf('=');
      if (eq <= 0 || current == null) {
        throw new CloudeyConfigException(
            "OCI config file "
                + file
                + " line "
                + number
                + " is not 'key=value' inside a [PROFILE] section");
      }
      current.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
    }
    return sections;
  }
}
