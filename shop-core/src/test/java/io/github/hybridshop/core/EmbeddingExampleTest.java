package io.github.hybridshop.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.hybridshop.core.catalog.NewProduct;
import io.github.hybridshop.core.catalog.Product;
import io.github.hybridshop.core.checkout.Order;
import io.github.hybridshop.core.checkout.OrderItem;
import io.github.hybridshop.core.checkout.OrderRequest;
import io.github.hybridshop.core.testing.ShopDatabase;
import io.github.hybridshop.core.testing.ShopDatabaseExtension;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The README's embedding example is the code between the tag comments below; the second test
 * fails when the README and this code drift apart.
 */
@ExtendWith(ShopDatabaseExtension.class)
class EmbeddingExampleTest {

  @Test
  void theReadmeExampleWorks(ShopDatabase db) {
    DataSource dataSource = db.dataSource();
    // tag::embedding[]
    Shop shop = Shop.migrateAndConnect(dataSource, ShopConfig.of("EUR"));

    Product tea = shop.catalog().add(new NewProduct("Green tea", "Tea", new BigDecimal("4.50"), 10));

    try {
      Order order = shop.checkout().buy("order-42", OrderRequest.of(new OrderItem(tea.id(), 3)));
      System.out.println("Order " + order.id() + " total " + order.total()); // 13.50 EUR
    } catch (InsufficientStockException e) {
      e.shortages().forEach(s -> System.out.println("short by " + s.shortfall()));
    } catch (ValidationException e) {
      e.errors().forEach(err -> System.out.println(err.field() + " " + err.message()));
    }

    System.out.println(shop.catalog().get(tea.id()).stock()); // 7
    // end::embedding[]
    assertThat(shop.catalog().get(tea.id()).stock()).isEqualTo(7);
    assertThat(shop.checkout().find(1)).hasValueSatisfying(o -> assertThat(o.total()).isEqualTo(Money.of("13.50", "EUR")));
  }

  @Test
  void theReadmeShowsExactlyThisCode() throws IOException {
    Path source = Path.of("src/test/java/io/github/hybridshop/core/EmbeddingExampleTest.java");
    List<String> lines = Files.readAllLines(source);
    int start = lines.indexOf("    // tag::embedding[]");
    int end = lines.indexOf("    // end::embedding[]");
    List<String> snippet =
        lines.subList(start + 1, end).stream()
            .map(line -> line.length() >= 4 ? line.substring(4) : line)
            .collect(Collectors.toList());
    List<String> block = readmeBlockAfter(Files.readAllLines(Path.of("../README.md")), "run by `EmbeddingExampleTest`");
    assertThat(block)
        .as("README.md's embedding block must be exactly the tagged region of %s; diff (- README, + test):%n%s", source, diff(block, snippet))
        .isEqualTo(snippet);
  }

  /** The lines of the first fenced block after the line containing {@code marker}, fences excluded. */
  private static List<String> readmeBlockAfter(List<String> readme, String marker) {
    int intro = 0;
    while (intro < readme.size() && !readme.get(intro).contains(marker)) {
      intro++;
    }
    assertThat(intro).as("README.md has no line containing %s", marker).isLessThan(readme.size());
    int open = intro + 1;
    while (open < readme.size() && !readme.get(open).startsWith("```")) {
      open++;
    }
    int close = open + 1;
    while (close < readme.size() && !readme.get(close).startsWith("```")) {
      close++;
    }
    assertThat(close).as("README.md has no closed fenced block after %s", marker).isLessThan(readme.size());
    return readme.subList(open + 1, close);
  }

  /** A line-by-line diff, enough to point at the drifted lines. */
  private static String diff(List<String> readme, List<String> snippet) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < Math.max(readme.size(), snippet.size()); i++) {
      String left = i < readme.size() ? readme.get(i) : null;
      String right = i < snippet.size() ? snippet.get(i) : null;
      if (left == null || !left.equals(right)) {
        if (left != null) {
          out.append(String.format("- %d: %s%n", i + 1, left));
        }
        if (right != null) {
          out.append(String.format("+ %d: %s%n", i + 1, right));
        }
      }
    }
    return out.toString();
  }
}
