package io.github.hybridshop.examples.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code terraform fmt -check -recursive terraform/}, when a terraform binary is on PATH. */
class TerraformFormatTest {

  private TerraformCli terraform;

  @BeforeEach
  void findTerraform() {
    Optional<TerraformCli> cli = TerraformCli.onPath();
    // Formatting is the one Terraform check that needs the real binary. Without it the test is
    // skipped, in CI too: the wiring checks below still run everywhere.
    boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
    assumeTrue(cli.isPresent(), () -> "terraform is not on PATH, so terraform fmt -check is skipped"
        + (ci ? " (CI=true: install terraform on the build image to enforce formatting)" : ""));
    terraform = cli.get();
  }

  @Test
  void terraformTreeIsFormatted() throws Exception {
    TerraformCli.Result result = terraform.fmtCheck(RepoLayout.terraform());

    assertThat(result.exitCode())
        .as("terraform fmt -check -recursive terraform (fix with: terraform fmt -recursive terraform)%n%s",
            result.output())
        .isZero();
  }

  @Test
  void unformattedFileIsReported() throws Exception {
    TerraformCli.Result result = terraform.fmtCheck(RepoLayout.fixture("fmt-bad"));

    assertThat(result.exitCode()).isNotZero();
    assertThat(result.output()).contains("main.tf");
  }
}
