package io.github.hybridshop.core.catalog;

import io.github.hybridshop.core.DuplicateProductException;
import io.github.hybridshop.core.Money;
import io.github.hybridshop.core.ProductNotFoundException;
import io.github.hybridshop.core.ShopConfig;
import io.github.hybridshop.core.ValidationException;
import io.github.hybridshop.core.Violations;
import io.github.hybridshop.core.internal.Database;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * The product catalog: add, look up, list and restock products.
 *
 * <p>Every stock change writes a {@code stock_movements} row in the same transaction, so the
 * movements of a product always add up to its stock.
 */
public final class Catalog {

  /** Most units one restock may add. */
  public static final int MAX_RESTOCK = 1_000_000;

  private static final String COLUMNS = "id, name, category, price, stock, created_at, updated_at";

  // The data-modifying CTE writes the product and its opening movement in one round trip.
  private static final String INSERT =
      "WITH p AS (INSERT INTO shop.products (name, category, price, stock)"
          + " VALUES (:name, :category, :price, :stock) RETURNING " + COLUMNS + "),"
          + " m AS (INSERT INTO shop.stock_movements (product_id, delta, reason)"
          + " SELECT id, stock, 'initial' FROM p)"
          + " SELECT " + COLUMNS + " FROM p";

  private static final String RESTOCK =
      "WITH p AS (UPDATE shop.products SET stock = stock + :quantity, updated_at = now()"
          + " WHERE id = :id AND stock <= :maxStock - :quantity RETURNING " + COLUMNS + "),"
          + " m AS (INSERT INTO shop.stock_movements (product_id, delta, reason)"
          + " SELECT id, :quantity, 'restock' FROM p)"
          + " SELECT " + COLUMNS + " FROM p";

  private static final String UNIQUE_VIOLATION = "23505";

  private final Database database;
  private final ProductMapper mapper;
  private final Currency currency;

  /**
   * Creates the catalog; {@link io.github.hybridshop.core.Shop} does, and embedders get it from
   * {@code Shop.catalog()} ({@code Database} is not API).
   *
   * @param database access to the migrated shop schema
   * @param config the shop's settings
   */
  public Catalog(Database database, ShopConfig config) {
    this.database = Objects.requireNonNull(database, "database");
    this.mapper = new ProductMapper(config);
    this.currency = config.currency();
  }

  /**
   * Adds a product with its opening stock.
   *
   * @param product the validated product
   * @return the stored product with its id
   * @throws DuplicateProductException when the category already has a product of that name
   * @throws ValidationException when the price has more decimals than the shop's currency
   */
  public Product add(NewProduct product) {
    int digits = currency.getDefaultFractionDigits();
    Violations violations = new Violations();
    violations.check(
        product.price().stripTrailingZeros().scale() <= digits,
        "price",
        "must have at most " + digits + " decimal places in " + currency.getCurrencyCode());
    violations.throwIfAny();
    try {
      return database.jdbi().withHandle(
          handle ->
              handle
                  .createQuery(INSERT)
                  .bind("name", product.name())
                  .bind("category", product.category())
                  .bind("price", product.price())
                  .bind("stock", product.stock())
                  .map((rs, ctx) -> mapper.map(rs))
                  .one());
    } catch (UnableToExecuteStatementException e) {
      if (e.getCause() instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
        throw new DuplicateProductException(product.category(), product.name());
      }
      throw e;
    }
  }

  /**
   * Looks up one product.
   *
   * @param id the product id
   * @return the product, or empty when there is none with that id
   */
  public Optional<Product> find(long id) {
    // Plain JDBC, like list(): product pages are what a cold-started process often serves first.
    return database.withConnection(
        connection -> {
          try (PreparedStatement select =
              connection.prepareStatement("SELECT " + COLUMNS + " FROM shop.products WHERE id = ?")) {
            select.setLong(1, id);
            try (ResultSet rs = select.executeQuery()) {
              return rs.next() ? Optional.of(mapper.map(rs)) : Optional.empty();
            }
          }
        });
  }

