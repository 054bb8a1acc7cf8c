package io.github.hybridshop.examples.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The environment variables the code reads, as fixed in the cross-module contract
 * (notes/contract.md), and a check that Terraform sets exactly those: the seed deployment's
 * Lambdas read variables its Terraform never set.
 *
 * @param component what the variables configure, for messages
 * @param resourceType the resource whose module sets them ({@code aws_lambda_function} or
 *     {@code google_cloud_run_v2_service})
 * @param known every name the component's code reads (optional ones included)
 * @param required names Terraform must set for the cloud deployment
 * @param forbidden names that must not be set in the cloud: secrets in plain text, or names the
 *     platform reserves
 */
record EnvContract(String component, String resourceType, Set<String> known, Set<String> required, Set<String> forbidden) {

  /** shop-aws handlers (the API functions and the migrate function together). */
  static final EnvContract LAMBDA = new EnvContract(
      "shop-aws Lambda functions",
      "aws_lambda_function",
      Set.of("SHOP_DB_SECRET_ARN", "DB_HOST", "DB_PORT", "DB_NAME", "DB_SSLMODE", "SHOP_DB_URL",
          "DB_USER", "DB_PASSWORD", "SHOP_CURRENCY", "SHOP_ADMIN_TOKEN_SECRET_ARN", "SHOP_ADMIN_TOKEN",
          "SHOP_ADMIN_JWT_SUBJECTS", "SHOP_REPLICATION_USER", "SHOP_REPLICATION_PASSWORD_SECRET_ARN",
          "SHOP_REPLICATION_FLAVOUR"),
      Set.of("SHOP_DB_SECRET_ARN", "DB_HOST", "DB_PORT", "DB_NAME", "DB_SSLMODE", "SHOP_CURRENCY",
          "SHOP_ADMIN_JWT_SUBJECTS", "SHOP_REPLICATION_USER", "SHOP_REPLICATION_PASSWORD_SECRET_ARN",
          "SHOP_REPLICATION_FLAVOUR"),
      // Plain-text credentials: the cloud passes secret ARNs instead.
      Set.of("DB_PASSWORD", "SHOP_ADMIN_TOKEN"));

  /** shop-gcp web app on Cloud Run. */
  static final EnvContract WEB = new EnvContract(
      "shop-gcp web app",
      "google_cloud_run_v2_service",
      Set.of("PORT", "SHOP_API_URL", "SHOP_API_AUDIENCE", "SHOP_COOKIE_SECRET", "SHOP_ADMIN_PASSWORD_HASH",
          "SHOP_ADMIN_API_TOKEN", "SHOP_CURRENCY", "SHOP_WAREHOUSE", "SHOP_BQ_PROJECT", "SHOP_BQ_DATASET",
          "SHOP_BQ_LOCATION"),
      Set.of("SHOP_API_URL", "SHOP_API_AUDIENCE", "SHOP_COOKIE_SECRET", "SHOP_ADMIN_PASSWORD_HASH",
          "SHOP_CURRENCY", "SHOP_WAREHOUSE", "SHOP_BQ_PROJECT", "SHOP_BQ_DATASET", "SHOP_BQ_LOCATION"),
      // Cloud Run sets PORT itself and rejects it as a user variable.
      Set.of("PORT"));

  /**
   * An environment variable name as Terraform writes it: a map key ({@code SHOP_X = ...} at the
   * start of a line or after {@code {} or {@code ,}) or a {@code name = "SHOP_X"} attribute.
   */
  private static final Pattern ENV_NAME = Pattern.compile(
      "(?m)(?:^|[{,])\\s*(?:\"?((?:SHOP|DB)_[A-Z0-9_]+|PORT)\"?\\s*=(?!=)"
          + "|name\\s*=\\s*\"((?:SHOP|DB)_[A-Z0-9_]+|PORT)\")");

  /** Environment variable names set in a module's code. */
  static Set<String> namesSetIn(TerraformModule module) {
    Set<String> names = new TreeSet<>();
    Matcher m = ENV_NAME.matcher(module.allCode());
    while (m.find()) {
      names.add(m.group(1) != null ? m.group(1) : m.group(2));
    }
    return names;
  }

  /** Checks the module that defines {@link #resourceType}: names known, required ones present, none forbidden. */
  List<Finding> check(TerraformModule module) {
    List<Finding> findings = new ArrayList<>();
    Set<String> set = namesSetIn(module);
    for (String name : set) {
      if (forbidden.contains(name)) {
        findings.add(new Finding("env-forbidden", module.dir(), component + ": " + name + " must not be set here"));
      } else if (!known.contains(name)) {
        findings.add(new Finding("env-unknown", module.dir(), component + ": " + name
            + " is set but the code does not read it (contract names: " + new TreeSet<>(known) + ")"));
      }
    }
    for (String name : new TreeSet<>(required)) {
      if (!set.contains(name)) {
        findings.add(new Finding("env-missing", module.dir(), component + ": " + name + " is read by the code but never set"));
      }
    }
    return findings;
  }

  /** Whether the module defines the resource this contract is about. */
  boolean appliesTo(TerraformModule module) {
    return !module.resourcesOfType(resourceType).isEmpty();
  }
}
