package io.github.hybridshop.gcp.datastream;

import com.google.api.gax.rpc.ApiException;
import com.google.cloud.datastream.v1.DatastreamClient;
import io.github.hybridshop.core.replication.ReplicationSettings;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * The operator's entry point: {@code java -jar shop-datastream.jar <command>}, configured by
 * environment variables, with Google Application Default Credentials.
 *
 * <ul>
 *   <li>{@code describe} (default): the stream's state, errors and per-table backfill;
 *   <li>{@code static-ips}: the addresses Datastream connects from, one per line, for the RDS
 *       security group;
 *   <li>{@code provision}: creates or updates both connection profiles and the stream (Terraform
 *       does the same on deploy; this is for a stream outside Terraform or a repair);
 *   <li>{@code start}, {@code pause}: changes the stream's state.
 * </ul>
 *
 * <p>Every command reads {@code SHOP_DATASTREAM_PROJECT}, {@code SHOP_DATASTREAM_REGION} and
 * {@code SHOP_DATASTREAM_NAME} (Terraform's deployment {@code name}, {@code hybrid-shop}) and uses
 * the resource ids Terraform gives that name ({@link DatastreamNames#deployed}). {@code provision} also
 * reads {@code DB_HOST}, {@code DB_PORT} (5432), {@code DB_NAME}, {@code SHOP_REPLICATION_USER}
 * ({@code shop_replicator}), {@code SHOP_REPLICATION_PASSWORD}, {@code DB_SSLROOTCERT} (a PEM file),
 * {@code SHOP_BQ_PROJECT} (the Datastream project), {@code SHOP_BQ_DATASET} and
 * {@code SHOP_BQ_FRESHNESS} ({@code PT15M}). A missing or malformed setting stops it with one line
 * naming the variable and exit status 2; a Datastream failure with one line and status 1.
 */
public final class DatastreamMain {
  /** Exit status of a bad command line or setting. */
  static final int USAGE = 2;

  private static final List<String> COMMANDS = List.of("describe", "static-ips", "provision", "start", "pause");

  /** Opens a client for the project and region (replaced in tests by one on a fake server). */
  @FunctionalInterface
  interface Clients {
    DatastreamClient open() throws IOException;
  }

  private DatastreamMain() {}

  /**
   * Runs one command and exits with its status.
   *
   * @param args the command, {@code describe} when absent
   */
  public static void main(String[] args) {
    System.exit(run(args, System.getenv(), System.out, System.err, DatastreamClient::create));
  }

  static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err, Clients clients) {
    String command = args.length == 0 ? "describe" : args[0];
    if (args.length > 1 || !COMMANDS.contains(command)) {
      err.println("shop-datastream: unknown command '" + String.join(" ", args) + "': use one of " + String.join(", ", COMMANDS));
      return USAGE;
    }
    DatastreamNames names;
    Provision provision = null;
    try {
      names = DatastreamNames.deployed(
          required(env, "SHOP_DATASTREAM_PROJECT", "the Google Cloud project of the stream"),
          required(env, "SHOP_DATASTREAM_REGION", "the Datastream region, such as europe-west3"),
          env.getOrDefault("SHOP_DATASTREAM_NAME", "hybrid-shop").strip());
      if (command.equals("provision")) {
        provision = Provision.fromEnv(env, names.project());
      }
    } catch (IllegalArgumentException e) {
      err.println("shop-datastream: " + e.getMessage());
      return USAGE;
    }
    try (DatastreamClient client = clients.open()) {
      StreamProvisioner provisioner = new StreamProvisioner(client, names);
      switch (command) {
        case "describe" -> out.println(provisioner.describe().render());
        case "static-ips" -> provisioner.fetchStaticIps().forEach(out::println);
        case "start" -> out.println(names.stream() + ": " + provisioner.start());
        case "pause" -> out.println(names.stream() + ": " + provisioner.pause());
        default -> provision.apply(provisioner, out);
      }
      return 0;
    } catch (IOException e) {
      err.println("shop-datastream: could not open a Datastream client (are Application Default Credentials set up?): " + e.getMessage());
      return 1;
    } catch (DatastreamSetupException | ApiException e) {
      err.println("shop-datastream: " + command + " failed: " + e.getMessage());
      return 1;
    }
  }

  /** What {@code provision} creates, read from the environment. */
  private record Provision(PostgresSource source, String password, BigQueryTarget target) {
    static Provision fromEnv(Map<String, String> env, String project) {
      String portText = env.getOrDefault("DB_PORT", "5432").strip();
      int port;
      try {
        port = Integer.parseInt(portText);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("DB_PORT must be a number, got '" + portText + "'");
      }
      Path caFile = Path.of(required(env, "DB_SSLROOTCERT", "a PEM file with the CA the database certificate chains to (the RDS bundle)"));
      String ca;
      try {
        ca = Files.readString(caFile);
      } catch (IOException | UncheckedIOException e) {
        throw new IllegalArgumentException("DB_SSLROOTCERT: cannot read " + caFile + ": " + e.getMessage());
      }
      PostgresSource source;
      try {
        source = new PostgresSource(
            required(env, "DB_HOST", "the database host (the RDS endpoint)"), port,
            required(env, "DB_NAME", "the database name"),
            env.getOrDefault("SHOP_REPLICATION_USER", ReplicationSettings.defaults().user()).strip(), ca);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("DB_PORT/DB_SSLROOTCERT: " + e.getMessage());
      }
      String password = required(env, "SHOP_REPLICATION_PASSWORD", "the replication user's password (from your secret store)");
      String freshnessText = env.getOrDefault("SHOP_BQ_FRESHNESS", "PT15M").strip();
      Duration freshness;
      try {
        freshness = Duration.parse(freshnessText);
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("SHOP_BQ_FRESHNESS must be an ISO-8601 duration such as PT15M, got '" + freshnessText + "'");
      }
      BigQueryTarget target;
      try {
        target = new BigQueryTarget(
            env.getOrDefault("SHOP_BQ_PROJECT", project).strip(),
            required(env, "SHOP_BQ_DATASET", "the dataset the stream writes, such as shop_analytics"), freshness);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("SHOP_BQ_FRESHNESS: " + e.getMessage());
      }
      return new Provision(source, password, target);
    }

    void apply(StreamProvisioner provisioner, PrintStream out) {
      out.println("source profile: " + provisioner.ensureSourceProfile(source, password));
      out.println("destination profile: " + provisioner.ensureDestinationProfile());
      out.println("stream: " + provisioner.ensureStream(ReplicationSettings.defaults().withUser(source.username()), target));
    }

    @Override
    public String toString() {
      return "Provision[" + source + ", " + target + "]";
    }
  }

  private static String required(Map<String, String> env, String name, String meaning) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " is required: set it to " + meaning);
    }
    return value.strip();
  }
}
