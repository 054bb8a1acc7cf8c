package io.github.hybridshop.examples.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each wiring check, run over a fixture that breaks it, must say so. */
class WiringChecksFixtureTest {

  private final Path root = RepoLayout.fixture("wiring-bad");
  private final TerraformModule module = TerraformModule.load(root);

  @Test
  void undeclaredVariablesAreReportedButCommentsIgnored() {
    List<String> messages = messages(WiringChecks.undeclaredVariables(module));
    List<String> child = messages(WiringChecks.undeclaredVariables(TerraformModule.load(root.resolve("modules/child"))));

    assertThat(messages).hasSize(1).allMatch(m -> m.contains("var.not_declared"));
    assertThat(child).hasSize(1).allMatch(m -> m.contains("var.undeclared_in_child"));
  }

  @Test
  void secretVariablesWithDefaultsAreReported() {
    assertThat(messages(WiringChecks.secretDefaults(module)))
        .hasSize(2)
        .anyMatch(m -> m.contains("\"api_token\""))
        .anyMatch(m -> m.contains("\"db_password\""));
  }

  @Test
  void moduleCallsAreCheckedAgainstTheCalledModule() {
    List<Finding> findings = WiringChecks.moduleWiring(module, TerraformModule::load);

    assertThat(findings).extracting(Finding::check).containsExactlyInAnyOrder(
        "unknown-input", "missing-input", "missing-module", "unknown-output", "unknown-module");
    assertThat(messages(findings))
        .anyMatch(m -> m.contains("passes colour"))
        .anyMatch(m -> m.contains("required input size"))
        .anyMatch(m -> m.contains("./modules/does-not-exist"))
        .anyMatch(m -> m.contains("module.child.nope") && m.contains("[id]"))
        .anyMatch(m -> m.contains("module.ghost.anything"));
  }

  private static List<String> messages(List<Finding> findings) {
    return findings.stream().map(Finding::message).toList();
  }
}
