package io.github.hybridshop.examples.deployment;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Runs the {@code terraform} binary found on PATH (only {@code fmt} works offline). */
final class TerraformCli {

  /**
   * Outcome of one run.
   *
   * @param exitCode process exit code
   * @param output stdout and stderr together
   */
  record Result(int exitCode, String output) {}

  private final Path binary;

  private TerraformCli(Path binary) {
    this.binary = binary;
  }

  /** The terraform on PATH, if any. */
  static Optional<TerraformCli> onPath() {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String dir : path.split(File.pathSeparator)) {
      if (dir.isBlank()) {
        continue;
      }
      for (String name : List.of("terraform", "terraform.exe")) {
        Path candidate = Path.of(dir, name);
        if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
          return Optional.of(new TerraformCli(candidate));
        }
      }
    }
    return Optional.empty();
  }

  /** {@code terraform fmt -check -recursive -diff dir}: exit code 0 when everything is formatted. */
  Result fmtCheck(Path dir) throws IOException, InterruptedException {
    return run(List.of("fmt", "-check", "-recursive", "-diff", "-no-color", dir.toString()));
  }

  private Result run(List<String> args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(binary.toString());
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    // No network, no plugin cache, no checkpoint calls: fmt needs none of them.
    builder.environment().put("CHECKPOINT_DISABLE", "1");
    Process process = builder.start();
    byte[] out = process.getInputStream().readAllBytes();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IOException("terraform " + args + " did not finish within 60 s");
    }
    return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8));
  }
}
