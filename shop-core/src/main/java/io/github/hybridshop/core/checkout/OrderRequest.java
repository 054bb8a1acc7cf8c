package io.github.hybridshop.core.checkout;

import io.github.hybridshop.core.ValidationException;
import io.github.hybridshop.core.Violations;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a shopper wants to buy, valid by construction: 1 to {@value #MAX_LINES} lines, each
 * 1 to {@value #MAX_QUANTITY} units. Lines for the same product are merged and the result is
 * sorted by product id, the order in which checkout locks stock.
 *
 * @param items the merged lines in ascending product id
 */
public record OrderRequest(List<OrderItem> items) {

  /** Most lines in one order. */
  public static final int MAX_LINES = 100;

  /** Most units of one product in one order. */
  public static final int MAX_QUANTITY = 10_000;

  /**
   * Validates, merges duplicate products and sorts by product id.
   *
   * @param items see the record description
   * @throws ValidationException listing every invalid line, with field names such as
   *     {@code items[2].quantity}
   */
  public OrderRequest {
    Violations violations = new Violations();
    if (items == null || items.isEmpty()) {
      throw ValidationException.of("items", "must contain at least one line");
    }
    violations.check(
        items.size() <= MAX_LINES, "items", "must contain at most " + MAX_LINES + " lines");
    Map<Long, Long> merged = new TreeMap<>();
    for (int i = 0; i < items.size(); i++) {
      OrderItem item = items.get(i);
      String at = "items[" + i + "]";
      if (!violations.check(item != null, at, "must not be null")) {
        continue;
      }
      boolean ok = violations.check(item.productId() > 0, at + ".productId", "must be a product id");
      ok &= violations.check(
          item.quantity() >= 1 && item.quantity() <= MAX_QUANTITY,
          at + ".quantity",
          "must be between 1 and " + MAX_QUANTITY);
      if (ok) {
        merged.merge(item.productId(), (long) item.quantity(), Long::sum);
      }
    }
    List<OrderItem> lines = new ArrayList<>(merged.size());
    merged.forEach(
        (productId, quantity) -> {
          if (violations.check(
              quantity <= MAX_QUANTITY,
              "items",
              "product " + productId + " adds up to more than " + MAX_QUANTITY + " units")) {
            lines.add(new OrderItem(productId, quantity.intValue()));
          }
        });
    violations.throwIfAny();
    items = List.copyOf(lines);
  }

  /**
   * Creates a request from items.
   *
   * @param items the lines, in any order, possibly repeating a product
   * @return the validated, merged request
   */
  public static OrderRequest of(OrderItem... items) {
    return new OrderRequest(List.of(items));
  }

  /**
   * Returns a digest identifying this request's content, so a replay of an idempotency key can
   * be told apart from a different order sent with the same key. Equal for requests that merge
   * to the same lines.
   *
   * @return a SHA-256 hex digest
   */
  public String fingerprint() {
    StringBuilder canonical = new StringBuilder();
    for (OrderItem item : items) {
      canonical.append(item.productId()).append('x').append(item.quantity()).append(';');
    }
    return HexFormat.of().formatHex(sha256().digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
  }

  // Looking up a digest by name costs more than hashing a cart; cloning a prototype does not.
  private static final MessageDigest SHA_256 = newSha256();

  private static MessageDigest sha256() {
    try {
      return (MessageDigest) SHA_256.clone();
    } catch (CloneNotSupportedException e) {
      return newSha256();
    }
  }

  private static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
