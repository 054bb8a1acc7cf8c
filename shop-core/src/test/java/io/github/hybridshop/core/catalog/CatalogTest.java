package io.github.hybridshop.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.hybridshop.core.DuplicateProductException;
import io.github.hybridshop.core.Money;
import io.github.hybridshop.core.ProductNotFoundException;
import io.github.hybridshop.core.Shop;
import io.github.hybridshop.core.ShopConfig;
import io.github.hybridshop.core.ValidationException;
import io.github.hybridshop.core.testing.ShopDatabase;
import io.github.hybridshop.core.testing.ShopDatabaseExtension;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ShopDatabaseExtension.class)
class CatalogTest {
  private ShopDatabase db;
  private Catalog catalog;

  @BeforeEach
  void setUp(ShopDatabase db) {
    this.db = db;
    this.catalog = db.shop().catalog();
  }

  private Product add(String name, String category, String price, int stock) {
    return catalog.add(new NewProduct(name, category, new BigDecimal(price), stock));
  }

  @Test
  void addsAProductWithItsOpeningStockMovement() {
    Product tea = add("Green tea", "Tea", "4.5", 12);
    assertThat(tea.id()).isPositive();
    assertThat(tea.price()).isEqualTo(Money.of("4.50", "EUR"));
    assertThat(tea.stock()).isEqualTo(12);
    assertThat(catalog.get(tea.id())).isEqualTo(tea);
    assertThat(movements(tea.id())).containsExactly("initial:12");
  }

  @Test
  void rejectsASecondProductOfTheSameNameInACategoryIgnoringCase() {
    add("Green tea", "Tea", "4.50", 1);
    assertThatThrownBy(() -> add("GREEN TEA", "tea", "5.00", 1))
        .isInstanceOf(DuplicateProductException.class);
    assertThat(add("Green tea", "Gifts", "4.50", 1).id()).isPositive();
  }

  @Test
  void rejectsPricesFinerThanTheShopCurrency() {
    Catalog yen = Shop.connect(db.dataSource(), ShopConfig.of("JPY")).catalog();
    assertThatThrownBy(() -> yen.add(new NewProduct("Mochi", "Sweets", new BigDecimal("120.50"), 1)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("at most 0 decimal places in JPY");
    assertThat(yen.add(new NewProduct("Mochi", "Sweets", new BigDecimal("120"), 1)).price())
        .isEqualTo(Money.of("120", "JPY"));
  }

  @Test
  void findsNothingForAnUnknownId() {
    assertThat(catalog.find(424242)).isEmpty();
    assertThatThrownBy(() -> catalog.get(424242)).isInstanceOf(ProductNotFoundException.class);
  }

  @Test
  void pagesThroughEveryProductInIdOrderWithoutGapsOrRepeats() {
    for (int i = 0; i < 45; i++) {
      add("Product " + i, i % 2 == 0 ? "Even" : "Odd", "1.00", 1);
    }
    List<String> seen = new ArrayList<>();
    ProductPage page = catalog.list(ProductQuery.all().limit(20));
    seen.addAll(page.items().stream().map(Product::name).toList());
    while (page.hasMore()) {
      page = catalog.list(ProductQuery.all().limit(20).after(page.nextCursor()));
      seen.addAll(page.items().stream().map(Product::name).toList());
    }
    assertThat(seen).hasSize(45).doesNotHaveDuplicates().startsWith("Product 0", "Product 1");
  }

  @Test
  void filtersByCategoryAndSearchesNamesCaseInsensitively() {
    add("Green tea", "Tea", "4.50", 1);
    add("Black tea", "Tea", "3.50", 1);
    add("Green mug", "Kitchen", "9.00", 1);
    assertThat(names(ProductQuery.all().inCategory("Tea"))).containsExactly("Green tea", "Black tea");
    assertThat(names(ProductQuery.all().nameContains("GREEN"))).containsExactly("Green tea", "Green mug");
    assertThat(names(ProductQuery.all().inCategory("Tea").nameContains("green"))).containsExactly("Green tea");
    assertThat(names(ProductQuery.all().inCategory("Nothing"))).isEmpty();
  }

  @Test
  void treatsLikeWildcardsInSearchesAsPlainText() {
    add("100% cotton", "Textiles", "10.00", 1);
    add("1000 cotton buds", "Bath", "2.00", 1);
    add("snake_case", "Books", "2.00", 1);
    add("snakeXcase", "Books", "2.00", 1);
    assertThat(names(ProductQuery.all().nameContains("100%"))).containsExactly("100% cotton");
    assertThat(names(ProductQuery.all().nameContains("e_c"))).containsExactly("snake_case");
    assertThat(names(ProductQuery.all().nameContains("'; DROP TABLE shop.products; --"))).isEmpty();
    assertThat(names(ProductQuery.all())).hasSize(4);
  }

  @Test
  void rejectsOutOfRangeQueriesWithEveryProblem() {
    assertThatThrownBy(() -> catalog.list(ProductQuery.all().limit(0).after("abc")))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> assertThat(e.errors()).extracting(f -> f.field()).containsExactly("limit", "cursor"));
    assertThatThrownBy(() -> catalog.list(ProductQuery.all().limit(101))).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> catalog.list(ProductQuery.all().after("99999999999999999999")))
        .isInstanceOf(ValidationException.class);
    assertThat(catalog.list(ProductQuery.all().limit(100)).items()).isEmpty();
  }

  @Test
  void restocksAndRecordsTheMovement() {
    Product tea = add("Green tea", "Tea", "4.50", 2);
    Product restocked = catalog.restock(tea.id(), 5);
    assertThat(restocked.stock()).isEqualTo(7);
    assertThat(restocked.updatedAt()).isAfterOrEqualTo(tea.updatedAt());
    assertThat(movements(tea.id())).containsExactly("initial:2", "restock:5");
  }

  @Test
  void rejectsBadRestocksWithoutChangingStock() {
    Product tea = add("Green tea", "Tea", "4.50", NewProduct.MAX_STOCK - 10);
    assertThatThrownBy(() -> catalog.restock(tea.id(), 0)).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> catalog.restock(tea.id(), -3)).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> catalog.restock(tea.id(), Catalog.MAX_RESTOCK + 1)).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> catalog.restock(tea.id(), 11))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("maximum");
    assertThatThrownBy(() -> catalog.restock(999_999, 1)).isInstanceOf(ProductNotFoundException.class);
    assertThat(catalog.restock(tea.id(), 10).stock()).isEqualTo(NewProduct.MAX_STOCK);
    assertThat(movements(tea.id())).hasSize(2);
  }

  @Test
  void databaseConstraintsStopInvalidRowsThatBypassTheJavaChecks() {
    assertThatThrownBy(
            () ->
                db.jdbi().useHandle(h -> h.execute(
                    "INSERT INTO shop.products (name, category, price, stock) VALUES ('x', 'y', -1, 0)")))
        .hasMessageContaining("check constraint");
    assertThatThrownBy(
            () ->
                db.jdbi().useHandle(h -> h.execute(
                    "INSERT INTO shop.products (name, category, price, stock) VALUES ('x', 'y', 1, -1)")))
        .hasMessageContaining("check constraint");
  }

  private List<String> names(ProductQuery query) {
    return catalog.list(query).items().stream().map(Product::name).toList();
  }

  private List<String> movements(long productId) {
    return db.jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "SELECT reason || ':' || delta FROM shop.stock_movements WHERE product_id = :id ORDER BY id")
                    .bind("id", productId)
                    .mapTo(String.class)
                    .list());
  }
}
