package io.github.hybridshop.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fresh JVM that writes every response shape loads no Jackson class, which is what keeps
 * Jackson off a read-only Lambda function's cold start; reading one body then does load it.
 */
class WritingLoadsNoJacksonTest {

  @Test
  void writingLoadsNoJacksonAndReadingDoes(@TempDir Path work) throws Exception {
    Path classLog = work.resolve("classes.log");
    Process process = new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xlog:class+load=info:file=" + classLog,
            "-cp", System.getProperty("java.class.path"),
            WriteThenRead.class.getName())
        .redirectErrorStream(true)
        .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor()).as(output).isZero();

    List<String> loaded = Files.readAllLines(classLog);
    int marker = indexOf(loaded, WriteThenRead.AfterWriting.class.getName() + " ");
    List<String> whileWriting = loaded.subList(0, marker);
    assertThat(whileWriting).anyMatch(line -> line.contains("io.github.hybridshop.api.JsonWriter "));
    assertThat(whileWriting).noneMatch(line -> line.contains("com.fasterxml.jackson."));
    assertThat(loaded.subList(marker, loaded.size()))
        .anyMatch(line -> line.contains("com.fasterxml.jackson.databind.ObjectMapper "));
  }

  private static int indexOf(List<String> lines, String text) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(text)) {
        return i;
      }
    }
    throw new AssertionError("not loaded: " + text);
  }

  /** Writes every response shape, marks the log, then reads one request. */
  static final class WriteThenRead {
    public static void main(String[] args) throws Exception {
      Instant at = Instant.EPOCH;
      Product product = new Product(1, "Tea", "T", Money.of("1.00", "EUR"), 1, at, at);
      JsonCodec.write(product);
      JsonCodec.write(new ProductPage(List.of(product), null));
      JsonCodec.write(new Order(1, "k", List.of(), Money.of("0.00", "EUR"), at));
      JsonCodec.write(Health.UP);
      JsonCodec.write(Problem.invalid(List.of(new Problem.FieldError("a", "b"))));
      AfterWriting.mark();
      JsonCodec.readRestockRequest("{\"quantity\":1}".getBytes(StandardCharsets.UTF_8));
    }

    /** Loaded, and so logged, right after the writes: the boundary in the class-load log. */
    static final class AfterWriting {
      static void mark() {}
    }
  }
}
