package io.github.hybridshop.gcp.web.security;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * A salted PBKDF2-HMAC-SHA256 password hash in the text form
 * {@code pbkdf2-sha256$<iterations>$<salt, base64>$<hash, base64>} (standard base64 with
 * padding; a 16-byte salt and a 32-byte hash when made by {@link #create(char[])}). Only the
 * JDK's {@code PBKDF2WithHmacSHA256} is used, so the hash can be checked anywhere.
 *
 * @param iterations the PBKDF2 iteration count
 * @param salt the random salt
 * @param hash the derived key
 */
public record PasswordHash(int iterations, byte[] salt, byte[] hash) {
  /** Iterations for new hashes (OWASP's 2023 advice for PBKDF2-HMAC-SHA256 is 600,000). */
  public static final int DEFAULT_ITERATIONS = 600_000;

  private static final String SCHEME = "pbkdf2-sha256";
  private static final SecureRandom RANDOM = new SecureRandom();

  /**
   * Checks the parts.
   *
   * @param iterations see the record description
   * @param salt see the record description
   * @param hash see the record description
   */
  public PasswordHash {
    if (iterations < 10_000 || iterations > 10_000_000) {
      throw new IllegalArgumentException("iterations must be between 10000 and 10000000");
    }
    if (salt.length < 8 || hash.length < 16) {
      throw new IllegalArgumentException("salt must be at least 8 bytes and hash at least 16");
    }
    salt = salt.clone();
    hash = hash.clone();
  }

  /**
   * Parses the text form.
   *
   * @param text {@code pbkdf2-sha256$iterations$salt$hash}
   * @return the hash
   * @throws IllegalArgumentException when the text is not in that form
   */
  public static PasswordHash parse(String text) {
    String[] parts = text.strip().split("\\$");
    if (parts.length != 4 || !parts[0].equals(SCHEME)) {
      throw new IllegalArgumentException(
          "expected pbkdf2-sha256$<iterations>$<saltBase64>$<hashBase64> (make one with HashPassword)");
    }
    try {
      return new PasswordHash(
          Integer.parseInt(parts[1]), Base64.getDecoder().decode(parts[2]), Base64.getDecoder().decode(parts[3]));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("the iteration count is not a number", e);
    }
  }

  /**
   * Hashes a new password with a fresh salt and {@link #DEFAULT_ITERATIONS}.
   *
   * @param password the password
   * @return the hash
   */
  public static PasswordHash create(char[] password) {
    return create(password, DEFAULT_ITERATIONS);
  }

  /**
   * Hashes a new password with a fresh salt.
   *
   * @param password the password
   * @param iterations the PBKDF2 iteration count
   * @return the hash
   */
  public static PasswordHash create(char[] password, int iterations) {
    byte[] salt = new byte[16];
    RANDOM.nextBytes(salt);
    return new PasswordHash(iterations, salt, derive(password, salt, iterations, 32));
  }

  /**
   * Checks a password in constant time.
   *
   * @param password the candidate
   * @return {@code true} when it matches
   */
  public boolean matches(char[] password) {
    return MessageDigest.isEqual(hash, derive(password, salt, iterations, hash.length));
  }

  /**
   * Returns the text form.
   *
   * @return {@code pbkdf2-sha256$iterations$salt$hash}
   */
  public String format() {
    Base64.Encoder b64 = Base64.getEncoder();
    return SCHEME + "$" + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
  }

  /** Never prints the salt or hash. */
  @Override
  public String toString() {
    return SCHEME + "$" + iterations + "$…";
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PasswordHash that
        && iterations == that.iterations
        && MessageDigest.isEqual(salt, that.salt)
        && MessageDigest.isEqual(hash, that.hash);
  }

  @Override
  public int hashCode() {
    return Integer.hashCode(iterations) * 31 + Arrays.hashCode(salt);
  }

  private static byte[] derive(char[] password, byte[] salt, int iterations, int bytes) {
    PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, bytes * 8);
    try {
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every Java runtime has PBKDF2WithHmacSHA256", e);
    } finally {
      spec.clearPassword();
    }
  }
}
