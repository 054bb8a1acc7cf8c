package io.github.hybridshop.examples.embedding;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.github.hybridshop.core.testing.CoreInternals;

/** The embedding example, like any embedder, reaches shop-core through its API only. */
@AnalyzeClasses(packages = "io.github.hybridshop.examples.embedding", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule CORE_INTERNALS = CoreInternals.NOT_USED_OUTSIDE_SHOP_CORE;
}
