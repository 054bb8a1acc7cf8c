package io.github.hybridshop.examples.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Runs one operation from N threads for a fixed time and measures throughput and latency. */
final class Load {
  /** One call of the measured operation; {@code iteration} is unique per thread. */
  interface Operation {
    void call(int thread, long iteration) throws Exception;
  }

  record Result(double opsPerSec, Latencies latencies) {}

  /** A measured operation against its baseline from the same run. */
  record Comparison(Result measured, Result baseline) {
    double ratio() {
      return measured.opsPerSec() / baseline.opsPerSec();
    }

    /** The fields every comparing scenario prints, in order; callers may add more. */
    Map<String, Object> report(String scenario, int threads) {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("scenario", scenario);
      out.put("threads", threads);
      out.put("opsPerSec", measured.opsPerSec());
      out.put("baselineOpsPerSec", baseline.opsPerSec());
      out.put("ratio", ratio());
      out.put("p50Ms", measured.latencies().percentileMs(0.50));
      out.put("p99Ms", measured.latencies().percentileMs(0.99));
      return out;
    }
  }

  private Load() {}

  static Result run(int threads, double seconds, Operation operation) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      long start = System.nanoTime();
      long deadline = start + (long) (seconds * 1e9);
      List<Future<Latencies>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        futures.add(
            pool.submit(
                () -> {
                  Latencies latencies = new Latencies();
                  long iteration = 0;
                  while (System.nanoTime() < deadline) {
                    long began = System.nanoTime();
                    operation.call(thread, iteration++);
                    latencies.add(System.nanoTime() - began);
                  }
                  return latencies;
                }));
      }
      List<Latencies> parts = new ArrayList<>();
      for (Future<Latencies> future : futures) {
        parts.add(future.get());
      }
      double elapsed = (System.nanoTime() - start) / 1e9;
      Latencies all = Latencies.merge(parts);
      return new Result(all.count() / elapsed, all);
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Alternates the measured and baseline operations in {@code rounds} slices each, after a
   * warm-up of both, so drift in machine load hits both sides alike.
   */
  static Comparison compare(int threads, double seconds, int rounds, Operation measured, Operation baseline)
      throws Exception {
    run(threads, Math.min(5, seconds / 2.0), measured);
    run(threads, Math.min(5, seconds / 2.0), baseline);
    List<Latencies> a = new ArrayList<>();
    List<Latencies> b = new ArrayList<>();
    double opsA = 0;
    double opsB = 0;
    for (int r = 0; r < rounds; r++) {
      Result ra = run(threads, seconds / rounds, measured);
      Result rb = run(threads, seconds / rounds, baseline);
      opsA += ra.opsPerSec() / rounds;
      opsB += rb.opsPerSec() / rounds;
      a.add(ra.latencies());
      b.add(rb.latencies());
    }
    return new Comparison(new Result(opsA, Latencies.merge(a)), new Result(opsB, Latencies.merge(b)));
  }
}
