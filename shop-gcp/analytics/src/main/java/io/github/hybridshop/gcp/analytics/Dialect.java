package io.github.hybridshop.gcp.analytics;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The two SQL dialects the reports run in. A report is written once with {@code {table}}
 * placeholders for the replicated tables, {@code [column]} for identifiers that are reserved
 * words in one of them, and {@code @name} parameters; the dialect renders the rest.
 */
public enum Dialect {
  /** GoogleSQL: backtick-quoted identifiers, named {@code @parameters}. */
  BIGQUERY {
    @Override
    String quote(String identifier) {
      return "`" + identifier + "`";
    }

    @Override
    String parameter(String name) {
      return "@" + name;
    }
  },
  /** DuckDB over JDBC: double-quoted identifiers, positional {@code ?} parameters. */
  DUCKDB {
    @Override
    String quote(String identifier) {
      return "\"" + identifier + "\"";
    }

    @Override
    String parameter(String name) {
      return "?";
    }
  };

  private static final Pattern TOKEN = Pattern.compile("\\{([a-z_]+)}|\\[([a-z_]+)]|@([a-z_]+)");

  abstract String quote(String identifier);

  abstract String parameter(String name);

  /**
   * Renders a report's SQL template.
   *
   * @param template the SQL with placeholders
   * @param tables the dataset the tables live in
   * @return the SQL and the parameter names in the order they appear
   */
  public Rendered render(String template, WarehouseTables tables) {
    Matcher matcher = TOKEN.matcher(template);
    StringBuilder sql = new StringBuilder();
    List<String> parameters = new ArrayList<>();
    while (matcher.find()) {
      String replacement;
      if (matcher.group(1) != null) {
        replacement = tables.qualified(this, matcher.group(1));
      } else if (matcher.group(2) != null) {
        replacement = quote(matcher.group(2));
      } else {
        parameters.add(matcher.group(3));
        replacement = parameter(matcher.group(3));
      }
      matcher.appendReplacement(sql, Matcher.quoteReplacement(replacement));
    }
    matcher.appendTail(sql);
    return new Rendered(sql.toString(), List.copyOf(parameters));
  }

  /**
   * SQL ready to run.
   *
   * @param sql the statement text
   * @param parameters parameter names in order of appearance (for positional binding)
   */
  public record Rendered(String sql, List<String> parameters) {}
}
