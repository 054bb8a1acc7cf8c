package io.github.hybridshop.gcp.analytics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local stand-in for the BigQuery REST API, enough for query jobs: {@code jobs.insert},
 * {@code jobs.query}, {@code jobs.get} and {@code getQueryResults} with paging. Each query is
 * answered from the first scripted {@link Answer} whose marker its SQL contains; failing answers
 * produce a job whose {@code status.errorResult} is set, and HTTP 400 on its results, the way
 * BigQuery reports an invalid query. Every request body is recorded.
 */
final class FakeBigQuery implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * @param sqlMarker text the SQL must contain
   * @param fields column name to BigQuery type, in order
   * @param pages rows per page; each row's values as REST strings ({@code null} for NULL)
   * @param error when set, the job fails with this message
   */
  record Answer(String sqlMarker, List<String[]> fields, List<List<List<String>>> pages, String error) {}

  private final HttpServer server;
  private final List<Answer> answers = new CopyOnWriteArrayList<>();
  private final Map<String, Answer> jobs = new ConcurrentHashMap<>();
  final List<JsonNode> queryRequests = new CopyOnWriteArrayList<>();
  final List<String> requestLines = new CopyOnWriteArrayList<>();
  private final AtomicInteger ids = new AtomicInteger();
  /** What went wrong inside the fake itself (a test asserting on it sees a broken fake, not a client bug). */
  final List<Throwable> failures = new CopyOnWriteArrayList<>();

  FakeBigQuery() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  void answer(Answer answer) {
    answers.add(answer);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try {
      String method = exchange.getRequestMethod();
      String path = exchange.getRequestURI().getPath();
      String query = exchange.getRequestURI().getRawQuery();
      requestLines.add(method + " " + path + (query == null ? "" : "?" + query));
      // The client gzips request bodies.
      boolean gzip = "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"));
      byte[] body =
          (gzip ? new java.util.zip.GZIPInputStream(exchange.getRequestBody()) : exchange.getRequestBody()).readAllBytes();
      String[] parts = path.replaceFirst("^/bigquery/v2/", "").split("/");
      // projects/{p}/jobs | projects/{p}/queries | projects/{p}/jobs/{id} | projects/{p}/queries/{id}
      String project = parts[1];
      if ("POST".equals(method) && parts.length == 3 && parts[2].equals("jobs")) {
        JsonNode job = JSON.readTree(body);
        queryRequests.add(job);
        String jobId = job.path("jobReference").path("jobId").asText("job_" + ids.incrementAndGet());
        String location = job.path("jobReference").path("location").asText(null);
        Answer answer = match(job.path("configuration").path("query").path("query").asText());
        jobs.put(jobId, answer);
        send(exchange, 200, jobResource(project, jobId, location, job.path("configuration"), answer));
      } else if ("POST".equals(method) && parts.length == 3 && parts[2].equals("queries")) {
        JsonNode request = JSON.readTree(body);
        queryRequests.add(request);
        String jobId = "job_" + ids.incrementAndGet();
        Answer answer = match(request.path("query").asText());
        jobs.put(jobId, answer);
        if (answer.error() != null) {
          send(exchange, 400, error(answer.error()));
        } else {
          send(exchange, 200, results(project, jobId, request.path("location").asText(null), answer, 0, "bigquery#queryResponse"));
        }
      } else if ("GET".equals(method) && parts.length == 4 && parts[2].equals("jobs")) {
        Answer answer = jobs.get(parts[3]);
        send(exchange, answer == null ? 404 : 200,
            answer == null ? error("Not found: Job " + parts[3]) : jobResource(project, parts[3], param(query, "location"), JSON.createObjectNode(), answer));
      } else if ("GET".equals(method) && parts.length == 4 && parts[2].equals("queries")) {
        Answer answer = jobs.get(parts[3]);
        if (answer == null) {
          send(exchange, 404, error("Not found: Job " + parts[3]));
        } else if (answer.error() != null) {
          send(exchange, 400, error(answer.error()));
        } else {
          String token = param(query, "pageToken");
          int page = token == null ? 0 : Integer.parseInt(token.substring("page-".length()));
          ObjectNode results = results(project, parts[3], param(query, "location"), answer, page, "bigquery#getQueryResultsResponse");
          if ("0".equals(param(query, "maxResults"))) {
            // Asked for the schema only.
            results.remove(List.of("rows", "pageToken"));
          }
          send(exchange, 200, results);
        }
      } else if ("GET".equals(method) && parts.length == 7 && parts[2].equals("datasets") && parts[6].equals("data")) {
        // tabledata.list on the job's anonymous result table: how the client pages rows.
        Answer answer = jobs.get(parts[5].substring("anon_".length()).replace('_', '-'));
        String token = param(query, "pageToken");
        int page = token == null ? 0 : Integer.parseInt(token.substring("page-".length()));
        ObjectNode data = results(project, "", null, answer, page, "bigquery#tableDataList");
        data.remove(List.of("jobReference", "jobComplete", "schema"));
        send(exchange, 200, data);
      } else {
        send(exchange, 404, error("the fake does not serve " + method + " " + path));
      }
    } catch (IOException | RuntimeException | Error e) {
      failures.add(e);
      send(exchange, 500, error(e.toString()));
    }
  }

  private Answer match(String sql) {
    return answers.stream()
        .filter(answer -> sql.contains(answer.sqlMarker()))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no scripted answer for " + sql));
  }

  private static ObjectNode jobResource(String project, String jobId, String location, JsonNode configuration, Answer answer) {
    ObjectNode job = JSON.createObjectNode();
    job.put("kind", "bigquery#job");
    job.put("id", project + ":" + location + "." + jobId);
    ObjectNode reference = job.putObject("jobReference");
    reference.put("projectId", project);
    reference.put("jobId", jobId);
    if (location != null) {
      reference.put("location", location);
    }
    ObjectNode config = configuration.isObject() ? ((ObjectNode) configuration).deepCopy() : JSON.createObjectNode();
    // Like BigQuery: results land in an anonymous table the client may page through.
    ObjectNode destination = config.with("query").putObject("destinationTable");
    destination.put("projectId", project);
    destination.put("datasetId", "_anonymous");
    destination.put("tableId", "anon_" + jobId.replace('-', '_'));
    job.set("configuration", config);
    ObjectNode status = job.putObject("status");
    status.put("state", "DONE");
    if (answer.error() != null) {
      ObjectNode errorResult = status.putObject("errorResult");
      errorResult.put("reason", "invalidQuery");
      errorResult.put("message", answer.error());
      status.putArray("errors").add(errorResult.deepCopy());
    }
    ObjectNode statistics = job.putObject("statistics");
    statistics.put("creationTime", "1764567600000");
    statistics.put("startTime", "1764567600001");
    statistics.put("endTime", "1764567600002");
    return job;
  }

  private static ObjectNode results(String project, String jobId, String location, Answer answer, int page, String kind) {
    ObjectNode response = JSON.createObjectNode();
    response.put("kind", kind);
    ObjectNode reference = response.putObject("jobReference");
    reference.put("projectId", project);
    reference.put("jobId", jobId);
    if (location != null) {
      reference.put("location", location);
    }
    response.put("jobComplete", true);
    ArrayNode fields = response.putObject("schema").putArray("fields");
    for (String[] field : answer.fields()) {
      ObjectNode f = fields.addObject();
      f.put("name", field[0]);
      f.put("type", field[1]);
      f.put("mode", "NULLABLE");
    }
    response.put("totalRows", Integer.toString(answer.pages().stream().mapToInt(List::size).sum()));
    ArrayNode rows = response.putArray("rows");
    for (List<String> row : answer.pages().isEmpty() ? List.<List<String>>of() : answer.pages().get(page)) {
      ArrayNode cells = rows.addObject().putArray("f");
      for (String value : row) {
        ObjectNode cell = cells.addObject();
        if (value == null) {
          cell.putNull("v");
        } else {
          cell.put("v", value);
        }
      }
    }
    if (page + 1 < answer.pages().size()) {
      response.put("pageToken", "page-" + (page + 1));
    }
    return response;
  }

  private static ObjectNode error(String message) {
    ObjectNode body = JSON.createObjectNode();
    ObjectNode error = body.putObject("error");
    error.put("code", 400);
    error.put("message", message);
    error.put("status", "INVALID_ARGUMENT");
    ArrayNode errors = error.putArray("errors");
    ObjectNode detail = errors.addObject();
    detail.put("reason", "invalidQuery");
    detail.put("message", message);
    return body;
  }

  private static String param(String query, String name) {
    if (query == null) {
      return null;
    }
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && pair.substring(0, eq).equals(name)) {
        return java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      }
    }
    return null;
  }

  private static void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(body);
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  List<String> requestLines() {
    return new ArrayList<>(requestLines);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
