package io.github.hybridshop.core.checkout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.hybridshop.core.IdempotencyConflictException;
import io.github.hybridshop.core.InsufficientStockException;
import io.github.hybridshop.core.Money;
import io.github.hybridshop.core.OrderNotFoundException;
import io.github.hybridshop.core.ProductNotFoundException;
import io.github.hybridshop.core.Shop;
import io.github.hybridshop.core.Shortage;
import io.github.hybridshop.core.ValidationException;
import io.github.hybridshop.core.catalog.NewProduct;
import io.github.hybridshop.core.catalog.Product;
import io.github.hybridshop.core.testing.ShopDatabase;
import io.github.hybridshop.core.testing.ShopDatabaseExtension;
import java.math.BigDecimal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

@ExtendWith(ShopDatabaseExtension.class)
class CheckoutTest {
  private ShopDatabase db;
  private Shop shop;
  private Product tea;
  private Product mug;

  @BeforeEach
  void setUp(ShopDatabase db) {
    this.db = db;
    this.shop = db.shop();
    tea = shop.catalog().add(new NewProduct("Green tea", "Tea", new BigDecimal("4.50"), 10));
    mug = shop.catalog().add(new NewProduct("Mug", "Kitchen", new BigDecimal("12.99"), 3));
  }

  @Test
  void buysEveryLineAndRecordsTheSale() {
    Order order =
        shop.checkout().buy("k-1", OrderRequest.of(new OrderItem(mug.id(), 2), new OrderItem(tea.id(), 3)));

    assertThat(order.total()).isEqualTo(Money.of("39.48", "EUR"));
    assertThat(order.lines())
        .extracting(OrderLine::lineNo, OrderLine::productId, OrderLine::productName, OrderLine::quantity)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1, tea.id(), "Green tea", 3),
            org.assertj.core.groups.Tuple.tuple(2, mug.id(), "Mug", 2));
    assertThat(shop.catalog().get(tea.id()).stock()).isEqualTo(7);
    assertThat(shop.catalog().get(mug.id()).stock()).isEqualTo(1);
    assertThat(shop.checkout().find(order.id())).contains(order);
    assertThat(storedTotal(order.id())).isEqualByComparingTo("39.48");
    assertThat(saleMovements()).isEqualTo(-5);
  }

  @Test
  void keepsThePriceOfThePurchaseWhenShownLater() {
    Order order = shop.checkout().buy("k-1", OrderRequest.of(new OrderItem(tea.id(), 1)));
    db.jdbi().useHandle(h -> h.execute("UPDATE shop.products SET price = 99 WHERE id = ?", tea.id()));
    assertThat(shop.checkout().find(order.id()).orElseThrow().total()).isEqualTo(Money.of("4.50", "EUR"));
  }

  @Test
  void buysNothingWhenAnyLineIsShortAndReportsEveryShortLine() {
    Product cup = shop.catalog().add(new NewProduct("Cup", "Kitchen", new BigDecimal("3.00"), 100));
    assertThatThrownBy(
            () ->
                shop.checkout()
                    .buy(
                        "k-1",
                        OrderRequest.of(
                            new OrderItem(tea.id(), 11), new OrderItem(mug.id(), 5), new OrderItem(cup.id(), 1))))
        .isInstanceOfSatisfying(
            InsufficientStockException.class,
            e ->
                assertThat(e.shortages())
                    .containsExactly(new Shortage(tea.id(), 11, 10), new Shortage(mug.id(), 5, 3)));

    assertThat(shop.catalog().get(tea.id()).stock()).isEqualTo(10);
    assertThat(shop.catalog().get(mug.id()).stock()).isEqualTo(3);
    assertThat(shop.catalog().get(cup.id()).stock()).isEqualTo(100);
    assertThat(count("shop.orders")).isZero();
    assertThat(count("shop.order_lines")).isZero();
    assertThat(saleMovements()).isZero();
  }

  @Test
  void aFailedAttemptDoesNotBurnTheKey() {
    assertThatThrownBy(() -> shop.checkout().buy("k-1", OrderRequest.of(new OrderItem(tea.id(), 11))))
        .isInstanceOf(InsufficientStockException.class);
    shop.catalog().restock(tea.id(), 1);
    assertThat(shop.checkout().buy("k-1", OrderRequest.of(new OrderItem(tea.id(), 11))).lines()).hasSize(1);
  }

  @Test
  void rejectsUnknownProductsWithoutBuyingTheOtherLines() {
    assertThatThrownBy(
            () -> shop.checkout().buy("k-1", OrderRequest.of(new OrderItem(tea.id(), 1), new OrderItem(987_654, 1))))
        .isInstanceOfSatisfying(
            ProductNotFoundException.class, e -> assertThat(e.productId()).isEqualTo(987_654));
    assertThat(shop.catalog().get(tea.id()).stock()).isEqualTo(10);
    assertThat(count("shop.orders")).isZero();
  }

  @Test
  void replayingAKeyWithTheSameCartReturnsTheFirstOrderWithoutBuyingAgain() {
    Order first = shop.checkout().buy("k-1", OrderRequest.of(new OrderItem(tea.id(), 2)));
    Order again =
        shop.checkout().buy("k-1", OrderRequest.of(new OrderItem(tea.id(), 1), new OrderItem(tea.id(), 1)));
    assertThat(again).isEqualTo(first);
    assertThat(shop.catalog().get(tea.id()).stock()).isEqualTo(8);
    assertThat(count("shop.orders")).isEqualTo(1);
  }

  @Test
  void replayingAKeyWithAnotherCartIsAConflict() {
    shop.checkout().buy("k-1", OrderRequest.of(new OrderItem(tea.id(), 2)));
    assertThatThrownBy(() -> shop.checkout().buy("k-1", OrderRequest.of(new OrderItem(tea.id(), 3))))
        .isInstanceOfSatisfying(
            IdempotencyConflictException.class, e -> assertThat(e.idempotencyKey()).isEqualTo("k-1"));
    assertThat(shop.catalog().get(tea.id()).stock()).isEqualTo(8);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"has space", "tab\tkey", "ünïcode", "\u0000"})
  void rejectsMalformedKeys(String key) {
    assertThatThrownBy(() -> shop.checkout().buy(key, OrderRequest.of(new OrderItem(tea.id(), 1))))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("Idempotency-Key");
    assertThat(count("shop.orders")).isZero();
  }

  @Test
  void acceptsKeysUpToTheLimit() {
    String longest = "k".repeat(Checkout.MAX_KEY_LENGTH);
    assertThat(shop.checkout().buy(longest, OrderRequest.of(new OrderItem(tea.id(), 1))).idempotencyKey())
        .isEqualTo(longest);
    assertThatThrownBy(() -> shop.checkout().buy(longest + "k", OrderRequest.of(new OrderItem(tea.id(), 1))))
        .isInstanceOf(ValidationException.class);
  }

  @Test
  void findsNoOrderForAnUnknownId() {
    assertThat(shop.checkout().find(31337)).isEmpty();
    assertThatThrownBy(() -> shop.checkout().get(31337))
        .isInstanceOfSatisfying(OrderNotFoundException.class, e -> assertThat(e.orderId()).isEqualTo(31337));
  }

  @Test
  void handlesTheLargestPossibleOrderTotal() {
    Product gold =
        shop.catalog().add(new NewProduct("Gold bar", "Vault", new BigDecimal("9999999999.99"), 10_000));
    Order order = shop.checkout().buy("k-big", OrderRequest.of(new OrderItem(gold.id(), 10_000)));
    assertThat(order.total().amount()).isEqualByComparingTo("99999999999900.00");
  }

  private long count(String table) {
    return db.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM " + table).mapTo(Long.class).one());
  }

  private long saleMovements() {
    return db.jdbi()
        .withHandle(
            h ->
                h.createQuery("SELECT coalesce(sum(delta), 0) FROM shop.stock_movements WHERE reason = 'sale'")
                    .mapTo(Long.class)
                    .one());
  }

  private BigDecimal storedTotal(long orderId) {
    return db.jdbi()
        .withHandle(
            h -> h.createQuery("SELECT total FROM shop.orders WHERE id = :id").bind("id", orderId).mapTo(BigDecimal.class).one());
  }
}
