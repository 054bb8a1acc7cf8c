package io.github.hybridshop.examples.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * {@code coldstart}: a fresh JVM that loads the Lambda artifact (classes + {@code lib/*.jar},
 * unzipped as the runtime does) and serves its first {@code GET /products} event against a real
 * database (the body must hold a product), versus a fresh JVM that serves the same event with a
 * hello-world handler; median of {@code --runs} (5) each, alternating. Both JVMs run with C1
 * only, as the Lambda Java runtime does. A third JVM, on the same class path as ours, runs
 * {@link JdbcFloorHandler} ({@code jdbcFloorRatio}): what the driver alone costs a fresh JVM.
 * {@code --artifact} points at shop-aws-lambda.zip (default: shop-aws/target/ from the repo root).
 */
final class ColdStartBench implements Scenario {
  private static final String PROBE = "io.github.hybridshop.examples.bench.ColdStartProbe";
  private static final String OURS = "io.github.hybridshop.aws.products.ProductsHandler";
  private static final String HELLO = "io.github.hybridshop.examples.bench.HelloHandler";
  private static final String FLOOR = "io.github.hybridshop.examples.bench.JdbcFloorHandler";
  // What each side's body must contain: the first page really holds products read from the database.
  private static final String A_PRODUCT = "{\"items\":[{\"id\":";
  private static final String HELLO_BODY = "hello";

  @Override
  public Set<String> flags() {
    return Set.of("runs", "artifact");
  }

  @Override
  public String run(Flags flags) throws Exception {
    int runs = flags.intValue("runs", 5);
    Path zip = artifact(flags.string("artifact", null));
    Path work = Files.createTempDirectory("shop-coldstart");
    Path function = work.resolve("function");
    unzip(zip, function);
    Path probe = work.resolve("probe");
    for (String name : List.of("ColdStartProbe", "HelloHandler", "JdbcFloorHandler")) {
      copyClass(name, probe);
    }
    String lib = function.resolve("lib") + "/";
    String ours = probe + ":" + function + ":" + lib + "*";
    String trivial = probe + ":" + jar(function, "aws-lambda-java-core-") + ":" + jar(function, "aws-lambda-java-events-");

    try (BenchDatabase db = BenchDatabase.start(2)) {
      try (Connection c = db.pool().getConnection(); Statement s = c.createStatement()) {
        s.execute("INSERT INTO shop.products (name, category, price, stock)"
            + " SELECT 'Product ' || g, 'Category ' || (g % 5), 9.99, 100 FROM generate_series(1, 100) g");
      }
      Map<String, String> env = Map.of(
          "SHOP_DB_URL", "jdbc:postgresql://localhost:" + db.port() + "/postgres",
          "DB_USER", "postgres",
          "DB_PASSWORD", "postgres",
          "SHOP_CURRENCY", "EUR");
      // One unmeasured run each warms the OS file cache, as a warm Lambda host would have it.
      time(ours, OURS, A_PRODUCT, env);
      time(trivial, HELLO, HELLO_BODY, Map.of());
      time(ours, FLOOR, A_PRODUCT, env);
      List<Double> oursMs = new ArrayList<>();
      List<Double> trivialMs = new ArrayList<>();
      List<Double> floorMs = new ArrayList<>();
      for (int i = 0; i < runs; i++) {
        oursMs.add(time(ours, OURS, A_PRODUCT, env));
        trivialMs.add(time(trivial, HELLO, HELLO_BODY, Map.of()));
        floorMs.add(time(ours, FLOOR, A_PRODUCT, env));
      }
      double median = median(oursMs);
      double baseline = median(trivialMs);
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("scenario", "coldstart");
      out.put("runs", runs);
      out.put("medianMs", median);
      out.put("baselineMedianMs", baseline);
      out.put("ratio", median / baseline);
      out.put("jdbcFloorMedianMs", median(floorMs));
      out.put("jdbcFloorRatio", median(floorMs) / baseline);
      out.put("artifactBytes", Files.size(zip));
      return Json.line(out);
    }
  }

  private static double time(String classPath, String handler, String expectedBody, Map<String, String> env)
      throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    ProcessBuilder builder =
        new ProcessBuilder(java, "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
            "-cp", classPath, PROBE, handler, expectedBody)
            .redirectErrorStream(true);
    builder.environment().keySet().removeIf(name -> name.startsWith("SHOP_") || name.startsWith("DB_"));
    builder.environment().putAll(env);
    long start = System.nanoTime();
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes());
    int exit = process.waitFor();
    double ms = (System.nanoTime() - start) / 1e6;
    if (exit != 0) {
      throw new IllegalStateException(handler + " cold start failed (exit " + exit + "): " + output);
    }
    return ms;
  }

  private static Path artifact(String flag) {
    List<Path> candidates = flag != null
        ? List.of(Path.of(flag))
        : List.of(Path.of("shop-aws/target/shop-aws-lambda.zip"), Path.of("../../shop-aws/target/shop-aws-lambda.zip"));
    return candidates.stream().filter(Files::isRegularFile).findFirst()
        .orElseThrow(() -> new IllegalArgumentException(
            "Lambda artifact not found at " + candidates + ": build it with ./mvnw -pl shop-aws -am package, or pass --artifact PATH"));
  }

  private static String jar(Path function, String prefix) throws IOException {
    try (var files = Files.list(function.resolve("lib"))) {
      return files.filter(p -> p.getFileName().toString().startsWith(prefix)).findFirst()
          .orElseThrow(() -> new IllegalStateException("no " + prefix + "*.jar in the artifact")).toString();
    }
  }

  private static void unzip(Path zip, Path target) throws IOException {
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
      for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
        Path out = target.resolve(entry.getName()).normalize();
        if (!out.startsWith(target)) {
          throw new IOException("zip entry outside the target: " + entry.getName());
        }
        if (entry.isDirectory()) {
          Files.createDirectories(out);
        } else {
          Files.createDirectories(out.getParent());
          Files.copy(in, out);
        }
      }
    }
  }

  private static void copyClass(String simpleName, Path root) throws IOException {
    String resource = "io/github/hybridshop/examples/bench/" + simpleName + ".class";
    Path out = root.resolve(resource);
    Files.createDirectories(out.getParent());
    try (InputStream in = ColdStartBench.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing " + resource);
      }
      Files.copy(in, out);
    }
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
