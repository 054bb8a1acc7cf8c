package io.github.hybridshop.examples.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The environment-variable check must catch typos, missing names and forbidden ones. */
class EnvContractTest {

  @Test
  void lambdaTypoMissingAndPlainPasswordAreReported() {
    TerraformModule module = TerraformModule.load(RepoLayout.fixture("env-bad/lambda"));

    List<String> findings = EnvContract.LAMBDA.check(module).stream().map(f -> f.check() + " " + f.message()).toList();

    assertThat(findings)
        .anyMatch(m -> m.startsWith("env-unknown") && m.contains("SHOP_DB_SECRET "))
        .anyMatch(m -> m.startsWith("env-forbidden") && m.contains("DB_PASSWORD"))
        .anyMatch(m -> m.startsWith("env-missing") && m.contains("SHOP_DB_SECRET_ARN"))
        .anyMatch(m -> m.startsWith("env-missing") && m.contains("SHOP_ADMIN_JWT_SUBJECTS"))
        .noneMatch(m -> m.contains(": DB_HOST ") || m.contains(": SHOP_CURRENCY "));
  }

  @Test
  void webPortAndMissingNamesAreReported() {
    TerraformModule module = TerraformModule.load(RepoLayout.fixture("env-bad/web"));

    List<String> findings = EnvContract.WEB.check(module).stream().map(f -> f.check() + " " + f.message()).toList();

    assertThat(findings)
        .anyMatch(m -> m.startsWith("env-forbidden") && m.contains("PORT"))
        .anyMatch(m -> m.startsWith("env-missing") && m.contains("SHOP_COOKIE_SECRET"))
        .noneMatch(m -> m.contains(": SHOP_API_URL "));
  }

  @Test
  void namesAreReadFromMapKeysAndEnvBlocks() {
    assertThat(EnvContract.namesSetIn(TerraformModule.load(RepoLayout.fixture("env-bad/web"))))
        .containsExactly("PORT", "SHOP_API_URL");
  }
}
