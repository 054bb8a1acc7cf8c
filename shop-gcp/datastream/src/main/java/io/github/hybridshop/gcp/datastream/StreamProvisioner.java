package io.github.hybridshop.gcp.datastream;

import com.google.api.gax.rpc.ApiException;
import com.google.api.gax.rpc.InvalidArgumentException;
import com.google.api.gax.rpc.NotFoundException;
import com.google.cloud.datastream.v1.BigQueryDestinationConfig;
import com.google.cloud.datastream.v1.BigQueryProfile;
import com.google.cloud.datastream.v1.ConnectionProfile;
import com.google.cloud.datastream.v1.CreateConnectionProfileRequest;
import com.google.cloud.datastream.v1.CreateStreamRequest;
import com.google.cloud.datastream.v1.DatastreamClient;
import com.google.cloud.datastream.v1.DestinationConfig;
import com.google.cloud.datastream.v1.Error;
import com.google.cloud.datastream.v1.FetchStaticIpsRequest;
import com.google.cloud.datastream.v1.PostgresqlProfile;
import com.google.cloud.datastream.v1.PostgresqlRdbms;
import com.google.cloud.datastream.v1.PostgresqlSchema;
import com.google.cloud.datastream.v1.PostgresqlSourceConfig;
import com.google.cloud.datastream.v1.PostgresqlSslConfig;
import com.google.cloud.datastream.v1.PostgresqlTable;
import com.google.cloud.datastream.v1.SourceConfig;
import com.google.cloud.datastream.v1.StaticServiceIpConnectivity;
import com.google.cloud.datastream.v1.Stream;
import com.google.cloud.datastream.v1.StreamObject;
import com.google.cloud.datastream.v1.UpdateConnectionProfileRequest;
import com.google.cloud.datastream.v1.UpdateStreamRequest;
import com.google.protobuf.FieldMask;
import io.github.hybridshop.core.replication.ReplicationSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Provisions and inspects the shop's Datastream stream (PostgreSQL on RDS to one BigQuery
 * dataset) with the Datastream API: idempotent create-or-update of both connection profiles and
 * the stream, start, pause, a readable status report, and the static IPs to allow-list.
 *
 * <pre>{@code
 * try (DatastreamClient client = DatastreamClient.create()) {
 *   StreamProvisioner provisioner = new StreamProvisioner(client, DatastreamNames.defaults("my-project", "europe-west3"));
 *   provisioner.ensureSourceProfile(source, passwordFromSecretManager);
 *   provisioner.ensureDestinationProfile();
 *   provisioner.ensureStream(ReplicationSettings.defaults(), new BigQueryTarget("my-project", "shop", Duration.ofMinutes(15)));
 *   provisioner.start();
 *   System.out.print(provisioner.describe().render());
 * }
 * }</pre>
 *
 * <p>"Ensure" compares what exists with what is wanted and changes only what differs (the
 * password cannot be read back, so a changed password alone is applied with
 * {@link #rotatePassword}). Passwords are never logged or put in exception messages.
 */
public final class StreamProvisioner {
  private static final String SCHEMA = "shop";

  private final DatastreamClient client;
  private final DatastreamNames names;

  /**
   * @param client the Datastream client (the caller closes it)
   * @param names the resources to manage
   */
  public StreamProvisioner(DatastreamClient client, DatastreamNames names) {
    this.client = Objects.requireNonNull(client, "client");
    this.names = Objects.requireNonNull(names, "names");
  }

  /** What an ensure call did. */
  public enum Outcome {
    /** The resource did not exist and was created. */
    CREATED,
    /** It existed with other settings and was updated. */
    UPDATED,
    /** It already matched. */
    UNCHANGED
  }

  /**
   * Creates or updates the PostgreSQL connection profile: static-IP connectivity, TLS with server
   * verification.
   *
   * @param source where the database is
   * @param password the replication user's password (from a secret store)
   * @return what was done
   */
  public Outcome ensureSourceProfile(PostgresSource source, String password) {
    Objects.requireNonNull(password, "password");
    ConnectionProfile wanted = sourceProfile(source, password);
    ConnectionProfile existing = findProfile(names.sourceProfile());
    if (existing == null) {
      await(
          client.createConnectionProfileAsync(
              CreateConnectionProfileRequest.newBuilder()
                  .setParent(names.location())
                  .setConnectionProfileId(names.sourceProfileId())
                  .setConnectionProfile(wanted)
                  .build()),
          "create connection profile " + names.sourceProfile());
      return Outcome.CREATED;
    }
    if (sameSource(existing, wanted)) {
      return Outcome.UNCHANGED;
    }
    updateProfile(wanted, "display_name", "postgresql_profile", "static_service_ip_connectivity");
    return Outcome.UPDATED;
  }

  /**
   * Sets a new password on the source profile (the API never returns the stored one, so
   * {@link #ensureSourceProfile} cannot notice a change).
   *
   * @param source where the database is
   * @param password the new password
   */
  public void rotatePassword(PostgresSource source, String password) {
    updateProfile(sourceProfile(source, Objects.requireNonNull(password, "password")), "postgresql_profile.password");
  }

  /**
   * Creates the BigQuery connection profile if missing (it has no settings to update).
   *
   * @return what was done
   */
  public Outcome ensureDestinationProfile() {
    if (findProfile(names.destinationProfile()) != null) {
      return Outcome.UNCHANGED;
    }
    await(
        client.createConnectionProfileAsync(
            CreateConnectionProfileRequest.newBuilder()
                .setParent(names.location())
                .setConnectionProfileId(names.destinationProfileId())
                .setConnectionProfile(
                    ConnectionProfile.newBuilder()
                        .setDisplayName("Hybrid Shop BigQuery")
                        .setBigqueryProfile(BigQueryProfile.getDefaultInstance()))
                .build()),
        "create connection profile " + names.destinationProfile());
    return Outcome.CREATED;
  }

  /**
   * Creates or updates the stream: the publication and slot of {@code settings}, the shop tables,
   * one target dataset in merge mode with the given freshness, backfill of everything. A new
   * stream is created NOT_STARTED; {@link #start()} it.
   *
   * @param settings publication and slot (prepared on the source by shop-core's ReplicationSetup)
   * @param target the BigQuery dataset
   * @return what was done
   * @throws DatastreamSetupException when Datastream rejects the stream, for example because the
   *     publication or slot does not exist yet
   */
  public Outcome ensureStream(ReplicationSettings settings, BigQueryTarget target) {
    Stream wanted = stream(settings, target);
    Stream existing;
    try {
      existing = client.getStream(names.stream());
    } catch (NotFoundException e) {
      existing = null;
    }
    String action = (existing == null ? "create" : "update") + " stream " + names.stream();
    try {
      if (existing == null) {
        await(
            client.createStreamAsync(
                CreateStreamRequest.newBuilder()
                    .setParent(names.location())
                    .setStreamId(names.streamId())
                    .setStream(wanted)
                    .build()),
            action);
        return Outcome.CREATED;
      }
      if (existing.getSourceConfig().equals(wanted.getSourceConfig())
          && existing.getDestinationConfig().equals(wanted.getDestinationConfig())
          && existing.hasBackfillAll()
          && existing.getDisplayName().equals(wanted.getDisplayName())) {
        return Outcome.UNCHANGED;
      }
      await(
          client.updateStreamAsync(
              UpdateStreamRequest.newBuilder()
                  .setStream(wanted)
                  .setUpdateMask(FieldMask.newBuilder().addPaths("display_name").addPaths("source_config").addPaths("destination_config").addPaths("backfill_all"))
                  .build()),
          action);
      return Outcome.UPDATED;
    } catch (DatastreamSetupException e) {
      if (e.getCause() instanceof InvalidArgumentException) {
        throw new DatastreamSetupException(
            "Datastream rejected the stream " + names.stream() + ": " + e.getCause().getMessage()
                + " — prepare the source first: publication " + settings.publication() + " and pgoutput slot "
                + settings.slot() + " must exist (run the deploy-time MigrateHandler, or shop-core's"
                + " ReplicationSetup.prepare, against the database)",
            e.getCause());
      }
      throw e;
    }
  }

  /**
   * Starts (or resumes) the stream.
   *
   * @return the stream's state afterwards
   */
  public String start() {
    return setState(Stream.State.RUNNING);
  }

  /**
   * Pauses the stream; the slot keeps WAL meanwhile, so watch its retained bytes.
   *
   * @return the stream's state afterwards
   */
  public String pause() {
    return setState(Stream.State.PAUSED);
  }

  /**
   * Reads the stream's state, errors and per-table backfill.
   *
   * @return the report
   */
  public StreamReport describe() {
    Stream stream = client.getStream(names.stream());
    List<StreamReport.ObjectReport> objects = new ArrayList<>();
    for (StreamObject object : client.listStreamObjects(names.stream()).iterateAll()) {
      String table =
          object.getSourceObject().hasPostgresqlIdentifier()
              ? object.getSourceObject().getPostgresqlIdentifier().getSchema() + "." + object.getSourceObject().getPostgresqlIdentifier().getTable()
              : object.getDisplayName();
      List<String> errors = new ArrayList<>(lines(object.getErrorsList()));
      errors.addAll(lines(object.getBackfillJob().getErrorsList()));
      String backfill = object.hasBackfillJob() ? object.getBackfillJob().getState().name() : "NONE";
      objects.add(new StreamReport.ObjectReport(table, backfill, errors));
    }
    return new StreamReport(stream.getName(), stream.getState().name(), lines(stream.getErrorsList()), objects);
  }

  /**
   * The addresses Datastream connects from in this region: allow them in the RDS security group.
   *
   * @return IPv4 addresses
   */
  public List<String> fetchStaticIps() {
    List<String> ips = new ArrayList<>();
    client.fetchStaticIps(FetchStaticIpsRequest.newBuilder().setName(names.location()).build()).iterateAll().forEach(ips::add);
    return ips;
  }

  private String setState(Stream.State state) {
    Stream updated =
        await(
            client.updateStreamAsync(
                UpdateStreamRequest.newBuilder()
                    .setStream(Stream.newBuilder().setName(names.stream()).setState(state))
                    .setUpdateMask(FieldMask.newBuilder().addPaths("state"))
                    .build()),
            "set stream " + names.stream() + " to " + state);
    return updated.getState().name();
  }

  private ConnectionProfile sourceProfile(PostgresSource source, String password) {
    return ConnectionProfile.newBuilder()
        .setName(names.sourceProfile())
        .setDisplayName("Hybrid Shop PostgreSQL")
        .setPostgresqlProfile(
            PostgresqlProfile.newBuilder()
                .setHostname(source.hostname())
                .setPort(source.port())
                .setDatabase(source.database())
                .setUsername(source.username())
                .setPassword(password)
                .setSslConfig(
                    PostgresqlSslConfig.newBuilder()
                        .setServerVerification(
                            PostgresqlSslConfig.ServerVerification.newBuilder().setCaCertificate(source.caCertificate()))))
        .setStaticServiceIpConnectivity(StaticServiceIpConnectivity.getDefaultInstance())
        .build();
  }

  private Stream stream(ReplicationSettings settings, BigQueryTarget target) {
    PostgresqlSchema.Builder schema = PostgresqlSchema.newBuilder().setSchema(SCHEMA);
    for (String table : ReplicationSettings.TABLES) {
      schema.addPostgresqlTables(PostgresqlTable.newBuilder().setTable(table));
    }
    return Stream.newBuilder()
        .setName(names.stream())
        .setDisplayName("Hybrid Shop to BigQuery")
        .setSourceConfig(
            SourceConfig.newBuilder()
                .setSourceConnectionProfile(names.sourceProfile())
                .setPostgresqlSourceConfig(
                    PostgresqlSourceConfig.newBuilder()
                        .setIncludeObjects(PostgresqlRdbms.newBuilder().addPostgresqlSchemas(schema))
                        .setPublication(settings.publication())
                        .setReplicationSlot(settings.slot())))
        .setDestinationConfig(
            DestinationConfig.newBuilder()
                .setDestinationConnectionProfile(names.destinationProfile())
                .setBigqueryDestinationConfig(
                    BigQueryDestinationConfig.newBuilder()
                        .setSingleTargetDataset(
                            BigQueryDestinationConfig.SingleTargetDataset.newBuilder()
                                .setDatasetId(target.project() + ":" + target.dataset()))
                        .setDataFreshness(
                            com.google.protobuf.Duration.newBuilder().setSeconds(target.dataFreshness().getSeconds()))
                        .setMerge(BigQueryDestinationConfig.Merge.getDefaultInstance())))
        .setBackfillAll(Stream.BackfillAllStrategy.getDefaultInstance())
        .build();
  }

  private static boolean sameSource(ConnectionProfile existing, ConnectionProfile wanted) {
    // The API never returns the password: compare everything else.
    PostgresqlProfile have = existing.getPostgresqlProfile().toBuilder().clearPassword().build();
    PostgresqlProfile want = wanted.getPostgresqlProfile().toBuilder().clearPassword().build();
    return have.equals(want)
        && existing.hasStaticServiceIpConnectivity()
        && existing.getDisplayName().equals(wanted.getDisplayName());
  }

  private ConnectionProfile findProfile(String name) {
    try {
      return client.getConnectionProfile(name);
    } catch (NotFoundException e) {
      return null;
    }
  }

  private void updateProfile(ConnectionProfile profile, String... paths) {
    await(
        client.updateConnectionProfileAsync(
            UpdateConnectionProfileRequest.newBuilder()
                .setConnectionProfile(profile)
                .setUpdateMask(FieldMask.newBuilder().addAllPaths(List.of(paths)))
                .build()),
        "update connection profile " + profile.getName());
  }

  private static <T> T await(Future<T> operation, String action) {
    try {
      return operation.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DatastreamSetupException("interrupted while waiting to " + action, e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      String detail = cause instanceof ApiException api ? api.getStatusCode().getCode() + ": " + api.getMessage() : cause.toString();
      throw new DatastreamSetupException("could not " + action + " (" + detail + ")", cause);
    }
  }

  private static List<String> lines(List<Error> errors) {
    return errors.stream().map(error -> error.getReason() + ": " + error.getMessage()).toList();
  }
}
