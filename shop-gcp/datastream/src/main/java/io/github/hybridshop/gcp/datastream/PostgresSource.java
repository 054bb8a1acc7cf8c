package io.github.hybridshop.gcp.datastream;

import java.util.Objects;

/**
 * Where Datastream connects to PostgreSQL (RDS): over the internet to Datastream's static IPs,
 * with TLS verified against the given CA. The password is passed separately and never kept here.
 *
 * @param hostname the database host (RDS endpoint)
 * @param port the port
 * @param database the database name
 * @param username the replication user ({@code shop_replicator})
 * @param caCertificate the PEM CA bundle the server certificate must chain to (the RDS CA)
 */
public record PostgresSource(String hostname, int port, String database, String username, String caCertificate) {

  /** Rejects missing parts and a CA that is not PEM. */
  public PostgresSource {
    Objects.requireNonNull(hostname, "hostname");
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(username, "username");
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port must be 1-65535, got " + port);
    }
    if (caCertificate == null || !caCertificate.contains("-----BEGIN CERTIFICATE-----")) {
      throw new IllegalArgumentException(
          "caCertificate must be a PEM bundle (for RDS: https://truststore.pki.rds.amazonaws.com/<region>/<region>-bundle.pem)");
    }
  }
}
