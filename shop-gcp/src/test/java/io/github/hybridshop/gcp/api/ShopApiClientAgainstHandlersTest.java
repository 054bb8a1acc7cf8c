package io.github.hybridshop.gcp.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.hybridshop.api.NewProductRequest;
import io.github.hybridshop.api.Order;
import io.github.hybridshop.api.OrderRequest;
import io.github.hybridshop.api.Problem;
import io.github.hybridshop.api.Product;
import io.github.hybridshop.aws.local.LocalApiServer;
import io.github.hybridshop.core.testing.ShopDatabase;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The client against the real Lambda handlers behind {@link LocalApiServer} on PostgreSQL: what
 * the handlers write with {@code JsonCodec} the client reads back with it, every value intact,
 * and every refusal arrives as its typed exception.
 */
class ShopApiClientAgainstHandlersTest {
  private static final String ADMIN_TOKEN = "client-contract-admin-token";

  private static ShopDatabase database;
  private static LocalApiServer api;
  private static ShopApiClient client;

  @BeforeAll
  static void start() throws IOException {
    database = ShopDatabase.create();
    api = LocalApiServer.start(database.shop(), ADMIN_TOKEN, 0);
    client = new ShopApiClient(
        ShopApiClient.Settings.of(api.baseUri(), TokenProvider.none(), TokenProvider.fixed(ADMIN_TOKEN)));
  }

  @AfterAll
  static void stop() {
    api.close();
    database.close();
  }

  @Test
  void anOrderPlacedThroughTheHandlersReadsBackWithItsIdempotencyKey() {
    Product tea = client.addProduct(new NewProductRequest("Sencha", "Tea", new BigDecimal("4.20"), 10));

    Order placed = client.placeOrder("checkout-7f3a", List.of(new OrderRequest.Item(tea.id(), 3)));
    assertThat(placed.idempotencyKey()).isEqualTo("checkout-7f3a");
    assertThat(placed.total().amount()).isEqualByComparingTo("12.60");
    assertThat(placed.lines()).singleElement().satisfies(line -> {
      assertThat(line.productName()).isEqualTo("Sencha");
      assertThat(line.lineTotal().toPlainString()).isEqualTo("12.60");
    });

    assertThat(client.order(placed.id())).isEqualTo(placed);
    // A replay of the same key and cart is the first order, key included.
    assertThat(client.placeOrder("checkout-7f3a", List.of(new OrderRequest.Item(tea.id(), 3)))).isEqualTo(placed);
  }

  @Test
  void productsRoundTripWithExactPrices() {
    Product added = client.addProduct(new NewProductRequest("Genmaicha", "Tea", new BigDecimal("0.10"), 2));
    assertThat(added.price().toPlainString()).isEqualTo("0.10");
    assertThat(added.price().currency().getCurrencyCode()).isEqualTo("EUR");
    assertThat(client.product(added.id())).isEqualTo(added);
    assertThat(client.restock(added.id(), 5).stock()).isEqualTo(7);
    assertThat(client.products("Tea", "Genmai", 10, null).items()).extracting(Product::name).containsExactly("Genmaicha");
    assertThat(client.healthy()).isTrue();
  }

  @Test
  void theHandlersRefusalsArriveAsTheirTypedExceptions() {
    Product matcha = client.addProduct(new NewProductRequest("Matcha", "Tea", new BigDecimal("9.00"), 1));

    assertThatThrownBy(() -> client.placeOrder("short-1", List.of(new OrderRequest.Item(matcha.id(), 2))))
        .isInstanceOfSatisfying(ApiException.OutOfStock.class, e ->
            assertThat(e.shortages()).containsExactly(new Problem.Shortage(matcha.id(), 2, 1)));
    assertThatThrownBy(() -> client.addProduct(new NewProductRequest("Matcha", "Tea", BigDecimal.ONE, 1)))
        .isInstanceOf(ApiException.Conflict.class);
    assertThatThrownBy(() -> client.addProduct(new NewProductRequest("Hojicha", "Tea", new BigDecimal("-1"), 1)))
        .isInstanceOfSatisfying(ApiException.Invalid.class, e ->
            assertThat(e.errors()).extracting(Problem.FieldError::field).containsExactly("price"));
    assertThatThrownBy(() -> client.product(999_999)).isInstanceOf(ApiException.NotFound.class);

    client.placeOrder("reused-1", List.of(new OrderRequest.Item(matcha.id(), 1)));
    assertThatThrownBy(() -> client.placeOrder("reused-1", List.of(new OrderRequest.Item(matcha.id(), 2))))
        .isInstanceOf(ApiException.KeyReused.class);

    ShopApiClient stranger = new ShopApiClient(ShopApiClient.Settings.of(
        api.baseUri(), TokenProvider.none(), TokenProvider.fixed("not-the-admin-token")));
    assertThatThrownBy(() -> stranger.restock(matcha.id(), 1)).isInstanceOf(ApiException.Unauthorized.class);
  }
}
