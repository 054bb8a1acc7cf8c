package io.github.hybridshop.gcp.analytics;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where the replicated {@code shop_<table>} tables live. Identifiers cannot be query parameters,
 * so every part is checked against a strict pattern before it is written into SQL.
 *
 * @param project the BigQuery project id, or {@code null} for an unqualified local database
 * @param dataset the BigQuery dataset, or {@code null} for an unqualified local database
 */
public record WarehouseTables(String project, String dataset) {
  private static final Pattern PROJECT = Pattern.compile("[a-z][a-z0-9-]{4,28}[a-z0-9]");
  private static final Pattern DATASET = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,1023}");
  private static final Pattern TABLE = Pattern.compile("[a-z_]+");

  /** The tables of a local database, unqualified ({@code shop_products}). */
  public static final WarehouseTables LOCAL = new WarehouseTables(null, null);

  /** Rejects project or dataset names that are not plain identifiers. */
  public WarehouseTables {
    if ((project == null) != (dataset == null)) {
      throw new IllegalArgumentException("give both a BigQuery project and a dataset, or neither");
    }
    if (project != null && !PROJECT.matcher(project).matches()) {
      throw new IllegalArgumentException(
          "not a BigQuery project id (6-30 lower-case letters, digits, hyphens): " + project);
    }
    if (dataset != null && !DATASET.matcher(dataset).matches()) {
      throw new IllegalArgumentException(
          "not a BigQuery dataset name (letters, digits, underscores): " + dataset);
    }
  }

  /**
   * The tables of one BigQuery dataset.
   *
   * @param project the project id
   * @param dataset the dataset Datastream writes to
   * @return the location
   */
  public static WarehouseTables bigQuery(String project, String dataset) {
    return new WarehouseTables(
        Objects.requireNonNull(project, "project"), Objects.requireNonNull(dataset, "dataset"));
  }

  /**
   * @param dialect the SQL dialect
   * @param table a source table name ({@code products})
   * @return the quoted, qualified name of its copy ({@code `p.d.shop_products`})
   */
  String qualified(Dialect dialect, String table) {
    if (!TABLE.matcher(table).matches()) {
      throw new IllegalArgumentException("not a table name: " + table);
    }
    String name = "shop_" + table;
    return project == null ? dialect.quote(name) : dialect.quote(project + "." + dataset + "." + name);
  }
}
