package io.github.hybridshop.gcp.replication;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * An update that leaves a TOASTed column alone keeps that column in the warehouse. The shop's own
 * text columns are at most 200 characters and never TOASTed, so the test adds a table of its own
 * ({@code shop.test_notes}, body stored out of line) to a test publication: the replicator
 * handles any table the publication lists, the same code path as the shop tables.
 */
class ToastTest {
  @TempDir Path dataDir;
  @RegisterExtension final ReplicationFixture fixture = new ReplicationFixture();

  @Test
  void anUpdateOfAnotherColumnKeepsTheUntouchedToastValue() throws Exception {
    String body = randomText(10_240);
    try (Connection connection = fixture.db.dataSource().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE shop.test_notes (id bigint PRIMARY KEY, title text NOT NULL, body text NOT NULL)");
      // EXTERNAL: out of line and uncompressed, so pgoutput omits it when unchanged.
      statement.execute("ALTER TABLE shop.test_notes ALTER COLUMN body SET STORAGE EXTERNAL");
      statement.execute("CREATE PUBLICATION shop_test_toast FOR TABLE shop.test_notes");
    }
    ReplicatorConfig config = fixture.config(dataDir).withPublication("shop_test_toast", List.of("shop.test_notes"));
    try (LocalReplicator replicator = LocalReplicator.start(config)) {
      try (Connection connection = fixture.db.dataSource().getConnection();
          PreparedStatement insert = connection.prepareStatement("INSERT INTO shop.test_notes VALUES (1, 'first', ?)")) {
        insert.setString(1, body);
        insert.executeUpdate();
      }
      awaitTitle(replicator, "first");
      try (Connection connection = fixture.db.dataSource().getConnection();
          Statement statement = connection.createStatement()) {
        statement.execute("UPDATE shop.test_notes SET title = 'second' WHERE id = 1");
      }
      awaitTitle(replicator, "second");
      try (Connection connection = replicator.readConnection();
          Statement statement = connection.createStatement();
          ResultSet rs = statement.executeQuery("SELECT body FROM shop_test_notes WHERE id = 1")) {
        assertThat(rs.next()).isTrue();
        String kept = rs.getString(1);
        assertThat(body.equals(kept))
            .as("the 10 KB body survives (warehouse has %s)", kept.length() > 40 ? kept.substring(0, 40) + "..." : kept)
            .isTrue();
      }
    }
  }

  private static void awaitTitle(LocalReplicator replicator, String title) throws Exception {
    String seen = null;
    for (int i = 0; i < 600 && !title.equals(seen); i++) {
      Thread.sleep(100);
      try (Connection connection = replicator.readConnection();
          Statement statement = connection.createStatement();
          ResultSet rs = statement.executeQuery("SELECT title FROM shop_test_notes WHERE id = 1")) {
        seen = rs.next() ? rs.getString(1) : null;
      } catch (java.sql.SQLException e) {
        seen = null; // not created yet
      }
    }
    assertThat(seen).isEqualTo(title);
  }

  private static String randomText(int length) {
    Random random = new Random(42);
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      text.append((char) ('a' + random.nextInt(26)));
    }
    return text.toString();
  }
}
