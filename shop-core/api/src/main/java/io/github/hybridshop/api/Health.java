package io.github.hybridshop.api;

import java.util.Objects;

/**
 * The answer of {@code GET /health} while the database answers: {@code {"status":"ok",
 * "database":"up"}}. A database that does not answer is a 503 {@link ProblemType#DATABASE_UNAVAILABLE}
 * problem with {@code "database":"down"} instead.
 *
 * @param status {@code "ok"}
 * @param database {@code "up"}
 */
public record Health(String status, String database) {

  /** The one healthy answer. */
  public static final Health UP = new Health("ok", "up");

  /**
   * Checks both parts are present.
   *
   * @param status see the record description
   * @param database see the record description
   */
  public Health {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(database, "database");
  }

  /**
   * Tells whether this is the healthy answer.
   *
   * @return {@code true} for {@code "ok"}
   */
  public boolean ok() {
    return "ok".equalsIgnoreCase(status);
  }
}
