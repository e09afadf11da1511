package app.cloudey.server.internal;

import io.javalin.http.Context;
import jakarta.servlet.ServletOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Server-sent events written by hand on the response, for any method (Javalin's {@code sse()} is
 * GET-only, the chat stream is a POST). Each event is flushed at once. A write to a client that has
 * gone away throws {@link UncheckedIOException}, which stops the producer.
 */
public final class SseWriter {
  private final ServletOutputStream out;

  public SseWriter(Context ctx) {
    ctx.status(200);
    ctx.res().setContentType("text/event-stream");
    ctx.res().setCharacterEncoding("UTF-8");
    ctx.res().setHeader("Cache-Control", "no-cache");
    ctx.res().setHeader("X-Accel-Buffering", "no");
    try {
      this.out = ctx.res().getOutputStream();
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Sends {@code event: name} with {@code data} as one line of JSON. */
  public synchronized void send(String name, Object data) {
    String frame = "event: " + name + "\ndata: " + Json.write(data) + "\n\n";
    try {
      out.write(frame.getBytes(StandardCharsets.UTF_8));
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("the client went away", e);
    }
  }

  /** A comment line, to keep proxies from closing an idle stream. */
  public synchronized void ping() {
    try {
      out.write(": ping\n\n".getBytes(StandardCharsets.UTF_8));
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("the client went away", e);
    }
  }
}
