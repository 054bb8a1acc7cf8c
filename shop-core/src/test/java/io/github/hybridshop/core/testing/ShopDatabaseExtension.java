package io.github.hybridshop.core.testing;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests the JVM-wide migrated test database and empties it before every test.
 *
 * <pre>{@code
 * @ExtendWith(ShopDatabaseExtension.class)
 * class CatalogTest {
 *   @Test
 *   void adds(ShopDatabase db) { ... db.shop().catalog() ... }
 * }
 * }</pre>
 *
 * <p>The server starts once per JVM (see {@link PostgresServer}); resetting is a {@code TRUNCATE},
 * so every test starts from empty tables at a few milliseconds' cost.
 */
public final class ShopDatabaseExtension implements BeforeEachCallback, ParameterResolver {

  @Override
  public void beforeEach(ExtensionContext context) {
    ShopDatabase.shared().reset();
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
    return parameter.getParameter().getType() == ShopDatabase.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
    return ShopDatabase.shared();
  }
}
