package io.github.hybridshop.examples.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * One persistent HTTP/1.1 connection for one load thread: writes a request, reads the status line,
 * headers and a {@code Content-Length} body. It does what wrk does per connection and little else,
 * because on a 2-core machine every cycle the client burns is taken from the server it measures
 * ({@code java.net.http.HttpClient}'s asynchronous pipeline cost about as much CPU per request as
 * the API layer under test). Not thread-safe; not a general client (no chunked bodies, no
 * redirects, no TLS).
 */
final class KeepAliveClient implements AutoCloseable {
  /** A response: the status and the body as text. */
  record Response(int status, String body) {}

  private final URI base;
  private final String host;
  private Socket socket;
  private InputStream in;
  private OutputStream out;

  KeepAliveClient(URI base) {
    this.base = base;
    this.host = base.getHost() + ":" + base.getPort();
  }

  /**
   * Sends one request and reads the whole response; reconnects once if the server had closed the
   * idle connection.
   */
  Response send(String method, String path, Map<String, String> headers, String body) throws IOException {
    byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    StringBuilder head = new StringBuilder(256).append(method).append(' ').append(path).append(" HTTP/1.1\r\nHost: ")
        .append(host).append("\r\nContent-Length: ").append(content.length).append("\r\n");
    headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
    byte[] request = head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    boolean fresh = socket == null;
    try {
      return exchange(request, content);
    } catch (IOException e) {
      close();
      if (fresh) {
        throw e;
      }
      return exchange(request, content);
    }
  }

  private Response exchange(byte[] request, byte[] content) throws IOException {
    if (socket == null) {
      socket = new Socket(base.getHost(), base.getPort());
      socket.setTcpNoDelay(true);
      in = new BufferedInputStream(socket.getInputStream(), 8192);
      out = socket.getOutputStream();
    }
    byte[] message = new byte[request.length + content.length];
    System.arraycopy(request, 0, message, 0, request.length);
    System.arraycopy(content, 0, message, request.length, content.length);
    out.write(message);
    out.flush();
    String status = line();
    if (!status.startsWith("HTTP/1.1 ") || status.length() < 12) {
      throw new IOException("not an HTTP/1.1 status line: " + status);
    }
    int length = -1;
    boolean close = false;
    for (String header = line(); !header.isEmpty(); header = line()) {
      String lower = header.toLowerCase(Locale.ROOT);
      if (lower.startsWith("content-length:")) {
        length = Integer.parseInt(lower.substring(15).strip());
      } else if (lower.startsWith("transfer-encoding:")) {
        throw new IOException("chunked responses are not supported: " + header);
      } else if (lower.startsWith("connection:") && lower.contains("close")) {
        close = true;
      }
    }
    String body = length <= 0 ? "" : new String(in.readNBytes(length), StandardCharsets.UTF_8);
    if (close) {
      close();
    }
    return new Response(Integer.parseInt(status.substring(9, 12)), body);
  }

  private String line() throws IOException {
    StringBuilder line = new StringBuilder(64);
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        throw new IOException("connection closed mid-response");
      }
      if (b != '\r') {
        line.append((char) b);
      }
    }
    return line.toString();
  }

  @Override
  public void close() {
    if (socket != null) {
      try {
        socket.close();
      } catch (IOException ignored) {
        // closing a dead connection: nothing to recover
      }
      socket = null;
    }
  }
}
