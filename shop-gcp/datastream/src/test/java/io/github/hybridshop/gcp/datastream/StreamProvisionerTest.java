package io.github.hybridshop.gcp.datastream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.api.gax.core.NoCredentialsProvider;
import com.google.api.gax.grpc.GrpcTransportChannel;
import com.google.api.gax.rpc.FixedTransportChannelProvider;
import com.google.cloud.datastream.v1.BackfillJob;
import com.google.cloud.datastream.v1.ConnectionProfile;
import com.google.cloud.datastream.v1.CreateStreamRequest;
import com.google.cloud.datastream.v1.DatastreamClient;
import com.google.cloud.datastream.v1.DatastreamSettings;
import com.google.cloud.datastream.v1.Error;
import com.google.cloud.datastream.v1.SourceObjectIdentifier;
import com.google.cloud.datastream.v1.Stream;
import com.google.cloud.datastream.v1.StreamObject;
import com.google.cloud.datastream.v1.UpdateConnectionProfileRequest;
import com.google.cloud.datastream.v1.UpdateStreamRequest;
import io.github.hybridshop.core.replication.ReplicationSettings;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StreamProvisionerTest {
  private static final String CA = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";
  private static final String PASSWORD = "s3cret-Replication-pw";

  private final FakeDatastream fake = new FakeDatastream();
  private Server server;
  private ManagedChannel channel;
  private DatastreamClient client;
  private StreamProvisioner provisioner;
  private final DatastreamNames names = DatastreamNames.defaults("shop-analytics", "europe-west3");
  private final PostgresSource source =
      new PostgresSource("shop.abc123.eu-central-1.rds.amazonaws.com", 5432, "shop", "shop_replicator", CA);
  private final BigQueryTarget target = new BigQueryTarget("shop-analytics", "shop_replica", Duration.ofMinutes(15));

  @BeforeEach
  void start() throws Exception {
    String name = InProcessServerBuilder.generateName();
    server = InProcessServerBuilder.forName(name).directExecutor().addService(fake).build().start();
    channel = InProcessChannelBuilder.forName(name).directExecutor().build();
    client =
        DatastreamClient.create(
            DatastreamSettings.newBuilder()
                .setTransportChannelProvider(FixedTransportChannelProvider.create(GrpcTransportChannel.create(channel)))
                .setCredentialsProvider(NoCredentialsProvider.create())
                .build());
    provisioner = new StreamProvisioner(client, names);
    fake.publications.add("shop_publication");
  }

  @AfterEach
  void stop() {
    client.close();
    channel.shutdownNow();
    server.shutdownNow();
  }

  @Test
  void createsProfilesAndStreamOnceThenLeavesThemAlone() {
    assertThat(provisioner.ensureSourceProfile(source, PASSWORD)).isEqualTo(StreamProvisioner.Outcome.CREATED);
    assertThat(provisioner.ensureDestinationProfile()).isEqualTo(StreamProvisioner.Outcome.CREATED);
    assertThat(provisioner.ensureStream(ReplicationSettings.defaults(), target)).isEqualTo(StreamProvisioner.Outcome.CREATED);

    assertThat(provisioner.ensureSourceProfile(source, PASSWORD)).isEqualTo(StreamProvisioner.Outcome.UNCHANGED);
    assertThat(provisioner.ensureDestinationProfile()).isEqualTo(StreamProvisioner.Outcome.UNCHANGED);
    assertThat(provisioner.ensureStream(ReplicationSettings.defaults(), target)).isEqualTo(StreamProvisioner.Outcome.UNCHANGED);

    ConnectionProfile profile = fake.profiles.get(names.sourceProfile());
    assertThat(profile.hasStaticServiceIpConnectivity()).isTrue();
    assertThat(profile.getPostgresqlProfile().getSslConfig().getServerVerification().getCaCertificate()).isEqualTo(CA);
    assertThat(profile.getPostgresqlProfile().getPassword()).isEqualTo(PASSWORD);
    assertThat(fake.profiles.get(names.destinationProfile()).hasBigqueryProfile()).isTrue();

    CreateStreamRequest create = fake.requestsOf(CreateStreamRequest.class).get(0);
    Stream stream = create.getStream();
    assertThat(create.getParent()).isEqualTo("projects/shop-analytics/locations/europe-west3");
    assertThat(create.getStreamId()).isEqualTo("shop-stream");
    var postgres = stream.getSourceConfig().getPostgresqlSourceConfig();
    assertThat(postgres.getPublication()).isEqualTo("shop_publication");
    assertThat(postgres.getReplicationSlot()).isEqualTo("shop_datastream_slot");
    assertThat(postgres.getIncludeObjects().getPostgresqlSchemas(0).getSchema()).isEqualTo("shop");
    assertThat(postgres.getIncludeObjects().getPostgresqlSchemas(0).getPostgresqlTablesList())
        .extracting(table -> table.getTable())
        .containsExactly("products", "orders", "order_lines", "stock_movements", "replication_heartbeat");
    var bigQuery = stream.getDestinationConfig().getBigqueryDestinationConfig();
    assertThat(bigQuery.getSingleTargetDataset().getDatasetId()).isEqualTo("shop-analytics:shop_replica");
    assertThat(bigQuery.getDataFreshness().getSeconds()).isEqualTo(900);
    assertThat(bigQuery.hasMerge()).isTrue();
    assertThat(stream.hasBackfillAll()).isTrue();
    assertThat(fake.streams.get(names.stream()).getState()).isEqualTo(Stream.State.NOT_STARTED);
  }

  @Test
  void updatesOnlyWhatChanged() {
    provisioner.ensureSourceProfile(source, PASSWORD);
    provisioner.ensureDestinationProfile();
    provisioner.ensureStream(ReplicationSettings.defaults(), target);

    PostgresSource moved = new PostgresSource("shop-2.abc123.eu-central-1.rds.amazonaws.com", 5432, "shop", "shop_replicator", CA);
    assertThat(provisioner.ensureSourceProfile(moved, PASSWORD)).isEqualTo(StreamProvisioner.Outcome.UPDATED);
    assertThat(provisioner.ensureStream(ReplicationSettings.defaults(), new BigQueryTarget("shop-analytics", "shop_replica", Duration.ofMinutes(5))))
        .isEqualTo(StreamProvisioner.Outcome.UPDATED);

    UpdateConnectionProfileRequest update = fake.requestsOf(UpdateConnectionProfileRequest.class).get(0);
    assertThat(update.getUpdateMask().getPathsList()).contains("postgresql_profile");
    assertThat(fake.profiles.get(names.sourceProfile()).getPostgresqlProfile().getHostname()).startsWith("shop-2.");
    assertThat(fake.streams.get(names.stream()).getDestinationConfig().getBigqueryDestinationConfig().getDataFreshness().getSeconds())
        .isEqualTo(300);
  }

  @Test
  void startsAndPausesWithAStateMask() {
    provisioner.ensureSourceProfile(source, PASSWORD);
    provisioner.ensureDestinationProfile();
    provisioner.ensureStream(ReplicationSettings.defaults(), target);

    assertThat(provisioner.start()).isEqualTo("RUNNING");
    assertThat(provisioner.pause()).isEqualTo("PAUSED");

    List<UpdateStreamRequest> updates = fake.requestsOf(UpdateStreamRequest.class);
    assertThat(updates).hasSize(2);
    assertThat(updates).allSatisfy(update -> assertThat(update.getUpdateMask().getPathsList()).containsExactly("state"));
    assertThat(fake.streams.get(names.stream()).getState()).isEqualTo(Stream.State.PAUSED);
  }

  @Test
  void aMissingPublicationNamesTheFix() {
    fake.publications.clear();
    provisioner.ensureSourceProfile(source, PASSWORD);
    provisioner.ensureDestinationProfile();

    assertThatThrownBy(() -> provisioner.ensureStream(ReplicationSettings.defaults(), target))
        .isInstanceOf(DatastreamSetupException.class)
        .hasMessageContaining("publication \"shop_publication\" does not exist")
        .hasMessageContaining("ReplicationSetup.prepare")
        .hasMessageContaining("shop_datastream_slot")
        .hasMessageNotContaining(PASSWORD);
    assertThat(fake.streams).isEmpty();
  }

  @Test
  void describesStateErrorsAndBackfillPerTable() {
    provisioner.ensureSourceProfile(source, PASSWORD);
    provisioner.ensureDestinationProfile();
    provisioner.ensureStream(ReplicationSettings.defaults(), target);
    provisioner.start();
    fake.streams.compute(
        names.stream(),
        (name, stream) ->
            stream.toBuilder()
                .addErrors(Error.newBuilder().setReason("BIGQUERY_QUOTA").setMessage("quota exceeded, retrying"))
                .build());
    fake.objects.put(
        names.stream(),
        List.of(
            streamObject("products", BackfillJob.State.COMPLETED, null),
            streamObject("orders", BackfillJob.State.FAILED, "permission denied for table orders")));

    StreamReport report = provisioner.describe();

    assertThat(report.state()).isEqualTo("RUNNING");
    assertThat(report.errors()).containsExactly("BIGQUERY_QUOTA: quota exceeded, retrying");
    assertThat(report.objects())
        .containsExactly(
            new StreamReport.ObjectReport("shop.products", "COMPLETED", List.of()),
            new StreamReport.ObjectReport("shop.orders", "FAILED", List.of("PERMISSION: permission denied for table orders")));
    assertThat(report.render()).contains("shop.orders: backfill FAILED").contains("error: PERMISSION: permission denied");
  }

  @Test
  void fetchesStaticIpsOfTheRegion() {
    assertThat(provisioner.fetchStaticIps()).containsExactly("34.72.28.29", "34.67.234.134");
    assertThat(fake.requests.get(0).toString()).contains("projects/shop-analytics/locations/europe-west3");
  }

  private static StreamObject streamObject(String table, BackfillJob.State state, String error) {
    BackfillJob.Builder job = BackfillJob.newBuilder().setState(state);
    if (error != null) {
      job.addErrors(Error.newBuilder().setReason("PERMISSION").setMessage(error));
    }
    return StreamObject.newBuilder()
        .setDisplayName(table)
        .setSourceObject(
            SourceObjectIdentifier.newBuilder()
                .setPostgresqlIdentifier(SourceObjectIdentifier.PostgresqlObjectIdentifier.newBuilder().setSchema("shop").setTable(table)))
        .setBackfillJob(job)
        .build();
  }
}
