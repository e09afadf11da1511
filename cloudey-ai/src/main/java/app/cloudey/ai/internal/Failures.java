package app.cloudey.ai.internal;

import app.cloudey.AssistantEvent.ErrorKind;
import app.cloudey.CloudeyAuthException;
import app.cloudey.CloudeyConfigException;
import app.cloudey.CloudeyException;
import app.cloudey.CloudeyProviderException;
import app.cloudey.CloudeyRateLimitedException;
import app.cloudey.CloudeyStoreException;
import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.exception.UnresolvedModelServerException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * Turns what a model call threw into a clear {@link AssistantFailure}: the LangChain4j exception
 * tree (and the JDK's network exceptions under it) mapped to Cloudey's exceptions, with the
 * provider's own message quoted and no stack trace in the text.
 */
final class Failures {
  private static final int QUOTE_LIMIT = 300;

  private Failures() {}

  /** A failure of the model call; {@code attempts} is how many calls were made. */
  static AssistantFailure fromModel(Throwable thrown, int attempts) {
    if (thrown instanceof AssistantFailure failure) {
      return failure;
    }
    String tries = attempts > 1 ? " after " + attempts + " attempts" : "";
    String said = providerMessage(thrown);
    int status = status(thrown);
    if (has(thrown, AuthenticationException.class)) {
      return new AssistantFailure(
          ErrorKind.AUTHENTICATION,
          new CloudeyAuthException(
              "the LLM provider refused the API key (HTTP "
                  + statusOr(status, "401")
                  + ")"
                  + said
                  + ": check the key configured for the assistant",
              thrown,
              null));
    }
    if (has(thrown, RateLimitException.class)) {
      return new AssistantFailure(
          ErrorKind.RATE_LIMITED,
          new CloudeyRateLimitedException(
              "the LLM provider is rate limiting requests (HTTP 429)"
                  + tries
                  + said
                  + ": wait a moment and ask again",
              null,
              thrown,
              null));
    }
    if (has(thrown, TimeoutException.class)
        || has(thrown, HttpTimeoutException.class)
        || has(thrown, SocketTimeoutException.class)
        || has(thrown, java.util.concurrent.TimeoutException.class)) {
      return timeout("the LLM provider did not answer in time" + tries, thrown);
    }
    if (has(thrown, InternalServerException.class)) {
      return new AssistantFailure(
          ErrorKind.PROVIDER_UNAVAILABLE,
          new CloudeyProviderException(
              "the LLM provider failed (HTTP "
                  + statusOr(status, "5xx")
                  + ")"
                  + tries
                  + said
                  + ": try again later",
              status,
              thrown,
              null));
    }
    if (has(thrown, UnresolvedModelServerException.class) || has(thrown, ConnectException.class)) {
      return new AssistantFailure(
          ErrorKind.PROVIDER_UNAVAILABLE,
          new CloudeyProviderException(
              "cannot reach the LLM provider"
                  + tries
                  + said
                  + ": check its base URL and that it is running",
              -1,
              thrown,
              null));
    }
    if (has(thrown, ModelNotFoundException.class)) {
      return new AssistantFailure(
          ErrorKind.INVALID_REQUEST,
          new CloudeyConfigException(
              "the LLM provider does not know the model (HTTP 404)"
                  + said
                  + ": check the model name",
              thrown));
    }
    if (has(thrown, InvalidRequestException.class)) {
      return new AssistantFailure(
          ErrorKind.INVALID_REQUEST,
          new CloudeyProviderException(
              "the LLM provider rejected the request (HTTP " + statusOr(status, "4xx") + ")" + said,
              status,
              thrown,
              null));
    }
    return new AssistantFailure(
        ErrorKind.PROVIDER_UNAVAILABLE,
        new CloudeyProviderException(
            "the call to the LLM provider failed" + tries + ": " + describe(thrown),
            status,
            thrown,
            null));
  }

  static AssistantFailure timeout(String message, @Nullable Throwable cause) {
    return new AssistantFailure(
        ErrorKind.TIMEOUT,
        new CloudeyProviderException(
            message + ": try again, or raise the timeout", -1, cause, null));
  }

  static AssistantFailure cancelled() {
    return new AssistantFailure(
        ErrorKind.CANCELLED,
        new CloudeyException(
            "the answer was cancelled (the caller went away); nothing was stored"));
  }

  static AssistantFailure tooManyToolRounds(int cap) {
    return new AssistantFailure(
        ErrorKind.TOO_MANY_TOOL_ROUNDS,
        new CloudeyException(
            "the model asked for tools more than "
                + cap
                + " times for one question, so the answer was stopped: ask a narrower question"
                + " (or raise AssistantOptions.maxToolRounds)"));
  }

  static AssistantFailure emptyAnswer() {
    return new AssistantFailure(
        ErrorKind.PROVIDER_UNAVAILABLE,
        new CloudeyProviderException(
            "the LLM returned an empty answer: ask again", -1, null, null));
  }

  /** A failure of Cloudey's own code (store, bug) while answering. */
  static AssistantFailure fromCloudey(RuntimeException e) {
    if (e instanceof AssistantFailure failure) {
      return failure;
    }
    if (e instanceof CloudeyStoreException store) {
      return new AssistantFailure(ErrorKind.STORE_FAILURE, store);
    }
    if (e instanceof CloudeyConfigException config) {
      return new AssistantFailure(ErrorKind.INVALID_REQUEST, config);
    }
    if (e instanceof CloudeyException cloudey) {
      return new AssistantFailure(ErrorKind.INTERNAL, cloudey);
    }
    return new AssistantFailure(
        ErrorKind.INTERNAL, new CloudeyException("the assistant failed: " + describe(e), e));
  }

  private static boolean has(Throwable thrown, Class<? extends Throwable> type) {
    for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  private static int status(Throwable thrown) {
    for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof HttpException http) {
        return http.statusCode();
      }
    }
    return -1;
  }

  private static String statusOr(int status, String otherwise) {
    return status > 0 ? Integer.toString(status) : otherwise;
  }

  /** {@code "; the provider said: ..."} from an HTTP error body, or empty. */
  private static String providerMessage(Throwable thrown) {
    for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof HttpException && t.getMessage() != null && !t.getMessage().isBlank()) {
        return "; the provider said: " + quote(t.getMessage());
      }
    }
    return "";
  }

  static String describe(Throwable thrown) {
    Throwable root = thrown;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage();
    return message == null || message.isBlank() ? root.getClass().getSimpleName() : quote(message);
  }

  private static String quote(String text) {
    String flat = text.replaceAll("\\s+", " ").strip();
    return flat.length() <= QUOTE_LIMIT ? flat : flat.substring(0, QUOTE_LIMIT) + "…";
  }
}
