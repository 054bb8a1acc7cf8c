package io.github.hybridshop.gcp.datastream;

import java.time.Duration;
import java.util.Objects;

/**
 * The single BigQuery dataset the stream writes into (tables {@code shop_<table>}, merge mode).
 *
 * @param project the dataset's project
 * @param dataset the dataset id
 * @param dataFreshness how stale BigQuery may serve the tables (their {@code max_staleness}):
 *     shorter is fresher and costs more merge work
 */
public record BigQueryTarget(String project, String dataset, Duration dataFreshness) {

  /** Rejects a non-positive freshness. */
  public BigQueryTarget {
    Objects.requireNonNull(project, "project");
    Objects.requireNonNull(dataset, "dataset");
    if (dataFreshness == null || dataFreshness.isNegative() || dataFreshness.isZero()) {
      throw new IllegalArgumentException("dataFreshness must be positive (for example PT15M)");
    }
  }
}
