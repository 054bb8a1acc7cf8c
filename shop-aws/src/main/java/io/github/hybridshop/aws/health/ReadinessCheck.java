package io.github.hybridshop.aws.health;

import java.util.Map;
import java.util.Objects;

/**
 * A part besides the database that {@code GET /health} reports under its own name and that must
 * be up for it to answer 200. Lambda has none; the local stack adds its replication and web site,
 * so its {@code /health} says ready only once every part it starts is up.
 */
@FunctionalInterface
public interface ReadinessCheck {

  /**
   * Looks at the part now; called on every {@code /health} request, so keep it cheap.
   *
   * @return its state; a check that cannot tell reports the part down rather than throwing
   */
  Part check();

  /**
   * One part's state as {@code /health} reports it.
   *
   * @param name the member of the health body it appears under, such as {@code replication}
   * @param up whether the part is up
   * @param details the member's value, with at least {@code state}; plain values (maps, lists,
   *     strings, numbers, booleans) that {@code JsonWriter.tree} writes
   */
  record Part(String name, boolean up, Map<String, Object> details) {
    /**
     * Copies the details so the part stays immutable.
     *
     * @param name see the record description
     * @param up see the record description
     * @param details see the record description
     */
    public Part {
      Objects.requireNonNull(name, "name");
      details = Map.copyOf(details);
    }
  }
}
