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
import io.github.hybridshop.core.internal.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

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

  // The purchase path runs these three statements on the transaction's JDBC connection: Jdbi's
  // per-statement work cost 30% of checkout throughput on two cores in the purchase benchmark.
  private static final String INSERT_ORDER =
      "INSERT INTO shop.orders (idempotency_key, request_hash, total, currency)"
          + " VALUES (?, ?, 0, ?)"
          + " ON CONFLICT (idempotency_key) DO NOTHING RETURNING id, created_at";

  private static final String TAKE_STOCK =
      "UPDATE shop.products SET stock = stock - ?, updated_at = now()"
          + " WHERE id = ? AND stock >= ? RETURNING price, name";

  // Lines, their sale movements and the order total in one round trip; one VALUES row per line
  // (at most 100 shapes of this statement, each prepared once per connection by the driver).
  private static final String[] FINISH_ORDER = new String[OrderRequest.MAX_LINES + 1];

  static {
    for (int lines = 1; lines <= OrderRequest.MAX_LINES; lines++) {
      StringBuilder values = new StringBuilder();
      for (int n = 1; n <= lines; n++) {
        values.append(n == 1 ? "" : ", ").append("(?, ").append(n).append(", ?, ?, ?)");
      }
      FINISH_ORDER[lines] =
          "WITH lines AS (INSERT INTO shop.order_lines (order_id, line_no, product_id, quantity, unit_price)"
              + " VALUES " + values + " RETURNING product_id, quantity),"
              + " moves AS (INSERT INTO shop.stock_movements (product_id, delta, reason, order_id)"
              + " SELECT product_id, -quantity, 'sale', ? FROM lines)"
              + " UPDATE shop.orders SET total = ? WHERE id = ?";
    }
  }

  private static final String SELECT_ORDER =
      "SELECT o.id, o.idempotency_key, o.currency, o.created_at,"
          + " l.line_no, l.product_id, p.name, l.quantity, l.unit_price"
          + " FROM shop.orders o"
          + " JOIN shop.order_lines l ON l.order_id = o.id"
          + " JOIN shop.products p ON p.id = l.product_id"
          + " WHERE o.id = :id ORDER BY l.line_no";

  private final Database database;
  private final Currency currency;

  /**
   * Creates the checkout; {@link io.github.hybridshop.core.Shop} does, and embedders get it from
   * {@code Shop.checkout()} ({@code Database} is not API).
   *
   * @param database access to the migrated shop schema
   * @param config the shop's settings
   */
  public Checkout(Database database, ShopConfig config) {
    this.database = Objects.requireNonNull(database, "database");
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
    return purchase(idempotencyKey, request).order();
  }

  /**
   * Buys a cart once per idempotency key, as {@link #buy(String, OrderRequest)} does, and tells
   * whether this call placed the order or replayed one placed before.
   *
   * @param idempotencyKey the client's key for this purchase
   * @param request the validated cart
   * @return the order and whether it was a replay
   * @throws ValidationException when the key is missing or malformed
   * @throws ProductNotFoundException when a line names a product that does not exist
   * @throws InsufficientStockException when stock cannot cover every line; nothing is bought
   * @throws IdempotencyConflictException when the key was used for a different request
   */
  public Purchase purchase(String idempotencyKey, OrderRequest request) {
    checkKey(idempotencyKey);
    Objects.requireNonNull(request, "request");
    String fingerprint = request.fingerprint();
    try {
      return database.jdbi().inTransaction(handle -> place(handle, idempotencyKey, fingerprint, request));
    } catch (SQLException e) {
      throw new UnableToExecuteStatementException(e, null);
    }
  }

  /**
   * Looks up an order.
   *
   * @param id the order id
   * @return the order, or empty when there is none with that id
   */
  public Optional<Order> find(long id) {
    return database.jdbi().withHandle(handle -> load(handle, id));
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

  private Purchase place(Handle handle, String key, String fingerprint, OrderRequest request)
      throws SQLException {
    Connection connection = handle.getConnection();
    long orderId;
    Instant createdAt;
    try (PreparedStatement insert = connection.prepareStatement(INSERT_ORDER)) {
      insert.setString(1, key);
      insert.setString(2, fingerprint);
      insert.setString(3, currency.getCurrencyCode());
      try (ResultSet rs = insert.executeQuery()) {
        if (!rs.next()) {
          return new Purchase(replay(handle, key, fingerprint), true);
        }
        orderId = rs.getLong(1);
        createdAt = rs.getObject(2, OffsetDateTime.class).toInstant();
      }
    }

    List<OrderLine> lines = new ArrayList<>(request.items().size());
    List<OrderItem> unserved = new ArrayList<>();
    try (PreparedStatement take = connection.prepareStatement(TAKE_STOCK)) {
      for (OrderItem item : request.items()) {
        take.setInt(1, item.quantity());
        take.setLong(2, item.productId());
        take.setInt(3, item.quantity());
        try (ResultSet rs = take.executeQuery()) {
          if (rs.next()) {
            lines.add(
                new OrderLine(
                    lines.size() + 1,
                    item.productId(),
                    rs.getString(2),
                    item.quantity(),
                    Money.of(rs.getBigDecimal(1), currency)));
          } else {
            unserved.add(item);
          }
        }
      }
    }
    if (!unserved.isEmpty()) {
      List<Shortage> shortages = new ArrayList<>(unserved.size());
      for (OrderItem item : unserved) {
        shortages.add(shortage(handle, item));
      }
      throw new InsufficientStockException(shortages);
    }

    Money total = sum(lines, currency);
    try (PreparedStatement finish = connection.prepareStatement(FINISH_ORDER[lines.size()])) {
      int at = 1;
      for (OrderLine line : lines) {
        finish.setLong(at++, orderId);
        finish.setLong(at++, line.productId());
        finish.setInt(at++, line.quantity());
        finish.setBigDecimal(at++, line.unitPrice().amount());
      }
      finish.setLong(at++, orderId);
      finish.setBigDecimal(at++, total.amount());
      finish.setLong(at, orderId);
      finish.executeUpdate();
    }
    return new Purchase(new Order(orderId, key, lines, total, createdAt), false);
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

  private record StoredKey(long orderId, String fingerprint) {}

  private record Row(String key, Instant createdAt, OrderLine line) {}
}
