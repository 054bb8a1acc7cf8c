package io.github.hybridshop.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.github.hybridshop.aws.http.ApiHandler;
import io.github.hybridshop.aws.local.LocalApiServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpRequest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The local server hands handlers the payload-2.0 event API Gateway's HTTP API would send. */
class LocalApiEventTest {
  private final AtomicReference<APIGatewayV2HTTPEvent> seen = new AtomicReference<>();
  private LocalApiServer server;
  private HttpClientSupport http;

  /** Records the event and answers 204. */
  private final class Recorder implements ApiHandler {
    @Override
    public List<String> routes() {
      return List.of("POST /things/{id}", "GET /things");
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
      seen.set(event);
      return APIGatewayV2HTTPResponse.builder().withStatusCode(204).build();
    }
  }

  @BeforeEach
  void start() throws IOException {
    server = LocalApiServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 2, List.of(new Recorder()));
    http = new HttpClientSupport(server.baseUri());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void aRequestBecomesTheEventApiGatewayWouldSend() {
    // Payload 2.0: header names lower-cased, repeated headers joined with commas.
    assertThat(http.post("/things/42?b=2&a=1", "{\"n\":1}", "X-Trace", "t1", "X-Trace", "t2").status())
        .isEqualTo(204);

    APIGatewayV2HTTPEvent event = seen.get();
    assertThat(event.getVersion()).isEqualTo("2.0");
    assertThat(event.getRouteKey()).isEqualTo("POST /things/{id}");
    assertThat(event.getRawPath()).isEqualTo("/things/42");
    assertThat(event.getRawQueryString()).isEqualTo("b=2&a=1");
    assertThat(event.getQueryStringParameters()).containsEntry("a", "1").containsEntry("b", "2");
    assertThat(event.getPathParameters()).containsExactlyEntriesOf(Map.of("id", "42"));
    assertThat(event.getHeaders()).containsEntry("content-type", "application/json").containsEntry("x-trace", "t1,t2");
    assertThat(event.getBody()).isEqualTo("{\"n\":1}");
    assertThat(event.getIsBase64Encoded()).isFalse();
    APIGatewayV2HTTPEvent.RequestContext context = event.getRequestContext();
    assertThat(context.getRouteKey()).isEqualTo("POST /things/{id}");
    assertThat(context.getStage()).isEqualTo("$default");
    assertThat(context.getHttp().getMethod()).isEqualTo("POST");
    assertThat(context.getHttp().getPath()).isEqualTo("/things/42");
    assertThat(context.getHttp().getSourceIp()).isEqualTo("127.0.0.1");
    assertThat(context.getTime()).matches("\\d{2}/[A-Z][a-z]{2}/\\d{4}:\\d{2}:\\d{2}:\\d{2} \\+0000");
    assertThat(context.getTimeEpoch()).isPositive();
  }

  @Test
  void aBodyThatIsNotUtf8ArrivesBase64Encoded() {
    byte[] latin1 = {'c', 'a', 'f', (byte) 0xE9};
    http.send(
        HttpRequest.newBuilder(server.baseUri().resolve("/things/7"))
            .header("Content-Type", "text/plain; charset=ISO-8859-1")
            .POST(HttpRequest.BodyPublishers.ofByteArray(latin1)));

    assertThat(seen.get().getIsBase64Encoded()).isTrue();
    assertThat(Base64.getDecoder().decode(seen.get().getBody())).isEqualTo(latin1);
  }

  @Test
  void aRequestWithoutQueryOrBodyHasNoneInTheEvent() {
    assertThat(http.get("/things").status()).isEqualTo(204);

    APIGatewayV2HTTPEvent event = seen.get();
    assertThat(event.getRawQueryString()).isEmpty();
    assertThat(event.getQueryStringParameters()).isNull();
    assertThat(event.getPathParameters()).isNull();
    assertThat(event.getBody()).isNull();
  }
}
