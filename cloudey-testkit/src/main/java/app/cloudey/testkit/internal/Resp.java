package app.cloudey.testkit.internal;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A minimal blocking Redis (RESP2) client for the handful of admin commands the extension needs
 * (AUTH, SELECT, DBSIZE, FLUSHDB, PING, CONFIG GET), so the test kit brings no Redis client library
 * that could clash with the application's. Not thread-safe; one per use.
 */
public final class Resp implements AutoCloseable {
  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;

  public Resp(String host, int port, @Nullable String password) {
    try {
      socket = new Socket();
      socket.connect(new InetSocketAddress(host, port), 5_000);
      socket.setSoTimeout(10_000);
      in = new BufferedInputStream(socket.getInputStream());
      out = socket.getOutputStream();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot connect to Redis at " + host + ":" + port, e);
    }
    if (password != null && !password.isEmpty()) {
      command("AUTH", password);
    }
  }

  /** Sends one command and returns its reply: String, Long, List or null. */
  public @Nullable Object command(String... args) {
    try {
      ByteArrayOutputStream request = new ByteArrayOutputStream();
      request.write(("*" + args.length + "\r\n").getBytes(StandardCharsets.UTF_8));
      for (String arg : args) {
        byte[] bytes = arg.getBytes(StandardCharsets.UTF_8);
        request.write(("$" + bytes.length + "\r\n").getBytes(StandardCharsets.UTF_8));
        request.write(bytes);
        request.write("\r\n".getBytes(StandardCharsets.UTF_8));
      }
      out.write(request.toByteArray());
      out.flush();
      return read();
    } catch (IOException e) {
      throw new UncheckedIOException("Redis command " + args[0] + " failed", e);
    }
  }

  private @Nullable Object read() throws IOException {
    int type = in.read();
    String line = line();
    switch (type) {
      case '+':
        return line;
      case '-':
        throw new IOException("Redis error: " + line);
      case ':':
        return Long.parseLong(line);
      case '$':
        {
          int length = Integer.parseInt(line);
          if (length < 0) {
            return null;
          }
          byte[] data = in.readNBytes(length + 2);
          return new String(data, 0, length, StandardCharsets.UTF_8);
        }
      case '*':
        {
          int count = Integer.parseInt(line);
          if (count < 0) {
            return null;
          }
          List<@Nullable Object> items = new ArrayList<>(count);
          for (int i = 0; i < count; i++) {
            items.add(read());
          }
          return items;
        }
      default:
        throw new IOException("unexpected Redis reply type " + type);
    }
  }

  private String line() throws IOException {
    StringBuilder line = new StringBuilder();
    int c;
    while ((c = in.read()) != '\r') {
      if (c < 0) {
        throw new IOException("Redis closed the connection");
      }
      line.append((char) c);
    }
    in.read(); // '\n'
    return line.toString();
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException ignored) {
      // closing a socket we are done with
    }
  }
}
