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
 * The local admin bearer token: the one given on the command line, else the one stored in the
 * data directory, else a new random one stored there readable by the owner only.
 */
public final class AdminToken {
  private static final String FILE = "admin-token";

  private AdminToken() {}

  /**
   * Resolves the token.
   *
   * @param dataDir the local data directory
   * @param given the token from {@code --admin-token}, or {@code null}
   * @return the token
   * @throws IOException when the stored token cannot be read or written
   * @throws IllegalArgumentException when the given token is shorter than 16 characters
   */
  public static String resolve(Path dataDir, String given) throws IOException {
    if (given != null) {
      if (given.length() < 16) {
        throw new IllegalArgumentException("--admin-token must be at least 16 characters");
      }
      return given;
    }
    Path file = dataDir.resolve(FILE);
    if (Files.exists(file)) {
      return Files.readString(file, StandardCharsets.UTF_8).strip();
    }
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } else {
      Files.createFile(file);
    }
    Files.writeString(file, token + "\n", StandardCharsets.UTF_8);
    return token;
  }
}
