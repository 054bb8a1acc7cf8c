package io.github.hybridshop.core.replication;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Names of the replication objects on the source database.
 *
 * @param publication the publication listing the shop tables
 * @param slot the {@code pgoutput} logical replication slot, one per consumer (stream); its name
 *     cannot change once a consumer uses it
 * @param user the login role the consumer connects as
 * @param flavour how that role gets the replication privilege
 */
public record ReplicationSettings(String publication, String slot, String user, Flavour flavour) {

  /** The tables replicated, in schema {@code shop}; each has a primary key. */
  public static final List<String> TABLES =
      List.of("products", "orders", "order_lines", "stock_movements", "replication_heartbeat");

  private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

  /** How the replication role gets its privilege. */
  public enum Flavour {
    /** Amazon RDS: membership in {@code rds_replication} (the master user cannot grant REPLICATION). */
    RDS,
    /** Self-managed PostgreSQL: the {@code REPLICATION} attribute. */
    PLAIN
  }

  /**
   * Checks that every name is a plain lower-case identifier, since these names end up in DDL.
   *
   * @param publication see the record description
   * @param slot see the record description
   * @param user see the record description
   * @param flavour see the record description
   * @throws IllegalArgumentException naming the bad value
   */
  public ReplicationSettings {
    requireIdentifier("publication", publication);
    requireIdentifier("slot", slot);
    requireIdentifier("user", user);
    Objects.requireNonNull(flavour, "flavour");
  }

  /**
   * Returns the names the Terraform deployment uses: {@code shop_publication},
   * {@code shop_datastream_slot}, {@code shop_replicator}, RDS flavour.
   *
   * @return the default settings
   */
  public static ReplicationSettings defaults() {
    return new ReplicationSettings("shop_publication", "shop_datastream_slot", "shop_replicator", Flavour.RDS);
  }

  /**
   * Uses another slot, for a second consumer such as the local replicator.
   *
   * @param value the slot name
   * @return the changed settings
   */
  public ReplicationSettings withSlot(String value) {
    return new ReplicationSettings(publication, value, user, flavour);
  }

  /**
   * Uses another publication name.
   *
   * @param value the publication name
   * @return the changed settings
   */
  public ReplicationSettings withPublication(String value) {
    return new ReplicationSettings(value, slot, user, flavour);
  }

  /**
   * Uses another replication role.
   *
   * @param value the role name
   * @return the changed settings
   */
  public ReplicationSettings withUser(String value) {
    return new ReplicationSettings(publication, slot, value, flavour);
  }

  /**
   * Uses another way of granting the replication privilege.
   *
   * @param value the flavour
   * @return the changed settings
   */
  public ReplicationSettings withFlavour(Flavour value) {
    return new ReplicationSettings(publication, slot, user, value);
  }

  private static void requireIdentifier(String what, String value) {
    if (value == null || !IDENTIFIER.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "replication " + what + " name '" + value + "' must be a lower-case identifier ([a-z_][a-z0-9_]*, at most 63 characters)");
    }
  }
}
