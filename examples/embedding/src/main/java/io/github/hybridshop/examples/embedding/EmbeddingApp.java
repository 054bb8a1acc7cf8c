package io.github.hybridshop.examples.embedding;

import io.github.hybridshop.core.InsufficientStockException;
import io.github.hybridshop.core.Shop;
import io.github.hybridshop.core.ShopConfig;
import io.github.hybridshop.core.catalog.NewProduct;
import io.github.hybridshop.core.catalog.Product;
import io.github.hybridshop.core.checkout.Order;
import io.github.hybridshop.core.checkout.OrderItem;
import io.github.hybridshop.core.checkout.OrderRequest;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.util.UUID;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The smallest useful embedding of shop-core, no framework: add a product, buy some, print the
 * stock.
 *
 * <pre>
 * java -cp ... io.github.hybridshop.examples.embedding.EmbeddingApp \
 *     jdbc:postgresql://localhost:5432/shop USER PASSWORD
 * </pre>
 */
public final class EmbeddingApp {
  private EmbeddingApp() {}

  public static void main(String[] args) {
    if (args.length != 3) {
      System.err.println("usage: EmbeddingApp JDBC_URL USER PASSWORD");
      System.exit(2);
    }
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setUrl(args[0]);
    dataSource.setUser(args[1]);
    dataSource.setPassword(args[2]);
    run(Shop.migrateAndConnect(dataSource, ShopConfig.of("EUR")), System.out);
  }

  static void run(Shop shop, PrintStream out) {
    // A unique name so the example can run again on the same database.
    String name = "Example tea " + UUID.randomUUID().toString().substring(0, 8);
    Product tea = shop.catalog().add(new NewProduct(name, "Examples", new BigDecimal("4.50"), 10));
    out.println("added " + tea.name() + " with stock " + tea.stock());

    Order order = shop.checkout().buy(UUID.randomUUID().toString(), OrderRequest.of(new OrderItem(tea.id(), 3)));
    out.println("order " + order.id() + " total " + order.total());

    try {
      shop.checkout().buy(UUID.randomUUID().toString(), OrderRequest.of(new OrderItem(tea.id(), 8)));
    } catch (InsufficientStockException e) {
      out.println("refused: short by " + e.shortages().get(0).shortfall());
    }
    out.println("stock " + shop.catalog().get(tea.id()).stock());
  }
}
