package app.cloudey.oci.internal;

import app.cloudey.CloudeyConfigException;
import com.oracle.bmc.Region;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Format checks of OCI identifiers, each failure naming the field and a valid example. */
public final class ConfigChecks {
  // ocid1.<type>.<realm>.[region][.future].<unique id>
  private static final Pattern OCID =
      Pattern.compile("ocid1\\.([a-z0-9]+)\\.[a-z0-9]+\\.[a-z0-9-]*(\\.[a-z0-9-]+)*\\.[a-z0-9]+");
  private static final Pattern REGION = Pattern.compile("[a-z]+(-[a-z]+)+-[0-9]+");

  private ConfigChecks() {}

  /** Checks {@code value} is an OCID of {@code type}, e.g. {@code tenancy} or {@code user}. */
  public static String ocid(@Nullable String value, String type, String field) {
    String v = required(value, field).trim();
    var m = OCID.matcher(v);
    if (v.length() > 255 || !m.matches()) {
      throw new CloudeyConfigException(
          field
              + " '"
              + v
              + "' is not an OCID: expected 'ocid1."
              + type
              + ".oc1..<unique id>' as shown in the OCI console");
    }
    if (!m.group(1).equals(type)) {
      throw new CloudeyConfigException(
          field
              + " '"
              + v
              + "' is the OCID of a "
              + m.group(1)
              + ", not of a "
              + type
              + ": expected 'ocid1."
              + type
              + ".oc1..<unique id>'");
    }
    return v;
  }

  /** Checks a region id, e.g. {@code us-ashburn-1}, is one the OCI SDK knows. */
  public static String region(@Nullable String value, String field) {
    String v = required(value, field).trim().toLowerCase(Locale.ROOT);
    if (!REGION.matcher(v).matches()) {
      throw new CloudeyConfigException(
          field + " '" + value + "' is not a region identifier: expected e.g. 'us-ashburn-1'");
    }
    try {
      Region.fromRegionId(v);
    } catch (IllegalArgumentException e) {
      throw new CloudeyConfigException(
          field
              + " '"
              + v
              + "' is not a known OCI region: use a region identifier such as 'us-ashburn-1' or"
              + " 'eu-frankfurt-1' (Governance > Region management in the console)",
          e);
    }
    return v;
  }

  /** Checks the {@code aa:bb:...:ff} fingerprint form; returns it lower-cased. */
  public static String fingerprint(@Nullable String value, String field) {
    String v = required(value, field).trim().toLowerCase(Locale.ROOT);
    if (!PemKeys.isFingerprint(v)) {
      throw new CloudeyConfigException(
          field
              + " '"
              + value
              + "' is not a key fingerprint: expected 16 colon-separated hex bytes, e.g."
              + " '20:3b:97:13:55:1c:5b:0d:d3:37:d8:50:4e:c5:3a:34'");
    }
    return v;
  }

  public static String required(@Nullable String value, String field) {
    if (value == null || value.isBlank()) {
      throw new CloudeyConfigException("OCI config lacks " + field);
    }
    return value;
  }
}
