package io.github.hybridshop.examples.local;

import java.nio.file.Path;

/**
 * Command-line options of {@code java -jar shop-local.jar}.
 *
 * @param apiPort the API's port on 127.0.0.1 (0 for any free one)
 * @param webPort the web site's port on 127.0.0.1 (0 for any free one)
 * @param dataDir where PostgreSQL's data, its port, the warehouse and the admin secrets are kept
 *     between runs
 * @param adminToken the admin bearer token, or {@code null} to use the stored or a new one
 * @param adminPassword the web admin password, or {@code null} to use the stored or a new one
 * @param demoData whether to load the demo catalog into an empty shop
 */
public record LocalShopOptions(
    int apiPort, int webPort, Path dataDir, String adminToken, String adminPassword, boolean demoData) {

  /** The usage line printed on bad arguments. */
  public static final String USAGE =
      "usage: java -jar shop-local.jar [--api-port 3000] [--web-port 8080] [--data-dir .shop-local]"
          + " [--admin-token TOKEN] [--admin-password PASSWORD] [--demo-data]";

  /**
   * Parses the arguments.
   *
   * @param args the command line
   * @return the options
   * @throws IllegalArgumentException with a message naming the bad argument
   */
  public static LocalShopOptions parse(String... args) {
    int apiPort = 3000;
    int webPort = 8080;
    Path dataDir = Path.of(".shop-local");
    String adminToken = null;
    String adminPassword = null;
    boolean demoData = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--api-port" -> apiPort = port("--api-port", value(args, ++i, "--api-port"));
        case "--web-port" -> webPort = port("--web-port", value(args, ++i, "--web-port"));
        case "--data-dir" -> dataDir = Path.of(value(args, ++i, "--data-dir"));
        case "--admin-token" -> adminToken = value(args, ++i, "--admin-token");
        case "--admin-password" -> adminPassword = value(args, ++i, "--admin-password");
        case "--demo-data" -> demoData = true;
        default -> throw new IllegalArgumentException("unknown argument " + args[i] + "\n" + USAGE);
      }
    }
    return new LocalShopOptions(apiPort, webPort, dataDir, adminToken, adminPassword, demoData);
  }

  /** Never prints the secrets. */
  @Override
  public String toString() {
    return "LocalShopOptions[apiPort=" + apiPort + ", webPort=" + webPort + ", dataDir=" + dataDir
        + ", adminToken=" + (adminToken == null ? "stored" : "given") + ", adminPassword="
        + (adminPassword == null ? "stored" : "given") + ", demoData=" + demoData + "]";
  }

  private static String value(String[] args, int i, String flag) {
    if (i >= args.length || args[i].startsWith("--")) {
      throw new IllegalArgumentException(flag + " needs a value\n" + USAGE);
    }
    return args[i];
  }

  private static int port(String flag, String value) {
    try {
      int port = Integer.parseInt(value);
      if (port >= 0 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(flag + " must be a port number (0-65535), got " + value);
  }
}
