package io.github.hybridshop.examples.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The wiring checks over the real terraform/ tree: every one must come back empty. */
class TerraformWiringTest {

  private static final Map<Path, TerraformModule> CACHE = new HashMap<>();

  static TerraformModule module(Path dir) {
    return CACHE.computeIfAbsent(dir.normalize(), TerraformModule::load);
  }

  static Stream<Path> moduleDirs() {
    return RepoLayout.moduleDirs(RepoLayout.terraform()).stream();
  }

  @Test
  void treeHasTheRootAndItsModules() {
    assertThat(moduleDirs().map(d -> RepoLayout.terraform().relativize(d).toString().replace('\\', '/')))
        .containsExactlyInAnyOrder("", "modules/aws-network", "modules/aws-database", "modules/aws-api",
            "modules/gcp-web", "modules/gcp-replication", "modules/aws-monitoring", "modules/gcp-monitoring");
    assertThat(module(RepoLayout.terraform()).moduleCalls()).hasSize(7);
  }

  @ParameterizedTest
  @MethodSource("moduleDirs")
  void everyVariableUsedIsDeclared(Path dir) {
    assertThat(WiringChecks.undeclaredVariables(module(dir))).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("moduleDirs")
  void noSecretHasADefault(Path dir) {
    assertThat(WiringChecks.secretDefaults(module(dir))).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("moduleDirs")
  void moduleCallsMatchTheModulesTheyCall(Path dir) {
    assertThat(WiringChecks.moduleWiring(module(dir), TerraformWiringTest::module)).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("moduleDirs")
  void everyVariableHasADescriptionAndAType(Path dir) throws IOException {
    // hcl4j keeps only the variable's presence; the text tells whether description/type are there.
    TerraformModule m = module(dir);
    for (TerraformModule.Variable v : m.variables().values()) {
      String code = m.code().get(v.file());
      int start = code.indexOf("variable \"" + v.name() + "\"");
      int end = code.indexOf("\nvariable \"", start + 1);
      String block = code.substring(start, end < 0 ? code.length() : end);
      assertThat(block).as("variable %s in %s", v.name(), v.file()).contains("description").contains("type");
    }
  }

  @Test
  void environmentVariablesFollowTheContract() {
    List<TerraformModule> modules = moduleDirs().map(TerraformWiringTest::module).toList();
    for (EnvContract contract : List.of(EnvContract.LAMBDA, EnvContract.WEB)) {
      List<TerraformModule> applicable = modules.stream().filter(contract::appliesTo).toList();
      assertThat(applicable).as("modules defining %s", contract.resourceType()).hasSize(1);
      assertThat(contract.check(applicable.get(0))).isEmpty();
    }
  }

  @ParameterizedTest
  @MethodSource("moduleDirs")
  void everyModuleReadmeListsItsInputsAndOutputs(Path dir) throws IOException {
    Path readme = dir.resolve("README.md");
    assertThat(readme).exists();
    String text = Files.readString(readme);
    TerraformModule m = module(dir);
    for (String name : m.variables().keySet()) {
      assertThat(text).as("%s documents input %s", readme, name).contains("`" + name + "`");
    }
    for (String name : m.outputs()) {
      assertThat(text).as("%s documents output %s", readme, name).contains("`" + name + "`");
    }
  }
}