  /**
   * Returns one product.
   *
   * @param id the product id
   * @return the product
   * @throws ProductNotFoundException when there is none with that id
   */
  public Product get(long id) {
    return find(id).orElseThrow(() -> new ProductNotFoundException(id));
  }

  /**
   * Lists products in ascending id, one page at a time (keyset paging: pages stay stable while
   * products are added).
   *
   * @param query filters, page size and cursor
   * @return the page
   * @throws ValidationException when the query is out of range
   */
  public ProductPage list(ProductQuery query) {
    long afterId = query.validatedAfterId();
    StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM shop.products WHERE id > ?");
    if (query.category() != null) {
      sql.append(" AND category = ?");
    }
    if (query.nameContains() != null) {
      sql.append(" AND name ILIKE ? ESCAPE '\\'");
    }
    sql.append(" ORDER BY id LIMIT ?");
    // Plain JDBC: the most frequent read, where Jdbi's per-statement and per-row work cost a
    // quarter of the throughput in the catalog benchmark, and a cold start's first request
    // need not set Jdbi up at all.
    List<Product> rows =
        database.withConnection(
            connection -> {
              try (PreparedStatement select = connection.prepareStatement(sql.toString())) {
                int at = 1;
                select.setLong(at++, afterId);
                if (query.category() != null) {
                  select.setString(at++, query.category());
                }
                if (query.nameContains() != null) {
                  select.setString(at++, likePattern(query.nameContains()));
                }
                select.setInt(at, query.limit() + 1);
                List<Product> found = new ArrayList<>(query.limit() + 1);
                try (ResultSet rs = select.executeQuery()) {
                  while (rs.next()) {
                    found.add(mapper.map(rs));
                  }
                }
                return found;
              }
            });
    if (rows.size() <= query.limit()) {
      return new ProductPage(rows, null);
    }
    List<Product> page = rows.subList(0, query.limit());
    return new ProductPage(page, Long.toString(page.get(page.size() - 1).id()));
  }

  /**
   * Adds units to a product's stock.
   *
   * @param id the product id
   * @param quantity 1 to {@value #MAX_RESTOCK} units
   * @return the product after the restock
   * @throws ValidationException when the quantity is out of range or would take stock past
   *     {@value NewProduct#MAX_STOCK}
   * @throws ProductNotFoundException when there is no such product
   */
  public Product restock(long id, int quantity) {
    Violations violations = new Violations();
    violations.check(
        quantity >= 1 && quantity <= MAX_RESTOCK,
        "quantity",
        "must be between 1 and " + MAX_RESTOCK);
    violations.throwIfAny();
    Optional<Product> restocked =
        database.jdbi().withHandle(
            handle ->
                handle
                    .createQuery(RESTOCK)
                    .bind("id", id)
                    .bind("quantity", quantity)
                    .bind("maxStock", NewProduct.MAX_STOCK)
                    .map((rs, ctx) -> mapper.map(rs))
                    .findOne());
    if (restocked.isPresent()) {
      return restocked.get();
    }
    get(id);
    throw ValidationException.of(
        "quantity", "would take stock past the maximum of " + NewProduct.MAX_STOCK);
  }

  private static String likePattern(String text) {
    String escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    return "%" + escaped + "%";
  }

  /** Reads a row selected with {@link #COLUMNS}, by position: label lookups cost per row. */
  private static final class ProductMapper {
    private final ShopConfig config;

    ProductMapper(ShopConfig config) {
      this.config = Objects.requireNonNull(config, "config");
    }

    Product map(ResultSet rs) throws SQLException {
      BigDecimal price = rs.getBigDecimal(4);
      return new Product(
          rs.getLong(1),
          rs.getString(2),
          rs.getString(3),
          Money.of(price, config.currency()),
          rs.getInt(5),
          rs.getObject(6, OffsetDateTime.class).toInstant(),
          rs.getObject(7, OffsetDateTime.class).toInstant());
    }
  }
}
