package app.cloudey.model;

/**
 * The kinds of resources Cloudey inventories. Volume attachments are not a type of their own: they
 * are recorded on the volume as {@link ResourceSpec#attachedTo()}, so "unattached" is a fact.
 */
public enum ResourceType {
  INSTANCE,
  BOOT_VOLUME,
  BLOCK_VOLUME,
  BOOT_VOLUME_BACKUP,
  VOLUME_BACKUP,
  BUCKET,
  FILE_SYSTEM,
  DB_SYSTEM,
  AUTONOMOUS_DATABASE,
  LOAD_BALANCER;

  /** Stable lower-camel name used in JSON and reports, e.g. {@code bootVolume}. */
  public String key() {
    String[] parts = name().toLowerCase(java.util.Locale.ROOT).split("_");
    StringBuilder key = new StringBuilder(parts[0]);
    for (int i = 1; i < parts.length; i++) {
      key.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i].substring(1));
    }
    return key.toString();
  }

  /** Parses {@link #name()} or {@link #key()}, case-insensitively. */
  public static ResourceType parse(String text) {
    Checks.notBlank(text, "resourceType");
    for (ResourceType type : values()) {
      if (type.name().equalsIgnoreCase(text) || type.key().equalsIgnoreCase(text)) {
        return type;
      }
    }
    throw new app.cloudey.CloudeyConfigException(
        "resourceType '"
            + text
            + "' is unknown; expected one of "
            + java.util.Arrays.toString(values()));
  }
}
