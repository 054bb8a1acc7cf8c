package io.github.hybridshop.core.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;

/**
 * shop-core's {@code internal} package is for shop-core alone. Every module that depends on
 * shop-core checks its own classes against {@link #NOT_USED_OUTSIDE_SHOP_CORE}:
 *
 * <pre>{@code
 * @AnalyzeClasses(packages = "io.github.hybridshop.aws", importOptions = ImportOption.DoNotIncludeTests.class)
 * class ArchitectureTest {
 *   @ArchTest static final ArchRule CORE_INTERNALS = CoreInternals.NOT_USED_OUTSIDE_SHOP_CORE;
 * }
 * }</pre>
 */
public final class CoreInternals {
  /** The package that is not API. */
  public static final String PACKAGE = "io.github.hybridshop.core.internal..";

  /** No class outside shop-core uses anything in {@link #PACKAGE}. */
  public static final ArchRule NOT_USED_OUTSIDE_SHOP_CORE =
      noClasses()
          .that()
          .resideOutsideOfPackage("io.github.hybridshop.core..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage(PACKAGE)
          .because("shop-core's internal package is not API: use Shop, ShopSchema and the replication classes");

  private CoreInternals() {}
}
