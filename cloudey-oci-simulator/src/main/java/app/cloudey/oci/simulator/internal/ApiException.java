package app.cloudey.oci.simulator.internal;

/** An error answered as OCI answers it: status plus JSON {@code {code, message}}. */
final class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  final int status;
  final String code;

  ApiException(int status, String code, String message) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
  }

  static ApiException invalid(String message) {
    return new ApiException(400, "InvalidParameter", message);
  }

  static ApiException missing(String parameter) {
    return new ApiException(
        400, "MissingParameter", "Missing required parameter '" + parameter + "'");
  }

  static ApiException notFound(String message) {
    return new ApiException(404, "NotAuthorizedOrNotFound", message);
  }

  static String codeFor(int status) {
    return switch (status) {
      case 400 -> "InvalidParameter";
      case 401 -> "NotAuthenticated";
      case 404 -> "NotAuthorizedOrNotFound";
      case 409 -> "IncorrectState";
      case 429 -> "TooManyRequests";
      case 503 -> "ServiceUnavailable";
      default -> "InternalServerError";
    };
  }
}
