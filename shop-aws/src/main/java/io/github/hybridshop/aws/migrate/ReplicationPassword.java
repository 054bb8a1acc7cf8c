package io.github.hybridshop.aws.migrate;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.hybridshop.api.JsonCodec;
import io.github.hybridshop.api.ProblemException;
import io.github.hybridshop.aws.config.ConfigurationException;

/** Reads the replication role's password from a secret string: plain text or JSON {@code {"password": ...}}. */
final class ReplicationPassword {
  private ReplicationPassword() {}

  static String parse(String secret) {
    String text = secret.strip();
    if (text.startsWith("{")) {
      try {
        JsonNode json = JsonCodec.readTree(text);
        if (json.path("password").isTextual()) {
          text = json.get("password").textValue();
        } else {
          text = "";
        }
      } catch (ProblemException e) {
        text = "";
      }
    }
    if (text.length() < 12) {
      throw new ConfigurationException(
          "SHOP_REPLICATION_PASSWORD_SECRET_ARN must name a secret holding a password of at least 12 characters"
              + " (plain text or JSON {\"password\": ...})");
    }
    return text;
  }
}
