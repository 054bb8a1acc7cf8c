package io.github.hybridshop.examples.bench;

import java.util.Arrays;

/** Latency samples in nanoseconds, recorded by one thread each and merged at the end. */
final class Latencies {
  private long[] samples = new long[1024];
  private int count;

  void add(long nanos) {
    if (count == samples.length) {
      samples = Arrays.copyOf(samples, count * 2);
    }
    samples[count++] = nanos;
  }

  int count() {
    return count;
  }

  static Latencies merge(Iterable<Latencies> parts) {
    Latencies all = new Latencies();
    for (Latencies part : parts) {
      for (int i = 0; i < part.count; i++) {
        all.add(part.samples[i]);
      }
    }
    return all;
  }

  /** The q-quantile (0..1) in milliseconds, nearest-rank. */
  double percentileMs(double q) {
    if (count == 0) {
      return Double.NaN;
    }
    long[] sorted = Arrays.copyOf(samples, count);
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(q * count) - 1;
    return sorted[Math.max(0, Math.min(count - 1, rank))] / 1_000_000.0;
  }
}
