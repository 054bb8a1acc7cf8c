package io.github.hybridshop.core.replication;

import io.github.hybridshop.core.db.ShopSchema;
import io.github.hybridshop.core.internal.Database;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Prepares a PostgreSQL source for change data capture (Datastream in the cloud, Debezium
 * locally): a publication over exactly the shop tables, a {@code pgoutput} slot, and a
 * least-privilege login role that may replicate and read the shop schema but write nothing.
 *
 * <p>Idempotent: each step checks before it changes, so running it on every deploy is safe and a
 * second run reports no actions. Run it as the database owner (the RDS master user) after
 * {@link ShopSchema#migrate(DataSource)}.
 */
public final class ReplicationSetup {
  private final Jdbi jdbi;

  /**
   * Creates the setup.
   *
   * @param dataSource the source database, as its owner
   */
  public ReplicationSetup(DataSource dataSource) {
    this.jdbi = new Database(dataSource).jdbi();
  }

  /**
   * Brings publication, role, grants and slot to the wanted state.
   *
   * @param settings object names and the privilege flavour
   * @param replicationPassword the role's password when it must be created; {@code null} to skip
   *     the role (for a consumer that connects as an existing user)
   * @return what changed
   * @throws IllegalStateException when the server cannot do logical replication, naming the
   *     setting to change
   */
  public SetupReport prepare(ReplicationSettings settings, String replicationPassword) {
    List<String> actions = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    jdbi.useHandle(
        handle -> {
          requireLogicalWal(handle, notes);
          // A slot cannot be created in a transaction that has written, so the slot goes first,
          // and every statement runs in autocommit.
          ensureSlot(handle, settings.slot(), actions);
          ensurePublication(handle, settings.publication(), actions);
          if (replicationPassword != null) {
            ensureRole(handle, settings, replicationPassword, actions);
            ensureGrants(handle, settings.user(), actions);
          }
          checkReplicaIdentity(handle, notes);
        });
    return new SetupReport(actions, notes);
  }

  /**
   * Drops a slot so it stops retaining WAL, for example when a stream is deleted; does nothing
   * when the slot does not exist.
   *
   * @param slot the slot name
   * @return {@code true} when a slot was dropped
   * @throws IllegalStateException when a consumer is still connected to the slot
   */
  public boolean dropSlot(String slot) {
    return jdbi.withHandle(
        handle -> {
          Boolean active =
              handle
                  .createQuery("SELECT active FROM pg_replication_slots WHERE slot_name = :slot")
                  .bind("slot", slot)
                  .mapTo(Boolean.class)
                  .findOne()
                  .orElse(null);
          if (active == null) {
            return false;
          }
          if (active) {
            throw new IllegalStateException(
                "slot " + slot + " is in use; stop its consumer (pause the stream) before dropping it");
          }
          handle.createQuery("SELECT pg_drop_replication_slot(:slot)").bind("slot", slot).mapTo(String.class).findOne();
          return true;
        });
  }

  private static void requireLogicalWal(Handle handle, List<String> notes) {
    String walLevel = handle.createQuery("SHOW wal_level").mapTo(String.class).one();
    if (!"logical".equals(walLevel)) {
      throw new IllegalStateException(
          "wal_level is '" + walLevel + "', logical replication needs 'logical': on RDS set"
              + " rds.logical_replication=1 in the DB parameter group and reboot; elsewhere set"
              + " wal_level=logical in postgresql.conf and restart");
    }
    notes.add("wal_level is logical");
  }

  private static void ensureSlot(Handle handle, String slot, List<String> actions) {
    String plugin =
        handle
            .createQuery("SELECT plugin FROM pg_replication_slots WHERE slot_name = :slot")
            .bind("slot", slot)
            .mapTo(String.class)
            .findOne()
            .orElse(null);
    if (plugin == null) {
      handle
          .createQuery("SELECT slot_name FROM pg_create_logical_replication_slot(:slot, 'pgoutput')")
          .bind("slot", slot)
          .mapTo(String.class)
          .one();
      actions.add("created logical replication slot " + slot + " (pgoutput)");
    } else if (!"pgoutput".equals(plugin)) {
      throw new IllegalStateException(
          "slot " + slot + " exists with plugin " + plugin + "; drop it or choose another slot name (pgoutput is required)");
    }
  }

  private static void ensurePublication(Handle handle, String publication, List<String> actions) {
    String wanted =
        ReplicationSettings.TABLES.stream()
            .map(table -> ShopSchema.SCHEMA + "." + table)
            .collect(Collectors.joining(", "));
    boolean exists =
        handle
            .createQuery("SELECT count(*) FROM pg_publication WHERE pubname = :name")
            .bind("name", publication)
            .mapTo(Integer.class)
            .one()
            > 0;
    if (!exists) {
      // Identifiers cannot be bound; the publication name is a validated identifier and the
      // table names are constants.
      handle.execute("CREATE PUBLICATION " + publication + " FOR TABLE " + wanted);
      actions.add("created publication " + publication + " for " + wanted);
      return;
    }
    TreeSet<String> current =
        new TreeSet<>(
            handle
                .createQuery(
                    "SELECT schemaname || '.' || tablename FROM pg_publication_tables WHERE pubname = :name")
                .bind("name", publication)
                .mapTo(String.class)
                .list());
    TreeSet<String> target = new TreeSet<>(List.of(wanted.split(", ")));
    if (!current.equals(target)) {
      handle.execute("ALTER PUBLICATION " + publication + " SET TABLE " + wanted);
      actions.add("set publication " + publication + " to " + wanted + " (was " + current + ")");
    }
  }

  private static void ensureRole(
      Handle handle, ReplicationSettings settings, String password, List<String> actions) {
    String user = settings.user();
    boolean exists =
        handle
            .createQuery("SELECT count(*) FROM pg_roles WHERE rolname = :user")
            .bind("user", user)
            .mapTo(Integer.class)
            .one()
            > 0;
    if (!exists) {
      // CREATE ROLE takes no bind parameters: let the server quote the name and password.
      String ddl =
          handle
              .createQuery("SELECT format('CREATE ROLE %I LOGIN PASSWORD %L', :user, :password)")
              .bind("user", user)
              .bind("password", password)
              .mapTo(String.class)
              .one();
      handle.execute(ddl);
      actions.add("created login role " + user);
    }
    if (settings.flavour() == ReplicationSettings.Flavour.RDS) {
      boolean member =
          handle
              .createQuery("SELECT pg_has_role(:user, 'rds_replication', 'MEMBER')")
              .bind("user", user)
              .mapTo(Boolean.class)
              .one();
      if (!member) {
        handle.execute("GRANT rds_replication TO " + user);
        actions.add("granted rds_replication to " + user);
      }
    } else {
      boolean replication =
          handle
              .createQuery("SELECT rolreplication FROM pg_roles WHERE rolname = :user")
              .bind("user", user)
              .mapTo(Boolean.class)
              .one();
      if (!replication) {
        handle.execute("ALTER ROLE " + user + " WITH REPLICATION");
        actions.add("gave " + user + " the REPLICATION attribute");
      }
    }
  }

  private static void ensureGrants(Handle handle, String user, List<String> actions) {
    boolean usage =
        handle
            .createQuery("SELECT has_schema_privilege(:user, :schema, 'USAGE')")
            .bind("user", user)
            .bind("schema", ShopSchema.SCHEMA)
            .mapTo(Boolean.class)
            .one();
    if (!usage) {
      handle.execute("GRANT USAGE ON SCHEMA " + ShopSchema.SCHEMA + " TO " + user);
      actions.add("granted USAGE on schema " + ShopSchema.SCHEMA + " to " + user);
    }
    for (String table : ReplicationSettings.TABLES) {
      String qualified = ShopSchema.SCHEMA + "." + table;
      boolean select =
          handle
              .createQuery("SELECT has_table_privilege(:user, :table, 'SELECT')")
              .bind("user", user)
              .bind("table", qualified)
              .mapTo(Boolean.class)
              .one();
      if (!select) {
        handle.execute("GRANT SELECT ON " + qualified + " TO " + user);
        actions.add("granted SELECT on " + qualified + " to " + user);
      }
    }
    boolean defaults =
        handle
            .createQuery(
                "SELECT count(*) FROM pg_default_acl d JOIN pg_namespace n ON n.oid = d.defaclnamespace"
                    + " WHERE n.nspname = :schema AND d.defaclobjtype = 'r'"
                    + " AND array_to_string(d.defaclacl, ',') LIKE :grantee")
            .bind("schema", ShopSchema.SCHEMA)
            .bind("grantee", "%" + user + "=r/%")
            .mapTo(Integer.class)
            .one()
            > 0;
    if (!defaults) {
      handle.execute(
          "ALTER DEFAULT PRIVILEGES IN SCHEMA " + ShopSchema.SCHEMA + " GRANT SELECT ON TABLES TO " + user);
      actions.add("granted SELECT on future tables in " + ShopSchema.SCHEMA + " to " + user);
    }
  }

  private static void checkReplicaIdentity(Handle handle, List<String> notes) {
    List<String> nonDefault =
        handle
            .createQuery(
                "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                    + " WHERE n.nspname = :schema AND c.relkind = 'r' AND c.relname = ANY(:tables)"
                    + " AND c.relreplident <> 'd'")
            .bind("schema", ShopSchema.SCHEMA)
            .bindArray("tables", String.class, ReplicationSettings.TABLES)
            .mapTo(String.class)
            .list();
    if (!nonDefault.isEmpty()) {
      throw new IllegalStateException(
          "tables " + nonDefault + " do not use REPLICA IDENTITY DEFAULT; run ALTER TABLE ... REPLICA IDENTITY DEFAULT");
    }
    List<String> withoutKey =
        handle
            .createQuery(
                "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                    + " WHERE n.nspname = :schema AND c.relkind = 'r' AND c.relname = ANY(:tables)"
                    + " AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conrelid = c.oid AND k.contype = 'p')")
            .bind("schema", ShopSchema.SCHEMA)
            .bindArray("tables", String.class, ReplicationSettings.TABLES)
            .mapTo(String.class)
            .list();
    if (!withoutKey.isEmpty()) {
      throw new IllegalStateException(
          "tables " + withoutKey + " have no primary key; Datastream and the local replicator need one per table");
    }
    notes.add("every replicated table has a primary key and REPLICA IDENTITY DEFAULT");
  }
}
