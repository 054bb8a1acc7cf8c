package io.github.hybridshop.core.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.hybridshop.core.InsufficientStockException;
import io.github.hybridshop.core.Shop;
import io.github.hybridshop.core.catalog.NewProduct;
import io.github.hybridshop.core.catalog.Product;
import io.github.hybridshop.core.testing.ShopDatabase;
import io.github.hybridshop.core.testing.ShopDatabaseExtension;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The stock and idempotency rules under real threads against real PostgreSQL. */
@ExtendWith(ShopDatabaseExtension.class)
class CheckoutConcurrencyTest {
  private ShopDatabase db;
  private Shop shop;

  @BeforeEach
  void setUp(ShopDatabase db) {
    this.db = db;
    this.shop = db.shop();
  }

  @Test
  void sixtyFourBuyersOfTenUnitsPlaceExactlyTenOrders() throws Exception {
    Product scarce = shop.catalog().add(new NewProduct("Scarce", "Limited", new BigDecimal("1.00"), 10));
    AtomicInteger soldOut = new AtomicInteger();

    List<Order> orders =
        runTogether(
            64,
            i ->
                () -> {
                  try {
                    return shop.checkout().buy("buyer-" + i, OrderRequest.of(new OrderItem(scarce.id(), 1)));
                  } catch (InsufficientStockException e) {
                    soldOut.incrementAndGet();
                    return null;
                  }
                });

    assertThat(orders.stream().filter(o -> o != null)).hasSize(10);
    assertThat(soldOut).hasValue(54);
    assertThat(shop.catalog().get(scarce.id()).stock()).isZero();
    assertThat(count("SELECT count(*) FROM shop.orders")).isEqualTo(10);
    assertMovementsAddUpToStock();
  }

  @Test
  void overlappingMultiLineCartsNeverDeadlockAndConserveStock() throws Exception {
    List<Product> products = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      products.add(shop.catalog().add(new NewProduct("P" + i, "Mixed", new BigDecimal("2.00"), 40)));
    }
    Map<Long, Integer> initial = new HashMap<>();
    products.forEach(p -> initial.put(p.id(), p.stock()));
    AtomicInteger rejected = new AtomicInteger();

    List<Order> orders =
        runTogether(
            16,
            thread ->
                () -> {
                  Random random = new Random(thread);
                  List<Order> placed = new ArrayList<>();
                  for (int n = 0; n < 25; n++) {
                    // Random order of lines: the checkout must sort them itself to avoid deadlocks.
                    List<OrderItem> items = new ArrayList<>();
                    for (Product p : products) {
                      if (random.nextInt(3) > 0) {
                        items.add(new OrderItem(p.id(), 1 + random.nextInt(3)));
                      }
                    }
                    if (items.isEmpty()) {
                      items.add(new OrderItem(products.get(0).id(), 1));
                    }
                    java.util.Collections.shuffle(items, random);
                    try {
                      placed.add(shop.checkout().buy("t" + thread + "-" + n, new OrderRequest(items)));
                    } catch (InsufficientStockException e) {
                      rejected.incrementAndGet();
                    }
                  }
                  return placed;
                })
            .stream()
            .flatMap(List::stream)
            .toList();

    Map<Long, Integer> sold = new ConcurrentHashMap<>();
    orders.forEach(o -> o.lines().forEach(l -> sold.merge(l.productId(), l.quantity(), Integer::sum)));
    for (Product p : products) {
      int finalStock = shop.catalog().get(p.id()).stock();
      assertThat(finalStock).isGreaterThanOrEqualTo(0);
      assertThat(finalStock + sold.getOrDefault(p.id(), 0))
          .as("initial stock = final stock + units sold for %s", p.name())
          .isEqualTo(initial.get(p.id()));
    }
    assertThat(orders.size() + rejected.get()).isEqualTo(16 * 25);
    assertThat(rejected).as("stock ran out, so some carts were refused").hasPositiveValue();
    assertThat(count("SELECT count(*) FROM shop.orders")).isEqualTo(orders.size());
    assertMovementsAddUpToStock();
  }

  @Test
  void twentyConcurrentReplaysOfOneKeyPlaceOneOrder() throws Exception {
    Product tea = shop.catalog().add(new NewProduct("Tea", "Tea", new BigDecimal("4.50"), 100));
    List<Order> results =
        runTogether(20, i -> () -> shop.checkout().buy("same-key", OrderRequest.of(new OrderItem(tea.id(), 3))));

    assertThat(results).hasSize(20).allSatisfy(o -> assertThat(o).isEqualTo(results.get(0)));
    assertThat(count("SELECT count(*) FROM shop.orders")).isEqualTo(1);
    assertThat(shop.catalog().get(tea.id()).stock()).isEqualTo(97);
  }

  @Test
  void restocksAndSalesInterleavedKeepMovementsEqualToStock() throws Exception {
    Product tea = shop.catalog().add(new NewProduct("Tea", "Tea", new BigDecimal("4.50"), 5));
    runTogether(
        12,
        i ->
            () -> {
              for (int n = 0; n < 20; n++) {
                if (i % 3 == 0) {
                  shop.catalog().restock(tea.id(), 2);
                } else {
                  try {
                    shop.checkout().buy("r" + i + "-" + n, OrderRequest.of(new OrderItem(tea.id(), 1)));
                  } catch (InsufficientStockException e) {
                    // expected whenever sales outrun restocks
                  }
                }
              }
              return null;
            });
    assertThat(shop.catalog().get(tea.id()).stock()).isGreaterThanOrEqualTo(0);
    assertMovementsAddUpToStock();
  }

  private void assertMovementsAddUpToStock() {
    List<String> mismatches =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "SELECT p.id || ': stock ' || p.stock || ' movements ' || coalesce(sum(m.delta), 0)"
                                + " FROM shop.products p LEFT JOIN shop.stock_movements m ON m.product_id = p.id"
                                + " GROUP BY p.id HAVING p.stock <> coalesce(sum(m.delta), 0)")
                        .mapTo(String.class)
                        .list());
    assertThat(mismatches).isEmpty();
  }

  private long count(String sql) {
    return db.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
  }

  interface Task<T> {
    Callable<T> forThread(int index);
  }

  /** Starts every thread at once (a latch) so they really contend, then collects the results. */
  private static <T> List<T> runTogether(int threads, Task<T> task) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        Callable<T> body = task.forThread(i);
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  return body.call();
                }));
      }
      start.countDown();
      List<T> results = new ArrayList<>();
      for (Future<T> future : futures) {
        results.add(future.get(120, TimeUnit.SECONDS));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }
}
