package io.github.hybridshop.gcp.replication;

import java.nio.file.Path;

/**
 * Runs a replicator in its own JVM so a test can kill it with {@code kill -9}. Arguments: host,
 * port, database, user, data dir, slot; the password comes from {@code SHOP_REPLICATION_PASSWORD}.
 * Prints {@code applied N} lines so the parent knows it is mid-stream.
 */
public final class ReplicatorProcess {
  private ReplicatorProcess() {}

  public static void main(String[] args) throws Exception {
    ReplicatorConfig config =
        ReplicatorConfig.of(args[0], Integer.parseInt(args[1]), args[2], args[3], System.getenv("SHOP_REPLICATION_PASSWORD"), Path.of(args[4]))
            .withSlot(args[5]);
    LocalReplicator replicator = LocalReplicator.start(config);
    while (true) {
      System.out.println("applied " + replicator.appliedChanges());
      System.out.flush();
      Thread.sleep(20);
    }
  }
}
