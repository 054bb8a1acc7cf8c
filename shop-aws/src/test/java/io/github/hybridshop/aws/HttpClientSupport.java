package io.github.hybridshop.aws;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.hybridshop.api.JsonCodec;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A small JSON client for tests against the local API server. */
public final class HttpClientSupport {
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final URI base;

  public HttpClientSupport(URI base) {
    this.base = base;
  }

  public record Reply(int status, String contentType, java.net.http.HttpHeaders headers, String body) {
    public JsonNode json() {
      return JsonCodec.readTree(body);
    }
  }

  public Reply get(String path) {
    return send(HttpRequest.newBuilder(base.resolve(path)).GET());
  }

  public Reply post(String path, String body, String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return send(request);
  }

  public Reply send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response =
          client.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(
          response.statusCode(),
          response.headers().firstValue("content-type").orElse(""),
          response.headers(),
          response.body());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
