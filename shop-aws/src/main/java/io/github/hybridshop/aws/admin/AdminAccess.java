package io.github.hybridshop.aws.admin;

import io.github.hybridshop.aws.config.ConfigurationException;
import io.github.hybridshop.aws.config.Environment;
import io.github.hybridshop.aws.config.SecretReader;
import io.github.hybridshop.aws.http.ApiRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Who may call the admin routes: either holders of one bearer token (compared in constant
 * time), or callers whose JWT, verified by API Gateway's JWT authorizer, has an allowed
 * {@code sub} claim.
 */
public sealed interface AdminAccess {

  /** Shortest admin token accepted. */
  int MIN_TOKEN_LENGTH = 16;

  /**
   * Tells whether a request carries admin rights.
   *
   * @param request the request
   * @return {@code true} for an admin
   */
  boolean admits(ApiRequest request);

  /**
   * Admits {@code Authorization: Bearer <token>}.
   *
   * @param token the expected token, at least {@value #MIN_TOKEN_LENGTH} characters
   * @return the access rule
   */
  static AdminAccess bearerToken(String token) {
    return new BearerToken(() -> checkedToken("admin token", token));
  }

  /**
   * Admits requests whose API Gateway JWT authorizer claims name one of these subjects.
   *
   * @param subjects the allowed {@code sub} claims
   * @return the access rule
   */
  static AdminAccess jwtSubjects(Set<String> subjects) {
    if (subjects.isEmpty()) {
      throw new IllegalArgumentException("at least one subject");
    }
    return new JwtSubjects(Set.copyOf(subjects));
  }

  /**
   * Reads the rule from {@code SHOP_ADMIN_JWT_SUBJECTS} (comma-separated), else
   * {@code SHOP_ADMIN_TOKEN_SECRET_ARN} (read on first use), else {@code SHOP_ADMIN_TOKEN}.
   *
   * @param env the environment
   * @param secrets reads the token secret
   * @return the access rule
   * @throws ConfigurationException when none is set or a value is malformed
   */
  static AdminAccess fromEnvironment(Environment env, SecretReader secrets) {
    var subjects = env.get("SHOP_ADMIN_JWT_SUBJECTS");
    if (subjects.isPresent()) {
      Set<String> allowed =
          Set.copyOf(Arrays.stream(subjects.get().split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList());
      if (allowed.isEmpty()) {
        throw new ConfigurationException("SHOP_ADMIN_JWT_SUBJECTS must list at least one subject");
      }
      return new JwtSubjects(allowed);
    }
    var arn = env.get("SHOP_ADMIN_TOKEN_SECRET_ARN");
    if (arn.isPresent()) {
      return new BearerToken(
          () -> checkedToken("SHOP_ADMIN_TOKEN_SECRET_ARN", secrets.read("SHOP_ADMIN_TOKEN_SECRET_ARN", arn.get()).strip()));
    }
    String token =
        env.require(
            "SHOP_ADMIN_TOKEN",
            "set SHOP_ADMIN_TOKEN_SECRET_ARN (a secret holding the admin bearer token), SHOP_ADMIN_TOKEN (local only) or SHOP_ADMIN_JWT_SUBJECTS");
    checkedToken("SHOP_ADMIN_TOKEN", token);
    return bearerToken(token);
  }

  private static String checkedToken(String name, String token) {
    if (token == null || token.length() < MIN_TOKEN_LENGTH) {
      throw new ConfigurationException(name + " must be at least " + MIN_TOKEN_LENGTH + " characters");
    }
    return token;
  }

  /** The bearer-token rule; the expected token is loaded once, on first use. */
  final class BearerToken implements AdminAccess {
    private final Supplier<String> source;
    private byte[] expectedDigest;

    BearerToken(Supplier<String> source) {
      this.source = Objects.requireNonNull(source, "source");
    }

    @Override
    public boolean admits(ApiRequest request) {
      String header = request.header("authorization").orElse("");
      if (header.length() < 7 || !header.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ")) {
        return false;
      }
      // Comparing digests keeps the time independent of both the content and the length.
      return MessageDigest.isEqual(expected(), sha256(header.substring(7).strip()));
    }

    private synchronized byte[] expected() {
      if (expectedDigest == null) {
        expectedDigest = sha256(source.get());
      }
      return expectedDigest;
    }

    private static byte[] sha256(String text) {
      try {
        return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("every Java runtime has SHA-256", e);
      }
    }
  }

  /**
   * The JWT-authorizer rule: API Gateway already verified signature, issuer, audience and expiry.
   *
   * @param subjects the allowed {@code sub} claims
   */
  record JwtSubjects(Set<String> subjects) implements AdminAccess {
    @Override
    public boolean admits(ApiRequest request) {
      String subject = request.jwtClaims().get("sub");
      return subject != null && subjects.contains(subject);
    }
  }
}
