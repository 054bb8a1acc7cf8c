package io.github.hybridshop.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The answer of {@code GET /health} while the database answers: {@code {"status":"ok",
 * "database":"up"}}, plus one member per other part the deployment checks (the local stack's
 * {@code replication} and {@code web}; Lambda has none). A database that does not answer is a 503
 * {@link ProblemType#DATABASE_UNAVAILABLE} problem with {@code "database":"down"} instead, a part
 * that is not up a 503 {@link ProblemType#NOT_READY} problem.
 *
 * @param status {@code "ok"}
 * @param database {@code "up"}
 * @param parts the other parts by name, each with its details (plain values: maps, lists,
 *     strings, numbers, booleans), in the order they were checked
 */
public record Health(String status, String database, Map<String, Object> parts) {

  /** The healthy answer of a deployment that checks only its database. */
  public static final Health UP = new Health("ok", "up", Map.of());

  /**
   * Checks both parts are present.
   *
   * @param status see the record description
   * @param database see the record description
   * @param parts see the record description
   */
  public Health {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(database, "database");
    parts = parts == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(parts));
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
