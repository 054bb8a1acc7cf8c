package io.github.hybridshop.examples.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.hybridshop.core.testing.ShopDatabase;
import io.github.hybridshop.core.testing.ShopDatabaseExtension;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ShopDatabaseExtension.class)
class EmbeddingAppTest {

  @Test
  void addsBuysAndPrintsTheStockThroughTheMainEntryPoint(ShopDatabase db) {
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      EmbeddingApp.main(new String[] {db.jdbcUrl(), db.user(), db.password()});
    } finally {
      System.setOut(original);
    }
    String output = captured.toString(StandardCharsets.UTF_8);
    assertThat(output)
        .contains("with stock 10")
        .containsPattern("order \\d+ total 13.50 EUR")
        .contains("refused: short by 1")
        .endsWith("stock 7\n");
    long stock = db.jdbi().withHandle(h -> h.createQuery("SELECT stock FROM shop.products WHERE category = 'Examples'").mapTo(Long.class).one());
    assertThat(stock).isEqualTo(7);
  }
}
