package app.cloudey;

import org.jspecify.annotations.Nullable;

/** Bad input or configuration: the message names the field and what a valid value looks like. */
public class CloudeyConfigException extends CloudeyException {
  private static final long serialVersionUID = 1L;

  public CloudeyConfigException(String message) {
    super(message);
  }

  public CloudeyConfigException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
