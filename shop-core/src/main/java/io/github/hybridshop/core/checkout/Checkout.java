package io.github.hybridshop.core.checkout;

import io.github.hybridshop.core.IdempotencyConflictException;
import io.github.hybridshop.core.InsufficientStockException;
import io.github.hybridshop.core.Money;
import io.github.hybridshop.core.OrderNotFoundException;
import io.github.hybridshop.core.ProductNotFoundException;
import io.github.hybridshop.core.ShopConfig;
import io.github.hybridshop.core.Shortage;
import io.github.hybridshop.core.ValidationException;
import io.github.hybridshop.core.Violations;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Update;

/**
 * Buys carts: all lines or none, never more than is in stock, at most once per idempotency key.
 *
 * <p>One transaction per purchase. The order row is inserted first with
 * {@code ON CONFLICT (idempotency_key) DO NOTHING}, so a concurrent replay of the same key waits
 * for the first attempt and then returns its order. Each line then takes its units with a
 * conditional {@code UPDATE ... WHERE stock >= quantity}, in ascending product id so two carts
 * never lock rows in opposite orders (no deadlocks). If any line is short the transaction rolls
 * back and every short line is reported.
 */
public final class Checkout {

  /** Longest idempotency key accepted. */
  public static final int MAX_KEY_LENGTH = 200;

  private static final String INSERT_ORDER =
      "INSERT INTO shop.orders (idempotency_key, request_hash, total, currency)"
          + " VALUES (:key, :hash, 0, :currency)"
          + " ON CONFLICT (idempotency_key) DO NOTHING RETURNING id, created_at";

  private static final String TAKE_STOCK =
      "UPDATE shop.products SET stock = stock - :quantity, updated_at = now()"
          + " WHERE id = :id AND stock >= :quantity RETURNING price, name";

  // Lines, their sale movements and the order total in one round trip. One VALUES row per line
  // (at most 100 shapes of this statement) keeps every parameter a plain scalar: binding SQL
  // arrays costs Jdbi more CPU than the whole statement costs PostgreSQL.
  private static final String[] FINISH_ORDER = new String[OrderRequest.MAX_LINES + 1];

  static {
    for (int lines = 1; lines <= OrderRequest.MAX_LINES; lines++) {
      StringBuilder values = new StringBuilder();
      for (int n = 1; n <= lines; n++) {
        values.append(n == 1 ? "" : ", ").append("(:orderId, ").append(n).append(", :p").append(n)
            .append(", :q").append(n).append(", :u").append(n).append(')');
      }
      FINISH_ORDER[lines] =
          "WITH lines AS (INSERT INTO shop.order_lines (order_id, line_no, product_id, quantity, unit_price)"
              + " VALUES " + values + " RETURNING product_id, quantity),"
              + " moves AS (INSERT INTO shop.stock_movements (product_id, delta, reason, order_id)"
              + " SELECT product_id, -quantity, 'sale', :orderId FROM lines)"
              + " UPDATE shop.orders SET total = :total WHERE id = :orderId";
    }
  }

  private static final String SELECT_ORDER =
      "SELECT o.id, o.idempotency_key, o.currency, o.created_at,"
          + " l.line_no, l.product_id, p.name, l.quantity, l.unit_price"
          + " FROM shop.orders o"
          + " JOIN shop.order_lines l ON l.order_id = o.id"
          + " JOIN shop.products p ON p.id = l.product_id"
          + " WHERE o.id = :id ORDER BY l.line_no";

  private final Jdbi jdbi;
  private final Currency currency;

  /**
   * Creates the checkout.
   *
   * @param jdbi access to the migrated shop schema
   * @param config the shop's settings
   */
  public Checkout(Jdbi jdbi, ShopConfig config) {
    this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    this.currency = config.currency();
  }

  /**
   * Buys a cart once per idempotency key.
   *
   * <p>Replaying a key with the same request returns the order the first call placed, without
   * buying again; concurrent replays place exactly one order between them.
   *
   * @param idempotencyKey the client's key for this purchase: 1 to {@value #MAX_KEY_LENGTH}
   *     visible ASCII characters, new for every distinct purchase
   * @param request the validated cart
   * @return the placed order, or the one this key placed before
   * @throws ValidationException when the key is missing or malformed
   * @throws ProductNotFoundException when a line names a product that does not exist
   * @throws InsufficientStockException when stock cannot cover every line; nothing is bought
   * @throws IdempotencyConflictException when the key was used for a different request
   */
  public Order buy(String idempotencyKey, OrderRequest request) {
    checkKey(idempotencyKey);
    Objects.requireNonNull(request, "request");
    String fingerprint = request.fingerprint();
    return jdbi.inTransaction(handle -> place(handle, idempotencyKey, fingerprint, request));
  }

  /**
   * Looks up an order.
   *
   * @param id the order id
   * @return the order, or empty when there is none with that id
   */
  public Optional<Order> find(long id) {
    return jdbi.withHandle(handle -> load(handle, id));
  }

