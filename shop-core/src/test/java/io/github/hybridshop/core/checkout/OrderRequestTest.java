package io.github.hybridshop.core.checkout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.hybridshop.core.FieldError;
import io.github.hybridshop.core.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OrderRequestTest {

  @ParameterizedTest
  @ValueSource(ints = {1, 10_000})
  void acceptsQuantityBoundaries(int quantity) {
    assertThat(OrderRequest.of(new OrderItem(1, quantity)).items()).containsExactly(new OrderItem(1, quantity));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1, 10_001, Integer.MIN_VALUE})
  void rejectsQuantitiesOutsideTheRange(int quantity) {
    assertThatThrownBy(() -> OrderRequest.of(new OrderItem(1, quantity)))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("items[0].quantity"));
  }

  @Test
  void acceptsOneHundredLinesButNotOneHundredAndOne() {
    assertThat(new OrderRequest(lines(100)).items()).hasSize(100);
    assertThatThrownBy(() -> new OrderRequest(lines(101)))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("items"));
  }

  @Test
  void rejectsAnEmptyOrMissingCart() {
    assertThatThrownBy(() -> new OrderRequest(List.of())).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> new OrderRequest(null)).isInstanceOf(ValidationException.class);
  }

  @Test
  void mergesDuplicateProductsAndSortsById() {
    OrderRequest request =
        OrderRequest.of(new OrderItem(7, 2), new OrderItem(3, 1), new OrderItem(7, 5));
    assertThat(request.items()).containsExactly(new OrderItem(3, 1), new OrderItem(7, 7));
  }

  @Test
  void rejectsMergedLinesAboveTheQuantityLimit() {
    assertThatThrownBy(() -> OrderRequest.of(new OrderItem(7, 6000), new OrderItem(7, 6000)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("product 7 adds up to more than 10000");
  }

  @Test
  void reportsEveryBadLine() {
    assertThatThrownBy(() -> OrderRequest.of(new OrderItem(0, 1), new OrderItem(2, 0), new OrderItem(-3, 99_999)))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.errors())
                    .extracting(FieldError::field)
                    .containsExactly("items[0].productId", "items[1].quantity", "items[2].productId", "items[2].quantity"));
  }

  @Test
  void fingerprintIdentifiesTheMergedContent() {
    String a = OrderRequest.of(new OrderItem(1, 2), new OrderItem(5, 1)).fingerprint();
    String sameMerged = OrderRequest.of(new OrderItem(5, 1), new OrderItem(1, 1), new OrderItem(1, 1)).fingerprint();
    String other = OrderRequest.of(new OrderItem(1, 2), new OrderItem(5, 2)).fingerprint();
    assertThat(a).isEqualTo(sameMerged).isNotEqualTo(other).hasSize(64);
  }

  private static List<OrderItem> lines(int count) {
    List<OrderItem> items = new ArrayList<>();
    LongStream.rangeClosed(1, count).forEach(id -> items.add(new OrderItem(id, 1)));
    return items;
  }
}
