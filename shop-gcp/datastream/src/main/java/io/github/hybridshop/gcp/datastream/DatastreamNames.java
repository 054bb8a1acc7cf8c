package io.github.hybridshop.gcp.datastream;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The resource names of one replication setup in Datastream: project, region, the two
 * connection profiles and the stream.
 *
 * @param project the Google Cloud project id
 * @param region the Datastream region, for example {@code europe-west3}
 * @param sourceProfileId the PostgreSQL connection profile id
 * @param destinationProfileId the BigQuery connection profile id
 * @param streamId the stream id
 */
public record DatastreamNames(
    String project, String region, String sourceProfileId, String destinationProfileId, String streamId) {
  private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{0,61}[a-z0-9]");

  /** Checks every id against Datastream's resource id rules. */
  public DatastreamNames {
    requireId("project", project);
    requireId("region", region);
    requireId("sourceProfileId", sourceProfileId);
    requireId("destinationProfileId", destinationProfileId);
    requireId("streamId", streamId);
  }

  /**
   * Short ids for a stream set up by hand ({@code shop-postgres}, {@code shop-bigquery},
   * {@code shop-stream}); Terraform names its resources with {@link #deployed}.
   *
   * @param project the project
   * @param region the region
   * @return the names
   */
  public static DatastreamNames defaults(String project, String region) {
    return new DatastreamNames(project, region, "shop-postgres", "shop-bigquery", "shop-stream");
  }

  /**
   * The ids Terraform's gcp-replication module gives its resources for a deployment
   * {@code name} (the root module's {@code name}, {@code hybrid-shop} by default):
   * {@code <name>-postgres}, {@code <name>-bigquery} and the stream {@code <name>-shop-to-bigquery}.
   *
   * @param project the project
   * @param region the region
   * @param name the deployment name
   * @return the names
   */
  public static DatastreamNames deployed(String project, String region, String name) {
    return new DatastreamNames(project, region, name + "-postgres", name + "-bigquery", name + "-shop-to-bigquery");
  }

  /** @return {@code projects/<p>/locations/<r>} */
  public String location() {
    return "projects/" + project + "/locations/" + region;
  }

  /** @return the source profile's full name */
  public String sourceProfile() {
    return location() + "/connectionProfiles/" + sourceProfileId;
  }

  /** @return the destination profile's full name */
  public String destinationProfile() {
    return location() + "/connectionProfiles/" + destinationProfileId;
  }

  /** @return the stream's full name */
  public String stream() {
    return location() + "/streams/" + streamId;
  }

  private static void requireId(String what, String value) {
    Objects.requireNonNull(value, what);
    if (!ID.matcher(value).matches()) {
      throw new IllegalArgumentException(what + " must be lower-case letters, digits and hyphens, got " + value);
    }
  }
}
