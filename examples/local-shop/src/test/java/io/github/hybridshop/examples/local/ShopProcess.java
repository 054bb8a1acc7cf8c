package io.github.hybridshop.examples.local;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * {@code java -jar shop-local.jar} as a child JVM (the main class on the test class path), so a
 * test can signal it like an operator: {@link #sigterm()} is {@code kill -TERM}, {@link #kill9()}
 * is {@code kill -9}. Its standard output is collected line by line; its standard error goes to
 * a file shown when an expectation fails.
 */
final class ShopProcess {
  /** How long any awaited condition may take on a busy two-core machine; never a timing claim. */
  static final Duration PATIENCE = Duration.ofMinutes(3);

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final Process process;
  private final Path stderr;
  private final int apiPort;
  private final List<String> lines = new CopyOnWriteArrayList<>();

  private ShopProcess(Process process, Path stderr, int apiPort) {
    this.process = process;
    this.stderr = stderr;
    this.apiPort = apiPort;
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader out =
                  new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null; ) {
                  lines.add(line);
                }
              } catch (IOException e) {
                lines.add("(output unreadable: " + e.getMessage() + ")");
              }
            },
            "shop-process-output");
    reader.setDaemon(true);
    reader.start();
  }

  /**
   * Starts the shop on a data directory with free ports.
   *
   * @param dataDir the data directory
   * @param extra more arguments, such as {@code --demo-data}
   * @return the running child
   */
  static ShopProcess start(Path dataDir, String... extra) throws IOException {
    int apiPort = freePort();
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                LocalShop.class.getName(),
                "--api-port",
                Integer.toString(apiPort),
                "--web-port",
                Integer.toString(freePort()),
                "--data-dir",
                dataDir.toString()));
    command.addAll(Arrays.asList(extra));
    Path stderr = Files.createTempFile("shop-local-stderr", ".txt");
    Process process =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.appendTo(stderr.toFile())).start();
    return new ShopProcess(process, stderr, apiPort);
  }

  /** @return the API's base URI */
  URI api() {
    return URI.create("http://127.0.0.1:" + apiPort);
  }

  /** @return the child's process id */
  long pid() {
    return process.pid();
  }

  /** Sends SIGTERM, as {@code kill} does. */
  void sigterm() {
    // Through the handle: Process.destroy() would also close the pipe the output is read from.
    process.toHandle().destroy();
  }

  /** Sends SIGKILL: no shutdown hook runs. */
  void kill9() {
    process.toHandle().destroyForcibly();
  }

  /**
   * Waits for a line of output.
   *
   * @param wanted what the line must satisfy
   * @return the line
   * @throws AssertionError with the output so far when no such line came
   */
  String awaitLine(Predicate<String> wanted, String what) {
    awaitCondition(() -> lines.stream().anyMatch(wanted) || !process.isAlive(), what);
    return lines.stream().filter(wanted).findFirst().orElseThrow(() -> new AssertionError("no line " + what + "\n" + report()));
  }

  /**
   * Waits until {@code GET path} on the API answers at all.
   *
   * @return the first answer's status
   */
  int awaitFirstAnswer(String path) {
    int[] status = {0};
    awaitCondition(
        () -> {
          status[0] = get(path).map(HttpResponse::statusCode).orElse(0);
          return status[0] != 0 || !process.isAlive();
        },
        "an answer on " + path);
    if (status[0] == 0) {
      throw new AssertionError("the shop exited before " + path + " answered\n" + report());
    }
    return status[0];
  }

  /**
   * Sends {@code GET path} to the API.
   *
   * @return the response, or empty when nothing answered
   */
  Optional<HttpResponse<String>> get(String path) {
    try {
      return Optional.of(
          HTTP.send(
              HttpRequest.newBuilder(api().resolve(path)).timeout(Duration.ofSeconds(10)).build(),
              HttpResponse.BodyHandlers.ofString()));
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /**
   * Waits for the child to exit.
   *
   * @return its exit code
   * @throws AssertionError when it did not exit within {@link #PATIENCE}
   */
  int awaitExit() throws InterruptedException {
    if (!process.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("the shop did not exit after the signal\n" + report());
    }
    return process.exitValue();
  }

  /** @return every line printed so far */
  List<String> lines() {
    return List.copyOf(lines);
  }

  /** @return the output and the error log, for failure messages */
  String report() {
    String errors;
    try {
      errors = Files.readString(stderr, StandardCharsets.UTF_8);
    } catch (IOException e) {
      errors = "(unreadable)";
    }
    return "--- stdout\n" + String.join("\n", lines) + "\n--- stderr (last 4000 chars)\n"
        + errors.substring(Math.max(0, errors.length() - 4000));
  }

  /** Polls a condition every 100 ms for up to {@link #PATIENCE}. */
  void awaitCondition(BooleanSupplier condition, String what) {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("gave up waiting for " + what + "\n" + report());
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted waiting for " + what);
      }
    }
  }

  /**
   * Lists the PostgreSQL processes whose command line names this data directory's server
   * directory: the postmaster ({@code postgres -D <dir>}); its workers exit with it.
   *
   * @param dataDir the shop's data directory
   * @return their descriptions, empty when none runs
   */
  static List<String> postgresOn(Path dataDir) {
    String serverDir = dataDir.toAbsolutePath().resolve("postgres").toString();
    return ProcessHandle.allProcesses()
        .filter(ProcessHandle::isAlive)
        .filter(p -> p.info().command().map(c -> Path.of(c).getFileName().toString().equals("postgres")).orElse(false))
        .filter(p -> Arrays.asList(p.info().arguments().orElse(new String[0])).contains(serverDir))
        .map(p -> p.pid() + " " + p.info().commandLine().orElse("?"))
        .collect(Collectors.toList());
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
