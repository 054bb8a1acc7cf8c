package io.github.hybridshop.gcp.datastream;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.gax.core.NoCredentialsProvider;
import com.google.api.gax.grpc.GrpcTransportChannel;
import com.google.api.gax.rpc.FixedTransportChannelProvider;
import com.google.cloud.datastream.v1.DatastreamClient;
import com.google.cloud.datastream.v1.DatastreamSettings;
import com.google.cloud.datastream.v1.Stream;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The operator entry point against the Datastream fake, through the real client library. */
class DatastreamMainTest {
  private static final String CA = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";

  @TempDir Path dir;
  private final FakeDatastream fake = new FakeDatastream();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final Map<String, String> env = new HashMap<>();
  private Server server;
  private ManagedChannel channel;

  @BeforeEach
  void start() throws Exception {
    String name = InProcessServerBuilder.generateName();
    server = InProcessServerBuilder.forName(name).directExecutor().addService(fake).build().start();
    channel = InProcessChannelBuilder.forName(name).directExecutor().build();
    fake.publications.add("shop_publication");
    env.put("SHOP_DATASTREAM_PROJECT", "shop-analytics");
    env.put("SHOP_DATASTREAM_REGION", "europe-west3");
  }

  @Test
  void usesTheIdsTerraformGivesTheDeploymentName() {
    env.put("SHOP_DATASTREAM_NAME", "shop-eu");
    assertThat(run("start")).isEqualTo(1);
    assertThat(text(err)).contains("shop-eu-shop-to-bigquery");
  }

  @AfterEach
  void stop() {
    channel.shutdownNow();
    server.shutdownNow();
  }

  @Test
  void provisionsFromTheEnvironmentThenDescribesTheStream() throws Exception {
    Path ca = Files.writeString(dir.resolve("rds-bundle.pem"), CA);
    env.putAll(Map.of(
        "DB_HOST", "shop.abc123.eu-central-1.rds.amazonaws.com", "DB_NAME", "shop", "DB_SSLROOTCERT", ca.toString(),
        "SHOP_REPLICATION_PASSWORD", "s3cret-Replication-pw", "SHOP_BQ_DATASET", "shop_replica"));

    assertThat(run("provision")).isZero();
    assertThat(text(out)).contains("source profile: CREATED", "destination profile: CREATED", "stream: CREATED");
    assertThat(text(out)).doesNotContain("s3cret");
    var profile = fake.profiles.get("projects/shop-analytics/locations/europe-west3/connectionProfiles/hybrid-shop-postgres");
    assertThat(profile.getPostgresqlProfile().getUsername()).isEqualTo("shop_replicator");
    assertThat(profile.getPostgresqlProfile().getSslConfig().getServerVerification().getCaCertificate()).isEqualTo(CA);
    Stream stream = fake.streams.get("projects/shop-analytics/locations/europe-west3/streams/hybrid-shop-shop-to-bigquery");
    assertThat(stream.getDestinationConfig().getBigqueryDestinationConfig().getSingleTargetDataset().getDatasetId())
        .isEqualTo("shop-analytics:shop_replica");
    assertThat(stream.getDestinationConfig().getBigqueryDestinationConfig().getDataFreshness().getSeconds()).isEqualTo(900);

    out.reset();
    assertThat(run("start")).isZero();
    assertThat(text(out)).contains("hybrid-shop-shop-to-bigquery: RUNNING");
    out.reset();
    assertThat(run()).isZero();
    assertThat(text(out)).contains("projects/shop-analytics/locations/europe-west3/streams/hybrid-shop-shop-to-bigquery", "RUNNING");
  }

  @Test
  void listsTheStaticIps() {
    assertThat(run("static-ips")).isZero();
    assertThat(text(out).lines()).containsExactly("34.72.28.29", "34.67.234.134");
  }

  @Test
  void aMissingSettingStopsWithOneLineNamingIt() {
    env.remove("SHOP_DATASTREAM_REGION");
    assertThat(run("describe")).isEqualTo(DatastreamMain.USAGE);
    assertThat(text(err)).isEqualTo("shop-datastream: SHOP_DATASTREAM_REGION is required: set it to the Datastream region, such as europe-west3\n");

    env.put("SHOP_DATASTREAM_REGION", "europe-west3");
    err.reset();
    assertThat(run("provision")).isEqualTo(DatastreamMain.USAGE);
    assertThat(text(err)).startsWith("shop-datastream: DB_SSLROOTCERT is required");
    assertThat(fake.profiles).isEmpty();
  }

  @Test
  void anUnknownCommandNamesTheKnownOnes() {
    assertThat(run("delete")).isEqualTo(DatastreamMain.USAGE);
    assertThat(text(err)).contains("unknown command 'delete'", "describe, static-ips, provision, start, pause");
  }

  @Test
  void aDatastreamFailureIsOneLineAndStatusOne() {
    assertThat(run("describe")).isEqualTo(1);
    assertThat(text(err)).startsWith("shop-datastream: describe failed: ").doesNotContain("\tat ");
  }

  private int run(String... args) {
    return DatastreamMain.run(
        args, env, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
        () -> DatastreamClient.create(
            DatastreamSettings.newBuilder()
                .setTransportChannelProvider(FixedTransportChannelProvider.create(GrpcTransportChannel.create(channel)))
                .setCredentialsProvider(NoCredentialsProvider.create())
                .build()));
  }

  private static String text(ByteArrayOutputStream stream) {
    return stream.toString(StandardCharsets.UTF_8);
  }
}
