package io.github.hybridshop.examples.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A local secret (the admin API token, the admin password): the one given on the command line,
 * else the one stored in the data directory, else a new random one stored there readable by the
 * owner only.
 *
 * @param file its file name in the data directory
 * @param flag the command-line flag that gives it
 * @param minLength the fewest characters a given value may have
 */
public record LocalSecret(String file, String flag, int minLength) {

  /** The admin bearer token of the local API. */
  public static final LocalSecret ADMIN_TOKEN = new LocalSecret("admin-token", "--admin-token", 16);

  /** The admin password of the local web site. */
  public static final LocalSecret ADMIN_PASSWORD = new LocalSecret("admin-password", "--admin-password", 12);

  /**
   * Resolves the secret.
   *
   * @param dataDir the local data directory
   * @param given the value from the command line, or {@code null}
   * @return the secret
   * @throws IOException when the stored value cannot be read or written
   * @throws IllegalArgumentException when the given value is too short
   */
  public String resolve(Path dataDir, String given) throws IOException {
    if (given != null) {
      if (given.length() < minLength) {
        throw new IllegalArgumentException(flag + " must be at least " + minLength + " characters");
      }
      return given;
    }
    Path path = dataDir.resolve(file);
    if (Files.exists(path)) {
      return Files.readString(path, StandardCharsets.UTF_8).strip();
    }
    byte[] random = new byte[24];
    new SecureRandom().nextBytes(random);
    String value = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      Files.createFile(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } else {
      Files.createFile(path);
    }
    Files.writeString(path, value + "\n", StandardCharsets.UTF_8);
    return value;
  }
}
