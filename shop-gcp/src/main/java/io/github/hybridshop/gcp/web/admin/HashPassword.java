package io.github.hybridshop.gcp.web.admin;

import io.github.hybridshop.gcp.web.security.PasswordHash;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Prints a {@code SHOP_ADMIN_PASSWORD_HASH} value for a password read from the console (not
 * echoed) or, when there is none, from the first line of standard input:
 * {@code java -cp shop-web.jar io.github.hybridshop.gcp.web.admin.HashPassword}. The password is
 * never taken from the command line, where other users and shell history could see it.
 */
public final class HashPassword {
  private HashPassword() {}

  /**
   * Reads a password and prints its hash.
   *
   * @param args none
   * @throws IOException when standard input cannot be read
   */
  public static void main(String[] args) throws IOException {
    char[] password;
    Console console = System.console();
    if (console != null) {
      password = console.readPassword("Admin password: ");
    } else {
      String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
      password = line == null ? new char[0] : line.toCharArray();
    }
    if (password == null || password.length < 12) {
      System.err.println("HashPassword: use a password of at least 12 characters");
      System.exit(2);
    }
    System.out.println(PasswordHash.create(password).format());
  }
}