  /**
   * Returns an order.
   *
   * @param id the order id
   * @return the order
   * @throws OrderNotFoundException when there is none with that id
   */
  public Order get(long id) {
    return find(id).orElseThrow(() -> new OrderNotFoundException(id));
  }

  private Order place(Handle handle, String key, String fingerprint, OrderRequest request) {
    Optional<NewOrder> inserted =
        handle
            .createQuery(INSERT_ORDER)
            .bind("key", key)
            .bind("hash", fingerprint)
            .bind("currency", currency.getCurrencyCode())
            .map(
                (rs, ctx) ->
                    new NewOrder(
                        rs.getLong("id"),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant()))
            .findOne();
    if (inserted.isEmpty()) {
      return replay(handle, key, fingerprint);
    }
    long orderId = inserted.get().id();

    List<OrderLine> lines = new ArrayList<>(request.items().size());
    List<Shortage> shortages = new ArrayList<>();
    for (OrderItem item : request.items()) {
      Optional<OrderLine> taken = take(handle, lines.size() + shortages.size() + 1, item);
      if (taken.isPresent()) {
        lines.add(taken.get());
      } else {
        shortages.add(shortage(handle, item));
      }
    }
    if (!shortages.isEmpty()) {
      throw new InsufficientStockException(shortages);
    }

    Money total = sum(lines, currency);
    Update finish =
        handle.createUpdate(FINISH_ORDER[lines.size()]).bind("orderId", orderId).bind("total", total.amount());
    for (OrderLine line : lines) {
      finish
          .bind("p" + line.lineNo(), line.productId())
          .bind("q" + line.lineNo(), line.quantity())
          .bind("u" + line.lineNo(), line.unitPrice().amount());
    }
    finish.execute();
    return new Order(orderId, key, lines, total, inserted.get().createdAt());
  }

  private Optional<OrderLine> take(Handle handle, int lineNo, OrderItem item) {
    return handle
        .createQuery(TAKE_STOCK)
        .bind("id", item.productId())
        .bind("quantity", item.quantity())
        .map(
            (rs, ctx) ->
                new OrderLine(
                    lineNo,
                    item.productId(),
                    rs.getString("name"),
                    item.quantity(),
                    Money.of(rs.getBigDecimal("price"), currency)))
        .findOne();
  }

  private static Shortage shortage(Handle handle, OrderItem item) {
    int available =
        handle
            .createQuery("SELECT stock FROM shop.products WHERE id = :id")
            .bind("id", item.productId())
            .mapTo(Integer.class)
            .findOne()
            .orElseThrow(() -> new ProductNotFoundException(item.productId()));
    return new Shortage(item.productId(), item.quantity(), available);
  }

  private static Order replay(Handle handle, String key, String fingerprint) {
    StoredKey stored =
        handle
            .createQuery("SELECT id, request_hash FROM shop.orders WHERE idempotency_key = :key")
            .bind("key", key)
            .map((rs, ctx) -> new StoredKey(rs.getLong("id"), rs.getString("request_hash")))
            .one();
    if (!stored.fingerprint().equals(fingerprint)) {
      throw new IdempotencyConflictException(key);
    }
    return load(handle, stored.orderId())
        .orElseThrow(() -> new IllegalStateException("order " + stored.orderId() + " has no lines"));
  }

  private static Optional<Order> load(Handle handle, long id) {
    List<Row> rows =
        handle
            .createQuery(SELECT_ORDER)
            .bind("id", id)
            .map(
                (rs, ctx) -> {
                  Currency orderCurrency = Currency.getInstance(rs.getString("currency"));
                  return new Row(
                      rs.getString("idempotency_key"),
                      rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                      new OrderLine(
                          rs.getInt("line_no"),
                          rs.getLong("product_id"),
                          rs.getString("name"),
                          rs.getInt("quantity"),
                          Money.of(rs.getBigDecimal("unit_price"), orderCurrency)));
                })
            .list();
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    List<OrderLine> lines = rows.stream().map(Row::line).toList();
    Row first = rows.get(0);
    Money total = sum(lines, lines.get(0).unitPrice().currency());
    return Optional.of(new Order(id, first.key(), lines, total, first.createdAt()));
  }

  private static Money sum(List<OrderLine> lines, Currency currency) {
    Money total = Money.zero(currency);
    for (OrderLine line : lines) {
      total = total.plus(line.lineTotal());
    }
    return total;
  }

  private static void checkKey(String key) {
    Violations violations = new Violations();
    if (violations.check(key != null && !key.isEmpty(), "Idempotency-Key", "is required")) {
      violations.check(
          key.length() <= MAX_KEY_LENGTH
              && key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e),
          "Idempotency-Key",
          "must be 1 to " + MAX_KEY_LENGTH + " visible ASCII characters, such as a UUID");
    }
    violations.throwIfAny();
  }

  private record NewOrder(long id, Instant createdAt) {}

  private record StoredKey(long orderId, String fingerprint) {}

  private record Row(String key, Instant createdAt, OrderLine line) {}
}
