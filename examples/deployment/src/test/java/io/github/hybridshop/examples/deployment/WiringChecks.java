package io.github.hybridshop.examples.deployment;

import io.github.hybridshop.examples.deployment.HclText.ModuleOutputRef;
import io.github.hybridshop.examples.deployment.TerraformModule.ModuleCall;
import io.github.hybridshop.examples.deployment.TerraformModule.Variable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * What {@code terraform validate} would catch if providers could be downloaded here: variables,
 * module inputs and module outputs that do not line up. Plus one policy: no secret has a default.
 */
final class WiringChecks {

  /** Variable names that hold, or may hold, a credential. */
  static final Pattern SECRET_NAME = Pattern.compile("(?i)password|secret|token");

  private WiringChecks() {}

  /** Every {@code var.x} used in the module is declared in it. */
  static List<Finding> undeclaredVariables(TerraformModule module) {
    List<Finding> findings = new ArrayList<>();
    module.code().forEach((file, code) -> {
      for (String name : HclText.variableRefs(code)) {
        if (!module.variables().containsKey(name)) {
          findings.add(new Finding("undeclared-variable", file,
              "var." + name + " is used but no variable \"" + name + "\" is declared in " + module.dir()));
        }
      }
    });
    return findings;
  }

  /** No variable whose name suggests a credential has a default, not even {@code null}. */
  static List<Finding> secretDefaults(TerraformModule module) {
    return module.variables().values().stream()
        .filter(v -> SECRET_NAME.matcher(v.name()).find() && v.hasDefault())
        .map(v -> new Finding("secret-default", v.file(),
            "variable \"" + v.name() + "\" looks like a secret and must not have a default"))
        .toList();
  }

  /**
   * Every local module call passes only inputs the module declares and every input it requires;
   * every {@code module.m.o} reference names a called module and one of its outputs.
   *
   * @param loader loads a called module's directory (lets tests count loads or substitute)
   */
  static List<Finding> moduleWiring(TerraformModule caller, Function<Path, TerraformModule> loader) {
    List<Finding> findings = new ArrayList<>();
    for (ModuleCall call : caller.moduleCalls().values()) {
      Optional<TerraformModule> callee = calledModule(caller, call, loader, findings);
      if (callee.isEmpty()) {
        continue;
      }
      Map<String, Variable> declared = callee.get().variables();
      for (String argument : new TreeSet<>(call.arguments())) {
        if (!declared.containsKey(argument)) {
          findings.add(new Finding("unknown-input", call.file(),
              "module \"" + call.name() + "\" passes " + argument + ", which " + call.source() + " does not declare"));
        }
      }
      declared.values().stream()
          .filter(v -> !v.hasDefault() && !call.arguments().contains(v.name()))
          .forEach(v -> findings.add(new Finding("missing-input", call.file(),
              "module \"" + call.name() + "\" does not pass required input " + v.name() + " of " + call.source())));
    }

    caller.code().forEach((file, code) -> {
      for (ModuleOutputRef ref : HclText.moduleOutputRefs(code)) {
        ModuleCall call = caller.moduleCalls().get(ref.module());
        if (call == null) {
          findings.add(new Finding("unknown-module", file,
              "module." + ref.module() + "." + ref.output() + " refers to a module block that does not exist"));
          continue;
        }
        Optional<Path> dir = localSource(caller, call);
        if (dir.isPresent() && Files.isDirectory(dir.get())) {
          Set<String> outputs = loader.apply(dir.get()).outputs();
          if (!outputs.contains(ref.output())) {
            findings.add(new Finding("unknown-output", file,
                "module." + ref.module() + "." + ref.output() + ": " + call.source() + " has no output \""
                    + ref.output() + "\" (it has " + new TreeSet<>(outputs) + ")"));
          }
        }
      }
    });
    return findings;
  }

  private static Optional<TerraformModule> calledModule(
      TerraformModule caller, ModuleCall call, Function<Path, TerraformModule> loader, List<Finding> findings) {
    Optional<Path> dir = localSource(caller, call);
    if (dir.isEmpty()) {
      // Registry or git modules cannot be read offline; this repository uses none.
      return Optional.empty();
    }
    if (!Files.isDirectory(dir.get()) || !TerraformModule.isModule(dir.get())) {
      findings.add(new Finding("missing-module", call.file(),
          "module \"" + call.name() + "\" has source " + call.source() + ", which is not a module directory"));
      return Optional.empty();
    }
    return Optional.of(loader.apply(dir.get()));
  }

  /** The directory of a call's {@code ./} or {@code ../} source; empty for registry or git sources. */
  static Optional<Path> localSource(TerraformModule caller, ModuleCall call) {
    String source = call.source();
    if (source.startsWith("./") || source.startsWith("../")) {
      return Optional.of(caller.dir().resolve(source).normalize());
    }
    return Optional.empty();
  }
}
