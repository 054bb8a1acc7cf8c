package io.github.hybridshop.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** shop-core is the dependency-light centre: no cloud SDK, web framework or warehouse driver. */
@AnalyzeClasses(packages = "io.github.hybridshop.core", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule NO_CLOUD_WEB_OR_WAREHOUSE =
      noClasses()
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "com.amazonaws..", "software.amazon..", "com.google..", "spark..", "org.eclipse.jetty..", "org.duckdb..", "io.debezium..");

  /** Only Database makes Jdbi: every class reaching PostgreSQL gets the shop's set-up and exceptions. */
  @ArchTest
  static final ArchRule ONE_WAY_TO_THE_DATABASE =
      noClasses()
          .that()
          .resideOutsideOfPackage("io.github.hybridshop.core.internal..")
          .should()
          .callMethod(org.jdbi.v3.core.Jdbi.class, "create", javax.sql.DataSource.class)
          .because("shop-core reaches PostgreSQL through internal.Database (its Jdbi set-up, its exceptions)");

  @ArchTest
  static final ArchRule NO_UPWARD_DEPENDENCIES =
      noClasses().should().dependOnClassesThat().resideInAnyPackage("io.github.hybridshop.aws..", "io.github.hybridshop.gcp..", "io.github.hybridshop.examples..");
}
